use sea_orm::entity::prelude::*;

/// One person's voucher under a voucher program.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "voucher")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub funding_source_id: Uuid,
    pub person_id: Uuid,
    pub number: String,
    pub authorized_units: i32,
    /// Never below zero (a check constraint; signing debits it by a conditional update).
    pub balance_units: i32,
    pub expires_on: Date,
    pub created_at: DateTimeUtc,
    /// When an administrator withdrew it (m0041); `None`: in force.
    pub withdrawn_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
