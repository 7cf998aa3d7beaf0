//! Outcome change's counts, kept (issue 17 at a state's scale; migration m0050). Per organization, follow-up point
//! (6 or 12 months), month of the follow-up's day and indicator: the kept pairs (`crate::outcome_pairs`) with the
//! indicator answered in both interviews, and of them those with it at baseline and at the follow-up. BARC-10's
//! row (`change::BARC10_CUTOFF_ID`) counts the pairs with both totals and those at or above the cut-off, and adds
//! up the totals, which is all the network's mean needs (`PairedMean::of_sums`: whole numbers, so the sums are
//! exact and the mean is the one `PairedMean::of` gives over the pairs). The network's outcome change reads a few
//! summed rows per organization instead of every pair of the year.
//!
//! Kept by the difference: [`crate::outcome_pairs::refresh`] counts the episode's pairs before and after, and
//! [`add`] adds the difference in the same transaction (one upsert adding a delta, on both databases). Person writes
//! are serialized (SQLite's single writer; on PostgreSQL the audit chain's lock, which the gate takes before the
//! work), so the pairs "before" are what the counts hold. Indicators are kept by the id the instrument version gave
//! them; the report reads the current instrument's. A month is the
//! first of the month; a fiscal year starts on the first of a month, so its twelve months hold exactly the pairs
//! whose follow-up was done in it. [`rebuild`] counts the kept pairs (the migration's backfill);
//! `outcome_pairs::rebuild` counts the pairs it makes. The tests compare the kept rows with a count of the kept pairs
//! and of the pairs recomputed from the records.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use pathways_domain::OrgId;
use pathways_domain::barc10::CUTOFF;
use pathways_domain::outcomes::FiscalYear;
use pathways_domain::outcomes::change::{BARC10_CUTOFF_ID, Span};
use sea_orm::sea_query::{Alias, Expr, ExprTrait as _, Func, SimpleExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Value};
use uuid::Uuid;

use crate::Result;
use crate::entities::{outcome_change_count, outcome_pair};

use outcome_change_count::Column as C;

/// Kept pairs read at once by [`rebuild`].
const PAGE: u64 = 5_000;

/// One row's figures (or a change to them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sums {
    /// Pairs with the indicator answered in both interviews (on BARC-10's row: with both totals).
    pub n: i64,
    /// Of them, with it at baseline (BARC-10: a total at or above the cut-off) …
    pub baseline: i64,
    /// … and at the follow-up.
    pub follow_up: i64,
    /// BARC-10's row only: the baseline totals added up (0 on every other row) …
    pub baseline_sum: i64,
    /// … and the follow-up totals.
    pub follow_up_sum: i64,
}

impl Sums {
    fn is_zero(&self) -> bool {
        *self == Sums::default()
    }

    fn add(&mut self, o: &Sums) {
        self.n += o.n;
        self.baseline += o.baseline;
        self.follow_up += o.follow_up;
        self.baseline_sum += o.baseline_sum;
        self.follow_up_sum += o.follow_up_sum;
    }
}

/// A row's key: organization, months (6 or 12), the month (its first day), indicator.
pub type Cell = (Uuid, i32, NaiveDate, String);

/// Counts of pairs (or, with pairs taken away, a change to the counts), by cell.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally(BTreeMap<Cell, Sums>);

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

impl Tally {
    /// Counts one pair of `org` at `months`, done on `done_on` (`sign` 1), or takes it away (`sign` -1).
    pub fn pair(
        &mut self,
        org: Uuid,
        months: i32,
        done_on: NaiveDate,
        indicators: &BTreeMap<String, (bool, bool)>,
        barc10: Option<(u8, u8)>,
        sign: i64,
    ) {
        let month = first_of_month(done_on);
        let mut count = |id: &str, s: Sums| {
            let cell = self.0.entry((org, months, month, id.to_owned())).or_default();
            let signed = Sums {
                n: sign * s.n,
                baseline: sign * s.baseline,
                follow_up: sign * s.follow_up,
                baseline_sum: sign * s.baseline_sum,
                follow_up_sum: sign * s.follow_up_sum,
            };
            cell.add(&signed);
        };
        for (id, (b, f)) in indicators {
            count(id, Sums { n: 1, baseline: i64::from(*b), follow_up: i64::from(*f), ..Sums::default() });
        }
        if let Some((b, f)) = barc10 {
            count(
                BARC10_CUTOFF_ID,
                Sums {
                    n: 1,
                    baseline: i64::from(b >= CUTOFF),
                    follow_up: i64::from(f >= CUTOFF),
                    baseline_sum: i64::from(b),
                    follow_up_sum: i64::from(f),
                },
            );
        }
    }

    /// The cells (a change's may be zero: a pair taken away and put back).
    pub fn cells(&self) -> &BTreeMap<Cell, Sums> {
        &self.0
    }
}

