use sea_orm::entity::prelude::*;

/// A baseline and a follow-up of one episode, kept for the outcome-change report (m0048): 6 or 12 months, the
/// follow-up's day, each indicator answered in both (JSON `{"id": [at baseline, at follow-up]}`), the BARC-10
/// totals. Kept by `crate::outcome_pairs` in the transaction that completes an interview.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outcome_pair")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub episode_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub months: i32,
    pub org_id: Uuid,
    pub done_on: Date,
    pub indicators: String,
    pub barc10_baseline: Option<i32>,
    pub barc10_follow_up: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
