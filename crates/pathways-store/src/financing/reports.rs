//! The funder's figures (issue 21): units and dollars of signed events by funding source and staff member over
//! a period (a month), the "ready to bill" list, and claim lines. Only signed, current versions count
//! (superseded versions were replaced by their corrections; drafts are not yet attested).

use chrono::NaiveDate;
use pathways_domain::OrgId;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
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

/// The claim lines (persons of events) ready to bill (`ready`: the stored check found no problem) or still with a
/// problem, summed as a 64-bit integer on both databases.
pub(crate) fn lines_expr(ready: bool) -> sea_orm::sea_query::SimpleExpr {
    let test = if ready { "=" } else { ">" };
    Expr::cust(format!("CAST(SUM(CASE WHEN problem_count {test} 0 THEN person_count ELSE 0 END) AS BIGINT)"))
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
    let rows: Vec<SumRow> = q
        .select_only()
        .column(service_event::Column::FundingSourceId)
        .column(service_event::Column::StaffAccountId)
        .column_as(Expr::cust("COUNT(*)"), "events")
        .column_as(super::sum_i64(service_event::Column::Units), "units")
        .column_as(super::sum_i64(service_event::Column::Cents), "cents")
        .column_as(lines_expr(true), "ready_lines")
        .column_as(lines_expr(false), "waiting_lines")
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
/// stored check found no problem (every check passed, co-signature included) — the "ready to bill" list. At most
/// `limit` events, in the files' order; [`ClaimPages`] reads every one of them page by page.
pub async fn claim_lines(
    db: &impl ConnectionTrait,
    org: OrgId,
    from: NaiveDate,
    to: NaiveDate,
    source: Option<Uuid>,
    ready_only: bool,
    limit: u64,
) -> Result<Vec<ClaimLine>> {
    let mut pages = ClaimPages::new(org, from, to, source, ready_only, limit);
    Ok(pages.next(db).await?.unwrap_or_default())
}

/// Where a page of claim lines ends: the last event's date, start and id (the files' order, every event once).
type After = (NaiveDate, i32, Uuid);

/// The claim lines of a period, page by page in the files' order (date, start, then the event's id), so a file
/// holds every line of the month however many there are: each page starts after the last event of the one before
/// (a keyset, not an offset: a page costs the same at the end of the month as at its start).
#[derive(Clone, Debug)]
pub struct ClaimPages {
    org: OrgId,
    from: NaiveDate,
    to: NaiveDate,
    source: Option<Uuid>,
    ready_only: bool,
    /// Events per page (a group's persons make more lines).
    page: u64,
    after: Option<After>,
    done: bool,
}

impl ClaimPages {
    pub fn new(org: OrgId, from: NaiveDate, to: NaiveDate, source: Option<Uuid>, ready_only: bool, page: u64) -> Self {
        Self { org, from, to, source, ready_only, page: page.max(1), after: None, done: false }
    }

    /// The next page's lines; `None` once every event has been read.
    pub async fn next(&mut self, db: &impl ConnectionTrait) -> Result<Option<Vec<ClaimLine>>> {
        if self.done {
            return Ok(None);
        }
        let events = self.events(db).await?;
        self.done = (events.len() as u64) < self.page;
        match events.last() {
            Some(e) => self.after = Some((e.occurred_on, e.start_minute, e.id)),
            None => return Ok(None),
        }
        Ok(Some(with_persons(db, events).await?))
    }

    async fn events(&self, db: &impl ConnectionTrait) -> Result<Vec<service_event::Model>> {
        use service_event::Column as E;
        let mut q = service_event::Entity::find()
            .filter(E::OrgId.eq(self.org.as_uuid()))
            .filter(E::OccurredOn.gte(self.from))
            .filter(E::OccurredOn.lte(self.to))
            .filter(E::State.eq(SIGNED));
        if let Some(s) = self.source {
            q = q.filter(E::FundingSourceId.eq(s));
        }
        // Filtered before the page's limit, so a file of ready lines is not cut short by lines that are not ready.
        if self.ready_only {
            q = q.filter(E::ProblemCount.eq(0));
        }
        if let Some((day, minute, id)) = self.after {
            q = q.filter(
                Condition::any().add(E::OccurredOn.gt(day)).add(
                    Condition::all().add(E::OccurredOn.eq(day)).add(
                        Condition::any()
                            .add(E::StartMinute.gt(minute))
                            .add(Condition::all().add(E::StartMinute.eq(minute)).add(E::Id.gt(id))),
                    ),
                ),
            );
        }
        Ok(q.order_by_asc(E::OccurredOn)
            .order_by_asc(E::StartMinute)
            .order_by_asc(E::Id)
            .limit(crate::rows(self.page))
            .all(db)
            .await?)
    }
}

/// One line per person of each event, in the events' order.
async fn with_persons(db: &impl ConnectionTrait, events: Vec<service_event::Model>) -> Result<Vec<ClaimLine>> {
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
    // A group's persons in one order, whichever page or chunk read them.
    for of_event in by_event.values_mut() {
        of_event.sort_by_key(|p| p.person_id);
    }
    let mut out = Vec::with_capacity(persons.len());
    for e in events {
        for p in by_event.get(&e.id).into_iter().flatten() {
            out.push(ClaimLine { event: e.clone(), person: p.person_id, units: p.units });
        }
    }
    Ok(out)
}
