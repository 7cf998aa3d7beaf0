//! The access and retention report's inputs (issue 17): for some organizations and a period, the records the
//! report counts, without a name or a detail of a call. The service sorts them into categories
//! (`pathways_domain::outcomes::retention`) and suppresses the counts; the person ids here only let each person be
//! counted once and never leave the service.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use pathways_domain::OrgId;
use pathways_domain::outreach::Kind;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::Result;
use crate::entities::{access_call, bed_hold, episode, linkage_task, outreach_item};

fn ids(orgs: &[OrgId]) -> Vec<Uuid> {
    orgs.iter().map(|o| o.as_uuid()).collect()
}

/// The linkage needs opened in `[from, to)`: (organization, person, opened, days from the check-up to treatment
/// entry if the person entered).
pub async fn linkage_needs(
    db: &impl ConnectionTrait,
    orgs: &[OrgId],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(Uuid, Uuid, DateTime<Utc>, Option<i64>)>> {
    let rows: Vec<(Uuid, Uuid, DateTime<Utc>, Option<i32>)> = linkage_task::Entity::find()
        .select_only()
        .column(linkage_task::Column::OrgId)
        .column(linkage_task::Column::PersonId)
        .column(linkage_task::Column::OpenedAt)
        .column(linkage_task::Column::DaysToEntry)
        .filter(linkage_task::Column::OrgId.is_in(ids(orgs)))
        .filter(linkage_task::Column::OpenedAt.gte(from))
        .filter(linkage_task::Column::OpenedAt.lt(to))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(o, p, at, d)| (o, p, at, d.map(i64::from))).collect())
}

/// The calls the organizations' access lines took in `[from, to)`: (organization, taken, the first admission of
/// a bed held for the call, if any).
pub async fn call_admissions(
    db: &impl ConnectionTrait,
    orgs: &[OrgId],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(Uuid, DateTime<Utc>, Option<DateTime<Utc>>)>> {
    let calls: Vec<(Uuid, Uuid, DateTime<Utc>)> = access_call::Entity::find()
        .select_only()
        .column(access_call::Column::Id)
        .column(access_call::Column::OrganizationId)
        .column(access_call::Column::CreatedAt)
        .filter(access_call::Column::OrganizationId.is_in(ids(orgs)))
        .filter(access_call::Column::CreatedAt.gte(from))
        .filter(access_call::Column::CreatedAt.lt(to))
        .into_tuple()
        .all(db)
        .await?;
    let mut admitted: HashMap<Uuid, DateTime<Utc>> = HashMap::new();
    let call_ids: Vec<Uuid> = calls.iter().map(|c| c.0).collect();
    for chunk in call_ids.chunks(500) {
        let holds: Vec<(Option<Uuid>, Option<DateTime<Utc>>)> = bed_hold::Entity::find()
            .select_only()
            .column(bed_hold::Column::CallId)
            .column(bed_hold::Column::ClosedAt)
            .filter(bed_hold::Column::CallId.is_in(chunk.iter().copied()))
            .filter(bed_hold::Column::State.eq("admitted"))
            .into_tuple()
            .all(db)
            .await?;
        for (call, at) in holds {
            if let (Some(call), Some(at)) = (call, at) {
                admitted.entry(call).and_modify(|t| *t = (*t).min(at)).or_insert(at);
            }
        }
    }
    Ok(calls.into_iter().map(|(id, org, at)| (org, at, admitted.get(&id).copied())).collect())
}

/// The episodes closed out with a last day of care in `[from, to)`: (organization, first day, last day).
pub async fn closed_episodes(
    db: &impl ConnectionTrait,
    orgs: &[OrgId],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Uuid, NaiveDate, NaiveDate)>> {
    let rows: Vec<(Uuid, NaiveDate, Option<NaiveDate>)> = episode::Entity::find()
        .select_only()
        .column(episode::Column::OrgId)
        .column(episode::Column::StartedOn)
        .column(episode::Column::EndedOn)
        .filter(episode::Column::OrgId.is_in(ids(orgs)))
        .filter(episode::Column::EndedOn.gte(from))
        .filter(episode::Column::EndedOn.lt(to))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|(o, s, e)| e.map(|e| (o, s, e))).collect())
}

/// The "not engaged" outreach items opened in `[from, to)`: (organization, person, opened, closed if it has).
pub async fn not_engaged_items(
    db: &impl ConnectionTrait,
    orgs: &[OrgId],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(Uuid, Uuid, DateTime<Utc>, Option<DateTime<Utc>>)>> {
    Ok(outreach_item::Entity::find()
        .select_only()
        .column(outreach_item::Column::OrgId)
        .column(outreach_item::Column::PersonId)
        .column(outreach_item::Column::OpenedAt)
        .column(outreach_item::Column::ClosedAt)
        .filter(outreach_item::Column::OrgId.is_in(ids(orgs)))
        .filter(outreach_item::Column::Kind.eq(Kind::NotEngaged.as_str()))
        .filter(outreach_item::Column::OpenedAt.gte(from))
        .filter(outreach_item::Column::OpenedAt.lt(to))
        .into_tuple()
        .all(db)
        .await?)
}