/// Adds a change (`delta`, from [`Tally::pair`] with pairs taken away and added) to the kept rows, making the rows
/// that are not there yet and removing those left with no pair. Call it in the transaction that changes the pairs.
pub async fn add(db: &impl ConnectionTrait, delta: &Tally) -> Result<()> {
    let rows: Vec<Vec<Value>> = delta
        .0
        .iter()
        .filter(|(_, s)| !s.is_zero())
        .map(|((org, months, month, id), s)| {
            let key = [(*org).into(), (*months).into(), (*month).into(), id.clone().into()];
            let sums = [s.n, s.baseline, s.follow_up, s.baseline_sum, s.follow_up_sum].map(Value::from);
            key.into_iter().chain(sums).collect()
        })
        .collect();
    let keys = [C::OrgId, C::Months, C::Month, C::Indicator];
    let sums = [C::N, C::Baseline, C::FollowUp, C::BaselineSum, C::FollowUpSum];
    crate::kept_rows::add(db, outcome_change_count::Entity, &keys, &sums, &rows).await?;
    // A row's n counts its pairs; when the last is taken away the row goes (every figure of it is then 0).
    let emptied: BTreeSet<Uuid> = delta.0.iter().filter(|(_, s)| s.n < 0).map(|((org, ..), _)| *org).collect();
    for org in emptied {
        outcome_change_count::Entity::delete_many().filter(C::OrgId.eq(org)).filter(C::N.lte(0)).exec(db).await?;
    }
    Ok(())
}

/// Recounts every row from the kept pairs (`outcome_pair`): the migration's backfill. Returns the rows written.
pub async fn rebuild(db: &impl ConnectionTrait) -> Result<u64> {
    let tally = from_pairs(db).await?;
    replace(db, &tally).await
}

/// Replaces every kept row by `tally` (a count of every pair). Returns the rows written.
pub(crate) async fn replace(db: &impl ConnectionTrait, tally: &Tally) -> Result<u64> {
    outcome_change_count::Entity::delete_many().exec(db).await?;
    add(db, tally).await?;
    Ok(tally.0.len() as u64)
}

/// The kept pairs (`outcome_pair`) counted: what the kept rows must equal.
pub async fn from_pairs(db: &impl ConnectionTrait) -> Result<Tally> {
    let mut tally = Tally::default();
    let mut after: Option<(Uuid, i32)> = None;
    loop {
        let mut page = outcome_pair::Entity::find()
            .order_by_asc(outcome_pair::Column::EpisodeId)
            .order_by_asc(outcome_pair::Column::Months);
        if let Some((episode, months)) = after {
            page = page.filter(
                outcome_pair::Column::EpisodeId
                    .gt(episode)
                    .or(outcome_pair::Column::EpisodeId.eq(episode).and(outcome_pair::Column::Months.gt(months))),
            );
        }
        let rows = page.limit(PAGE).all(db).await?;
        let Some(last) = rows.last() else { break };
        after = Some((last.episode_id, last.months));
        for r in &rows {
            let k = crate::outcome_pairs::kept_of(&r.indicators, r.barc10_baseline, r.barc10_follow_up);
            tally.pair(r.org_id, r.months, r.done_on, &k.indicators, k.barc10, 1);
        }
    }
    Ok(tally)
}

/// Every kept row (the tests' comparison).
pub async fn all(db: &impl ConnectionTrait) -> Result<Tally> {
    let rows = outcome_change_count::Entity::find().all(db).await?;
    Ok(Tally(
        rows.into_iter()
            .map(|r| {
                let sums = Sums {
                    n: r.n,
                    baseline: r.baseline,
                    follow_up: r.follow_up,
                    baseline_sum: r.baseline_sum,
                    follow_up_sum: r.follow_up_sum,
                };
                ((r.org_id, r.months, r.month, r.indicator), sums)
            })
            .collect(),
    ))
}

fn sum_i64(c: C) -> SimpleExpr {
    Func::cast_as(Func::sum(Expr::col(c)), Alias::new("BIGINT")).into()
}

/// The organizations' counts at `span` for the pairs whose follow-up was done in the fiscal year, summed over its
/// months in the database: one row per organization and indicator kept (every id any instrument version gave).
pub async fn read(
    db: &impl ConnectionTrait,
    orgs: &[OrgId],
    span: Span,
    fy: FiscalYear,
) -> Result<Vec<(Uuid, String, Sums)>> {
    if orgs.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(Uuid, String, i64, i64, i64, i64, i64)> = outcome_change_count::Entity::find()
        .select_only()
        .column(C::OrgId)
        .column(C::Indicator)
        .column_as(sum_i64(C::N), "n")
        .column_as(sum_i64(C::Baseline), "baseline")
        .column_as(sum_i64(C::FollowUp), "follow_up")
        .column_as(sum_i64(C::BaselineSum), "baseline_sum")
        .column_as(sum_i64(C::FollowUpSum), "follow_up_sum")
        .filter(C::OrgId.is_in(orgs.iter().map(|o| o.as_uuid())))
        .filter(C::Months.eq(i32::from(span.months())))
        .filter(C::Month.gte(fy.first_day()))
        .filter(C::Month.lt(fy.end()))
        .group_by(C::OrgId)
        .group_by(C::Indicator)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(org, id, n, baseline, follow_up, baseline_sum, follow_up_sum)| {
            (org, id, Sums { n, baseline, follow_up, baseline_sum, follow_up_sum })
        })
        .collect())
}
