use sea_orm::entity::prelude::*;

/// The monthly funder report's line, kept (m0037): an organization's signed service events of a month under one
/// funding source by one staff member — how many, their units and cents, and their claim lines ready to bill or
/// still with a problem. Kept by `crate::financing::kept` in the transaction that signs, co-signs or corrects.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "service_month_count")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub org_id: Uuid,
    /// The first day of the month.
    #[sea_orm(primary_key, auto_increment = false)]
    pub first_day: Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub funding_source_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub staff_account_id: Uuid,
    pub events: i64,
    pub units: i64,
    pub cents: i64,
    pub ready_lines: i64,
    pub waiting_lines: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
