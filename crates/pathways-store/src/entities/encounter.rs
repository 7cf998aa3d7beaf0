use sea_orm::entity::prelude::*;

/// A coach's encounter with a person. `notes` are read only by those `may_read_notes` allows.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "encounter")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub author_account_id: Uuid,
    pub occurred_on: Date,
    pub kind: String,
    pub minutes: i32,
    pub topics: Json,
    pub notes: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
