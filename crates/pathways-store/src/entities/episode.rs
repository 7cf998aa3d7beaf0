use sea_orm::entity::prelude::*;

/// A person's episode of care with a program (an organization): first to last service, and its closeout.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "episode")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub started_on: Date,
    pub last_service_on: Date,
    pub ended_on: Option<Date>,
    /// `pathways_domain::outcomes::CloseoutReason` by name.
    pub closeout_reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
