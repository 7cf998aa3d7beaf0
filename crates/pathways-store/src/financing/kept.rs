//! The monthly funder report's lines, kept (issue 21; migration m0037): per organization, month, funding source and
//! staff member, the signed events' count, units, cents, and claim lines ready to bill or still with a problem
//! (`pathways_domain::financing::month`: every figure the report shows is a sum, so the rows add exactly). The
//! report reads one month's rows ([`month`]) instead of the month's events.
//!
//! Kept true in the transaction that changes what counts ([`apply`], called by `financing::sign`, `cosign` and
//! `correct`): signing adds the event to its month's line, a co-signature that clears the last problem moves its
//! lines from waiting to ready, and a correction takes the superseded version off (the new version is a draft: it
//! counts once signed, possibly in another month or under another source). The "before" of a change is read
//! after the conditional update that makes it, so the row is the one this transaction holds locked, not a version
//! another transaction has since replaced. [`rebuild`] recounts every line from the events (the migration's
//! backfill, and after a bulk load, which bypasses [`apply`]); the tests compare the kept rows with [`recount`].

use std::collections::BTreeMap;

use chrono::NaiveDate;
use pathways_domain::OrgId;
use pathways_domain::financing::month::{Counted, MonthCounts, month_of};
use sea_orm::sea_query::{Alias, Expr, ExprTrait as _, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::SIGNED;
use super::reports::FunderLine;
use crate::Result;
use crate::entities::{service_event, service_month_count};

use service_month_count::Column as C;

/// Rows per insert (9 values each).
const CHUNK: usize = 500;

/// A kept line's key: an organization's month (its first day), a funding source, a staff member.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Line {
    pub org: Uuid,
    pub month: NaiveDate,
    pub source: Uuid,
    pub staff: Uuid,
}

impl Line {
    fn of(e: &service_event::Model) -> Self {
        Self { org: e.org_id, month: month_of(e.occurred_on), source: e.funding_source_id, staff: e.staff_account_id }
    }
}

fn counted(e: &service_event::Model) -> Counted {
    Counted {
        units: i64::from(e.units),
        cents: e.cents,
        problems: i64::from(e.problem_count),
        persons: i64::from(e.person_count),
    }
}

/// Adds `changes` to the kept lines, making the lines that are not there yet. Changes that move nothing are not
/// written.
async fn add(db: &impl ConnectionTrait, changes: &BTreeMap<Line, MonthCounts>) -> Result<()> {
    let rows: Vec<_> = changes.iter().filter(|(_, c)| !c.is_zero()).collect();
    for chunk in rows.chunks(CHUNK) {
        let mut insert = Query::insert();
        insert.into_table(service_month_count::Entity).columns([
            C::OrgId,
            C::FirstDay,
            C::FundingSourceId,
            C::StaffAccountId,
            C::Events,
            C::Units,
            C::Cents,
            C::ReadyLines,
            C::WaitingLines,
        ]);
        for (l, c) in chunk {
            insert.values_panic([
                l.org.into(),
                l.month.into(),
                l.source.into(),
                l.staff.into(),
                c.events.into(),
                c.units.into(),
                c.cents.into(),
                c.ready_lines.into(),
                c.waiting_lines.into(),
            ]);
        }
        let excluded = |c: C| Expr::col((Alias::new("excluded"), c));
        let kept = |c: C| Expr::col((service_month_count::Entity, c));
        let sum = |c: C| (c, kept(c).add(excluded(c)));
        insert.on_conflict(
            OnConflict::columns([C::OrgId, C::FirstDay, C::FundingSourceId, C::StaffAccountId])
                .values([sum(C::Events), sum(C::Units), sum(C::Cents), sum(C::ReadyLines), sum(C::WaitingLines)])
                .to_owned(),
        );
        db.execute(&insert).await?;
    }
    Ok(())
}

/// Applies a change of one event to the kept lines: `before` is the event as it counted (signed) before the
/// change, `after` as it counts now (`None`: it does not count — a draft, or a superseded version). Call it in
/// the transaction that makes the change, with rows read after its conditional update.
pub async fn apply(
    db: &impl ConnectionTrait,
    before: Option<&service_event::Model>,
    after: Option<&service_event::Model>,
) -> Result<()> {
    let mut changes: BTreeMap<Line, MonthCounts> = BTreeMap::new();
    if let Some(b) = before {
        let e = changes.entry(Line::of(b)).or_default();
        *e = e.plus(MonthCounts::change(Some(counted(b)), None));
    }
    if let Some(a) = after {
        let e = changes.entry(Line::of(a)).or_default();
        *e = e.plus(MonthCounts::change(None, Some(counted(a))));
    }
    add(db, &changes).await
}

