use sea_orm::entity::prelude::*;

/// One organization's kept cells of one access and retention measure and 12-month period, in one row (m0052):
/// `cells` is every `retention_count` cell of the key with records in it, packed by
/// `crate::retention_kept::summary` (category, duration, records; 20 bytes each, in that order). A network's
/// report reads one row per organization and measure instead of every duration cell. Rewritten by
/// `crate::retention_kept` in the transaction that changes its cells.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "retention_summary")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub first_day: Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub org_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub measure: String,
    pub cells: Vec<u8>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
