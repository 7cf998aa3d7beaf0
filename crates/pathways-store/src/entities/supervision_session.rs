use sea_orm::entity::prelude::*;

/// A supervision contact of a staff member.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "supervision_session")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub supervisor_account_id: Uuid,
    pub staff_account_id: Uuid,
    pub held_on: Date,
    pub minutes: i32,
    pub topics: Json,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
