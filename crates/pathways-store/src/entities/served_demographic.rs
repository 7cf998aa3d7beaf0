use sea_orm::entity::prelude::*;

/// Persons an organization served in a fiscal year of 12 months starting on the first of a month (m0051), by age
/// band on its first day and preferred language group (`pathways_domain::outcomes::demographics`), each person once.
/// Kept by `crate::served_demographic` in the transaction that changes an episode or a person's details.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "served_demographic")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub org_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub first_day: Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub band: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub language: String,
    pub persons: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
