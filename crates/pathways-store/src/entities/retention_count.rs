use sea_orm::entity::prelude::*;

/// The access and retention report's kept counts (m0038): records of one measure in an organization's 12-month
/// period starting on `first_day`, by category and duration (`-1`: the category with none). Kept by
/// `crate::retention_kept` in the transaction that changes an outreach item or an episode.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "retention_count")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub org_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub measure: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub first_day: Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub category: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub duration: i64,
    pub records: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
