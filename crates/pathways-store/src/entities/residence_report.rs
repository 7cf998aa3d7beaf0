use sea_orm::entity::prelude::*;

/// One weekly bed report, kept for history.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "residence_report")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub residence_id: Uuid,
    pub available_beds: i32,
    /// The residence's total at the time.
    pub total_beds: i32,
    pub naloxone_doses: i32,
    pub reported_at: DateTimeUtc,
    pub reported_by_account_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