/// One month's kept lines of an organization (optionally one source's), by source and staff member: the report.
pub async fn month(
    db: &impl ConnectionTrait,
    org: OrgId,
    first_day: NaiveDate,
    source: Option<Uuid>,
) -> Result<Vec<FunderLine>> {
    let mut q = service_month_count::Entity::find()
        .filter(C::OrgId.eq(org.as_uuid()))
        .filter(C::FirstDay.eq(month_of(first_day)))
        // A line whose events were all corrected away holds zeros: the report shows none.
        .filter(C::Events.ne(0));
    if let Some(s) = source {
        q = q.filter(C::FundingSourceId.eq(s));
    }
    Ok(q.order_by_asc(C::FundingSourceId)
        .order_by_asc(C::StaffAccountId)
        .all(db)
        .await?
        .into_iter()
        .map(|r| FunderLine {
            source: r.funding_source_id,
            staff: r.staff_account_id,
            events: r.events,
            units: r.units,
            cents: r.cents,
            ready_lines: r.ready_lines,
            waiting_lines: r.waiting_lines,
        })
        .collect())
}

/// Every kept line that holds something. For the tests' comparison with [`recount`].
pub async fn all(db: &impl ConnectionTrait) -> Result<BTreeMap<Line, MonthCounts>> {
    Ok(service_month_count::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|r| {
            let line =
                Line { org: r.org_id, month: r.first_day, source: r.funding_source_id, staff: r.staff_account_id };
            let counts = MonthCounts {
                events: r.events,
                units: r.units,
                cents: r.cents,
                ready_lines: r.ready_lines,
                waiting_lines: r.waiting_lines,
            };
            (line, counts)
        })
        .filter(|(_, c)| !c.is_zero())
        .collect())
}

/// (organization, day, source, staff member, events, units, cents, ready lines, waiting lines).
type DayRow = (Uuid, NaiveDate, Uuid, Uuid, i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>);

/// Every line counted again from the signed events, by the database per day, then by month here (a month's first
/// day is not written the same way in SQLite and PostgreSQL).
pub async fn recount(db: &impl ConnectionTrait) -> Result<BTreeMap<Line, MonthCounts>> {
    let rows: Vec<DayRow> = service_event::Entity::find()
        .filter(service_event::Column::State.eq(SIGNED))
        .select_only()
        .column(service_event::Column::OrgId)
        .column(service_event::Column::OccurredOn)
        .column(service_event::Column::FundingSourceId)
        .column(service_event::Column::StaffAccountId)
        .column_as(Expr::cust("COUNT(*)"), "events")
        .column_as(super::sum_i64(service_event::Column::Units), "units")
        .column_as(super::sum_i64(service_event::Column::Cents), "cents")
        .column_as(super::reports::lines_expr(true), "ready_lines")
        .column_as(super::reports::lines_expr(false), "waiting_lines")
        .group_by(service_event::Column::OrgId)
        .group_by(service_event::Column::OccurredOn)
        .group_by(service_event::Column::FundingSourceId)
        .group_by(service_event::Column::StaffAccountId)
        .into_tuple()
        .all(db)
        .await?;
    let mut out: BTreeMap<Line, MonthCounts> = BTreeMap::new();
    for (org, day, source, staff, events, units, cents, ready, waiting) in rows {
        let e = out.entry(Line { org, month: month_of(day), source, staff }).or_default();
        *e = e.plus(MonthCounts {
            events,
            units: units.unwrap_or(0),
            cents: cents.unwrap_or(0),
            ready_lines: ready.unwrap_or(0),
            waiting_lines: waiting.unwrap_or(0),
        });
    }
    out.retain(|_, c| !c.is_zero());
    Ok(out)
}

/// Recounts every kept line from the signed events (the migration's backfill; after a bulk load). Returns the rows
/// written.
pub async fn rebuild(db: &impl ConnectionTrait) -> Result<u64> {
    let lines = recount(db).await?;
    service_month_count::Entity::delete_many().exec(db).await?;
    add(db, &lines).await?;
    Ok(lines.len() as u64)
}
