use sea_orm::entity::prelude::*;

/// An organization in a state agency's network (m0025): a member once both sides have confirmed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "network_membership")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub state_org_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub member_org_id: Uuid,
    pub state_confirmed_at: Option<DateTimeUtc>,
    pub member_confirmed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
