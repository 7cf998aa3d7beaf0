//! The funder's figures (issue 21): units and dollars of signed events by funding source and staff member over
//! a period (a month), the "ready to bill" list, and claim lines. Only signed, current versions count
//! (superseded versions were replaced by their corrections; drafts are not yet attested).

use chrono::NaiveDate;
use pathways_domain::OrgId;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::SIGNED;
use crate::Result;
use crate::entities::{service_event, service_event_person};

/// (funding source, staff member, events, units, cents, lines ready to bill, lines with a problem) as the grouped
/// query reads them.
type SumRow = (Uuid, Uuid, i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>);

/// One line of the report: a funding source and staff member's events in the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunderLine {
    pub source: Uuid,
    pub staff: Uuid,
    pub events: i64,
    pub units: i64,
    pub cents: i64,
    /// Claim lines (one per person of an event) whose stored check found no problem: ready to bill.
    pub ready_lines: i64,
    /// Claim lines whose stored check still names a problem.
    pub waiting_lines: i64,
}

/// Units, cents and claim lines (ready or not) of signed events from `from` to `to` (inclusive), by funding source
/// and staff member — one grouped query, answered from the `service_event_report` index alone (m0034: organization,
/// state, date, then every column read here), so the database counts every event of the month, however many.
pub async fn by_source_and_staff(
    db: &impl ConnectionTrait,
    org: OrgId,
    from: NaiveDate,
    to: NaiveDate,
    source: Option<Uuid>,
) -> Result<Vec<FunderLine>> {
    let mut q = service_event::Entity::find()
        .filter(service_event::Column::OrgId.eq(org.as_uuid()))
        .filter(service_event::Column::State.eq(SIGNED))
        .filter(service_event::Column::OccurredOn.gte(from))
        .filter(service_event::Column::OccurredOn.lte(to));
    if let Some(s) = source {
        q = q.filter(service_event::Column::FundingSourceId.eq(s));
    }
    // `COUNT(*)`, not `COUNT(id)`: the id is not in the index, and every row counted is an event.
    let lines = |ready: bool| {
        let test = if ready { "=" } else { ">" };
        Expr::cust(format!("CAST(SUM(CASE WHEN problem_count {test} 0 THEN person_count ELSE 0 END) AS BIGINT)"))
    };
    let rows: Vec<SumRow> = q
        .select_only()
        .column(service_event::Column::FundingSourceId)
        .column(service_event::Column::StaffAccountId)
        .column_as(Expr::cust("COUNT(*)"), "events")
        .column_as(super::sum_i64(service_event::Column::Units), "units")
        .column_as(super::sum_i64(service_event::Column::Cents), "cents")
        .column_as(lines(true), "ready_lines")
        .column_as(lines(false), "waiting_lines")
        .group_by(service_event::Column::FundingSourceId)
        .group_by(service_event::Column::StaffAccountId)
        .order_by_asc(service_event::Column::FundingSourceId)
        .order_by_asc(service_event::Column::StaffAccountId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(source, staff, events, units, cents, ready, waiting)| FunderLine {
            source,
            staff,
            events,
            units: units.unwrap_or(0),
            cents: cents.unwrap_or(0),
            ready_lines: ready.unwrap_or(0),
            waiting_lines: waiting.unwrap_or(0),
        })
        .collect())
}

/// A signed event with one of its persons, as a claim or a funder's CSV needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimLine {
    pub event: service_event::Model,
    pub person: Uuid,
    pub units: i32,
}

/// Signed events of the period (optionally one source's), one line per person; `ready_only`: those whose
/// stored check found no problem (every check passed, co-signature included) — the "ready to bill" list.
pub async fn claim_lines(
    db: &impl ConnectionTrait,
    org: OrgId,
    from: NaiveDate,
    to: NaiveDate,
    source: Option<Uuid>,
    ready_only: bool,
    limit: u64,
) -> Result<Vec<ClaimLine>> {
    let mut q = service_event::Entity::find()
        .filter(service_event::Column::OrgId.eq(org.as_uuid()))
        .filter(service_event::Column::OccurredOn.gte(from))
        .filter(service_event::Column::OccurredOn.lte(to))
        .filter(service_event::Column::State.eq(SIGNED));
    if let Some(s) = source {
        q = q.filter(service_event::Column::FundingSourceId.eq(s));
    }
    // Filtered before the limit, so a file of ready lines is not cut short by lines that are not ready.
    if ready_only {
        q = q.filter(service_event::Column::ProblemCount.eq(0));
    }
    let events: Vec<_> = q
        .order_by_asc(service_event::Column::OccurredOn)
        .order_by_asc(service_event::Column::StartMinute)
        .limit(crate::rows(limit))
        .all(db)
        .await?;
    // In chunks: a month's ids in one `IN (…)` would pass SQLite's 32,766 bound parameters.
    let mut persons = Vec::with_capacity(events.len());
    for chunk in events.chunks(10_000) {
        persons.extend(
            service_event_person::Entity::find()
                .filter(service_event_person::Column::EventId.is_in(chunk.iter().map(|e| e.id)))
                .all(db)
                .await?,
        );
    }
    // The persons by event, so the lines are made in one pass (a search per event would be quadratic).
    let mut by_event: std::collections::HashMap<Uuid, Vec<&service_event_person::Model>> =
        std::collections::HashMap::with_capacity(persons.len());
    for p in &persons {
        by_event.entry(p.event_id).or_default().push(p);
    }
    let mut out = Vec::with_capacity(persons.len());
    for e in events {
        for p in by_event.get(&e.id).into_iter().flatten() {
            out.push(ClaimLine { event: e.clone(), person: p.person_id, units: p.units });
        }
    }
    Ok(out)
}
