use sea_orm::entity::prelude::*;

/// A service of the community directory (HSDS `service`), a mutual-help meeting being one kind. `doc` is the
/// HSDS object with its nested phones, schedules, languages, cost options, service areas and attributes.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dir_service")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub source: String,
    pub external_id: String,
    pub name: String,
    pub is_meeting: bool,
    /// The IANA zone of its schedules (HSDS keeps only a UTC offset, which can't follow daylight saving).
    pub time_zone: Option<String>,
    pub doc: Json,
    pub content_hash: String,
    /// When someone last confirmed the listing is right; stale after 180 days.
    pub last_verified_on: Option<Date>,
    pub retired_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
