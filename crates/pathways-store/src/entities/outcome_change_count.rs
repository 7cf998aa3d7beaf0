use sea_orm::entity::prelude::*;

/// Outcome change's pairs of one organization, follow-up point (6 or 12 months) and month of the follow-up's day,
/// counted per indicator (m0050): `n` pairs with the indicator answered in both interviews, of them `baseline` with
/// it at baseline and `follow_up` with it at the follow-up. BARC-10's row (`change::BARC10_CUTOFF_ID`) counts the
/// pairs with both totals, those at or above the cut-off, and the totals' sums (`baseline_sum`, `follow_up_sum`; 0
/// on every other row). Kept by `crate::outcome_change_kept` in the transaction that changes an episode's pairs.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outcome_change_count")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub org_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub months: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub month: Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub indicator: String,
    pub n: i64,
    pub baseline: i64,
    pub follow_up: i64,
    pub baseline_sum: i64,
    pub follow_up_sum: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
