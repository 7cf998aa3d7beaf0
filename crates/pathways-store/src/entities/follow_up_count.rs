use sea_orm::entity::prelude::*;

/// The follow-up report's windows counted by organization, month and outcome (m0049): how many kept windows
/// (`follow_up_window`) of the organization close in the month starting on `month` with that outcome. Kept by
/// `crate::follow_up_kept` in the transaction that changes an episode's window; a row may hold 0.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "follow_up_count")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub org_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub month: Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub outcome: String,
    pub windows: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
