use sea_orm::entity::prelude::*;

/// A self check-in.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "checkin")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub mood: i16,
    pub craving: i16,
    pub used_since_last: bool,
    pub use_note: Option<String>,
    pub meetings_attended: i16,
    pub supports: Option<String>,
    pub safe: bool,
    pub created_by_account_id: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
