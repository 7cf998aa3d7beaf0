//! The funder's figures (issue 21): units and dollars of signed events by funding source and staff member over
//! a period (a month), the "ready to bill" list, and claim lines. Only signed, current versions count
//! (superseded versions were replaced by their corrections; drafts are not yet attested).

use chrono::NaiveDate;
use pathways_domain::OrgId;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::SIGNED;
use crate::Result;
use crate::entities::{service_event, service_event_person};

/// (funding source, staff member, events, units, cents) as the grouped query reads them.
type SumRow = (Uuid, Uuid, i64, Option<i64>, Option<i64>);

/// One line of the report: a funding source and staff member's events in the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunderLine {
    pub source: Uuid,
    pub staff: Uuid,
    pub events: i64,
    pub units: i64,
    pub cents: i64,
}

/// Units and cents of signed events from `from` to `to` (inclusive), by funding source and staff member —
/// one grouped query over the `(org_id, occurred_on)` index.
pub async fn by_source_and_staff(
    db: &impl ConnectionTrait,
    org: OrgId,
    from: NaiveDate,
    to: NaiveDate,
    source: Option<Uuid>,
) -> Result<Vec<FunderLine>> {
    let mut q = service_event::Entity::find()
        .filter(service_event::Column::OrgId.eq(org.as_uuid()))
        .filter(service_event::Column::OccurredOn.gte(from))
        .filter(service_event::Column::OccurredOn.lte(to))
        .filter(service_event::Column::State.eq(SIGNED));
    if let Some(s) = source {
        q = q.filter(service_event::Column::FundingSourceId.eq(s));
    }
    let rows: Vec<SumRow> = q
        .select_only()
        .column(service_event::Column::FundingSourceId)
        .column(service_event::Column::StaffAccountId)
        .column_as(service_event::Column::Id.count(), "events")
        .column_as(super::sum_i64(service_event::Column::Units), "units")
        .column_as(super::sum_i64(service_event::Column::Cents), "cents")
        .group_by(service_event::Column::FundingSourceId)
        .group_by(service_event::Column::StaffAccountId)
        .order_by_asc(service_event::Column::FundingSourceId)
        .order_by_asc(service_event::Column::StaffAccountId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(source, staff, events, units, cents)| FunderLine {
            source,
            staff,
            events,
            units: units.unwrap_or(0),
            cents: cents.unwrap_or(0),
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
    let events: Vec<_> = q
        .order_by_asc(service_event::Column::OccurredOn)
        .order_by_asc(service_event::Column::StartMinute)
        .limit(crate::rows(limit))
        .all(db)
        .await?
        .into_iter()
        .filter(|e| !ready_only || e.problems.as_array().is_some_and(Vec::is_empty))
        .collect();
    let persons = service_event_person::Entity::find()
        .filter(service_event_person::Column::EventId.is_in(events.iter().map(|e| e.id)))
        .all(db)
        .await?;
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
