use sea_orm::entity::prelude::*;

/// One attempt to reach a person for an outreach item, with its outcome.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outreach_attempt")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub item_id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub by_account_id: Uuid,
    pub at: DateTimeUtc,
    pub channel: String,
    pub outcome: String,
    pub note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
