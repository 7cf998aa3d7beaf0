use sea_orm::entity::prelude::*;

/// A recovery community center's group or event (issue 20).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "community_event")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    /// `pathways_domain::community::Kind::code`.
    pub kind: String,
    pub title: String,
    pub description: Option<String>,
    /// The first start, local wall-clock time in `time_zone`.
    pub starts_local: DateTime,
    /// An IANA zone name.
    pub time_zone: String,
    pub duration_minutes: i32,
    /// `Repeat::code`: once, weekly, biweekly.
    pub repeat: String,
    /// RFC 5545 weekday codes, comma-separated.
    pub days: String,
    pub until: Option<Date>,
    pub first_start_at: DateTimeUtc,
    /// None: goes on.
    pub last_end_at: Option<DateTimeUtc>,
    pub place: Option<String>,
    pub online_url: Option<String>,
    pub language: String,
    pub audience: String,
    pub cancelled: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
