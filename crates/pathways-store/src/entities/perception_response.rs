use sea_orm::entity::prelude::*;

/// One perception-of-care survey's answers (m0025), linked to no person or account.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "perception_response")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub submitted_on: Date,
    /// `portal` or `tablet`.
    pub channel: String,
    pub locale: String,
    /// One character per item (`pathways_domain::outcomes::perception::ITEMS`): `1`–`5`, or `-` skipped.
    pub answers: String,
    pub comment: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
