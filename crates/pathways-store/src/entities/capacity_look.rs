use sea_orm::entity::prelude::*;

/// The console showed a program's count for a call; whether the count was stale then.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "capacity_look")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub program_id: Uuid,
    pub call_id: Option<Uuid>,
    pub at: DateTimeUtc,
    pub stale: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
