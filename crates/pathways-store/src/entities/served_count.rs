use sea_orm::entity::prelude::*;

/// Persons an organization served in a period of 3 or 12 months starting on the first of a month (m0032): new
/// and continuing, each person once. Kept by `crate::served` in the transaction that changes an episode.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "served_count")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub org_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub first_day: Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub months: i32,
    pub new_persons: i64,
    pub continuing_persons: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
