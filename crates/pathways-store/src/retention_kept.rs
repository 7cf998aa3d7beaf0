//! The access and retention report's kept counts (issue 17 at a state's scale; migration m0038). For re-engagement
//! after outreach and days in episode: per organization, 12-month period starting on the first of a month (any
//! fiscal year), category and duration, the records in it (`pathways_domain::outcomes::retention::
//! {re_engagement_kept, days_in_episode_kept}`). The reports read a few hundred summed rows per organization instead
//! of the year's items and episodes (about 200,000 "not engaged" items for a state's network).
//!
//! Kept true in the transaction that changes an input, as `crate::served` keeps people served: the cells of the
//! person's items (or the organization's changed episodes) before and after the change are worked out and the
//! difference added in one `INSERT … ON CONFLICT DO UPDATE` per 500 cells.
//! - Outreach items open and close only in the outreach pass (`outreach::evaluate_page`, the hourly pass, the
//!   incremental pass and `evaluate_person`). The pass learns from `RETURNING` which items it opened and closed
//!   itself (a concurrent pass's insert of the same open item does nothing and returns nothing), reads the persons'
//!   items after the change and undoes its own change to get the "before". An item's cells depend only on it and
//!   on the person's earlier items, which a concurrent pass does not change.
//! - Episodes: a closeout (`outcomes::close_episode`) and an episode added with its closeout
//!   (`outcomes::add_episode`); a service never changes a closed episode (`episode::on_service`), but
//!   `record_service` applies the difference too, which is then nothing.
//!
//! Days are local days in the deployment's time zone (the report's year is the deployment's). After a change of
//! `deployment.time_zone`, or a bulk load that bypasses these functions (`demo generate`), [`rebuild`] recounts
//! everything from the records.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use pathways_domain::OrgId;
use pathways_domain::outcomes::retention::{
    Histogram, ItemSpan, Kept, KeptKey, Measure, change, days_in_episode_kept, re_engagement_kept,
};
use pathways_domain::outreach::Kind;
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Value};
use uuid::Uuid;

use crate::Result;
use crate::entities::{episode, outreach_item, retention_count};

use retention_count::Column as C;

/// Rows per insert (6 values each).
const CHUNK: usize = 500;
/// The stored duration of the category that has none (not re-engaged).
const NO_DURATION: i64 = -1;
/// The measures kept here; the others (need to treatment entry, call to admission) are read from their records.
pub const KEPT: [Measure; 2] = [Measure::ReEngagement, Measure::DaysInEpisode];

/// When an item closed, if it has.
type Closed = Option<DateTime<Utc>>;

/// The zone the migration turns item times into days in: `PATHWAYS_DEPLOYMENT_TIME_ZONE` when set (a migration
/// does not read `pathways.toml`), else the default, as m0019 does.
pub fn migration_zone() -> Tz {
    std::env::var("PATHWAYS_DEPLOYMENT_TIME_ZONE")
        .ok()
        .and_then(|z| pathways_domain::deployment::parse_time_zone(&z).ok())
        .unwrap_or(pathways_domain::deployment::DEFAULT_TIME_ZONE)
}

fn measure_of(code: &str) -> Option<Measure> {
    Measure::ALL.into_iter().find(|m| m.as_str() == code)
}

/// Adds the cells of `deltas` ((organization, measure) → cells), making the cells that are not there yet, and
/// rewrites the packed rows of the keys it changed (`summary::refresh`).
async fn add(db: &impl ConnectionTrait, deltas: &BTreeMap<(Uuid, &'static str), Kept>) -> Result<()> {
    let keys: BTreeSet<summary::Key> = deltas
        .iter()
        .flat_map(|((org, m), cells)| {
            cells.iter().filter(|(_, n)| **n != 0).map(move |((first, _, _), _)| (*org, (*m).to_owned(), *first))
        })
        .collect();
    add_cells(db, deltas).await?;
    summary::refresh(db, &keys).await
}

/// Adds the cells of `deltas` to `retention_count` only.
async fn add_cells(db: &impl ConnectionTrait, deltas: &BTreeMap<(Uuid, &'static str), Kept>) -> Result<()> {
    let rows: Vec<Vec<Value>> = deltas
        .iter()
        .flat_map(|((org, m), cells)| cells.iter().filter(|(_, n)| **n != 0).map(move |(k, n)| (*org, *m, k, *n)))
        .map(|(org, m, (first, category, duration), n)| {
            let category = i32::try_from(*category).unwrap_or(i32::MAX);
            vec![
                (*first).into(),
                org.into(),
                m.into(),
                category.into(),
                duration.unwrap_or(NO_DURATION).into(),
                n.into(),
            ]
        })
        .collect();
    let keys = [C::FirstDay, C::OrgId, C::Measure, C::Category, C::Duration];
    crate::kept_rows::add(db, retention_count::Entity, &keys, &[C::Records], &rows).await
}

fn episode_spans(episodes: &[episode::Model]) -> Vec<(NaiveDate, Option<NaiveDate>)> {
    episodes.iter().map(|e| (e.started_on, e.ended_on)).collect()
}

/// Applies a change of an organization's episodes (the person's, before and after) to the kept days in episode.
/// Call it in the transaction that makes the change.
pub async fn apply_episodes(
    db: &impl ConnectionTrait,
    org: OrgId,
    before: &[episode::Model],
    after: &[episode::Model],
) -> Result<()> {
    let cells = change(&days_in_episode_kept(&episode_spans(before)), &days_in_episode_kept(&episode_spans(after)));
    if cells.is_empty() {
        return Ok(());
    }
    add(db, &BTreeMap::from([((org.as_uuid(), Measure::DaysInEpisode.as_str()), cells)])).await
}

/// Applies the outreach items the caller opened (`opened`) and closed (`closed`, as they are after closing) in this
/// transaction to the kept re-engagement counts. Only "not engaged" items count. Call it in that transaction,
/// after the change.
pub async fn apply_items(
    db: &impl ConnectionTrait,
    tz: Tz,
    opened: &[outreach_item::Model],
    closed: &[outreach_item::Model],
) -> Result<()> {
    let not_engaged = |i: &&outreach_item::Model| i.kind == Kind::NotEngaged.as_str();
    let opened: HashSet<Uuid> = opened.iter().filter(not_engaged).map(|i| i.id).collect();
    let closed: HashSet<Uuid> = closed.iter().filter(not_engaged).map(|i| i.id).collect();
    if opened.is_empty() && closed.is_empty() {
        return Ok(());
    }
    let ids: HashSet<Uuid> = opened.iter().chain(&closed).copied().collect();
    let persons: Vec<Uuid> = {
        let mut p: Vec<Uuid> = Vec::new();
        for chunk in ids.iter().copied().collect::<Vec<_>>().chunks(CHUNK) {
            let found: Vec<Uuid> = outreach_item::Entity::find()
                .select_only()
                .column(outreach_item::Column::PersonId)
                .filter(outreach_item::Column::Id.is_in(chunk.iter().copied()))
                .into_tuple()
                .all(db)
                .await?;
            p.extend(found);
        }
        p.sort_unstable();
        p.dedup();
        p
    };
    let mut before: HashMap<(Uuid, Uuid), Vec<ItemSpan>> = HashMap::new();
    let mut after: HashMap<(Uuid, Uuid), Vec<ItemSpan>> = HashMap::new();
    for chunk in persons.chunks(CHUNK) {
        let rows: Vec<(Uuid, Uuid, Uuid, DateTime<Utc>, Closed)> = outreach_item::Entity::find()
            .select_only()
            .column(outreach_item::Column::Id)
            .column(outreach_item::Column::OrgId)
            .column(outreach_item::Column::PersonId)
            .column(outreach_item::Column::OpenedAt)
            .column(outreach_item::Column::ClosedAt)
            .filter(outreach_item::Column::PersonId.is_in(chunk.iter().copied()))
            .filter(outreach_item::Column::Kind.eq(Kind::NotEngaged.as_str()))
            .into_tuple()
            .all(db)
            .await?;
        for (id, org, person, opened_at, closed_at) in rows {
            let day = opened_at.with_timezone(&tz).date_naive();
            after.entry((org, person)).or_default().push((day, opened_at, closed_at));
            let was = before.entry((org, person)).or_default();
            if opened.contains(&id) {
                continue;
            }
            was.push((day, opened_at, if closed.contains(&id) { None } else { closed_at }));
        }
    }
    let mut deltas: BTreeMap<(Uuid, &'static str), Kept> = BTreeMap::new();
    for (key, now) in &after {
        let was = before.get(key).map(Vec::as_slice).unwrap_or_default();
        let cells = change(&re_engagement_kept(was), &re_engagement_kept(now));
        let into = deltas.entry((key.0, Measure::ReEngagement.as_str())).or_default();
        for (k, n) in cells {
            *into.entry(k).or_default() += n;
        }
    }
    add(db, &deltas).await
}

/// The kept measures of `orgs` in the 12-month period starting on `first_day`: each organization's (records by
/// category), all of theirs together (the network's line, with the durations), and each organization's median.
pub struct KeptRead {
    pub by_org: HashMap<(OrgId, Measure), Histogram>,
    pub all: HashMap<Measure, Histogram>,
    /// Each organization's median, where 11 or more records have a duration.
    pub medians: HashMap<(OrgId, Measure), i64>,
}

pub(crate) fn placeholders(backend: DbBackend, from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| if backend == DbBackend::Postgres { format!("${i}") } else { "?".to_owned() })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads the kept cells of `orgs` for the period starting on `first_day` (see [`KeptRead`]): one packed row per
/// organization and measure (`summary`), the histograms and medians worked out here.
pub async fn read(db: &impl ConnectionTrait, orgs: &[OrgId], first_day: NaiveDate) -> Result<KeptRead> {
    use crate::entities::retention_summary::{Column as S, Entity as Summary};
    let mut out = KeptRead { by_org: HashMap::new(), all: HashMap::new(), medians: HashMap::new() };
    if orgs.is_empty() {
        return Ok(out);
    }
    let rows: Vec<(Uuid, String, Vec<u8>)> = Summary::find()
        .select_only()
        .column(S::OrgId)
        .column(S::Measure)
        .column(S::Cells)
        .filter(S::FirstDay.eq(first_day))
        .filter(S::OrgId.is_in(orgs.iter().map(|o| o.as_uuid())))
        .into_tuple()
        .all(db)
        .await?;
    for (org, m, cells) in rows {
        let Some(m) = measure_of(&m) else { continue };
        let org = OrgId::from_uuid(org);
        // Records by category (the organization's line); with their durations, the organization's median and,
        // merged, the network's line.
        let mut own = Histogram::new(m);
        for (category, duration, records) in summary::unpack(&cells) {
            let category = usize::try_from(category).unwrap_or(usize::MAX);
            let duration = (duration != NO_DURATION).then_some(duration);
            own.add(category, duration, u64::try_from(records).unwrap_or(0));
        }
        if let Some(median) = own.median() {
            out.medians.insert((org, m), median);
        }
        out.all.entry(m).or_insert_with(|| Histogram::new(m)).merge(&own);
        own.durations.clear();
        out.by_org.insert((org, m), own);
    }
    Ok(out)
}

/// Every kept cell with a record in it: (organization, measure, cell) → records. For the tests' recount.
pub async fn all(db: &impl ConnectionTrait) -> Result<BTreeMap<(Uuid, String, KeptKey), i64>> {
    Ok(retention_count::Entity::find()
        .filter(C::Records.ne(0))
        .all(db)
        .await?
        .into_iter()
        .map(|r| {
            let duration = (r.duration != NO_DURATION).then_some(r.duration);
            let category = usize::try_from(r.category).unwrap_or(usize::MAX);
            ((r.org_id, r.measure, (r.first_day, category, duration)), r.records)
        })
        .collect())
}

/// Every cell counted again from the records: the "not engaged" items (days in `tz`) and the closed episodes.
pub async fn recount(db: &impl ConnectionTrait, tz: Tz) -> Result<BTreeMap<(Uuid, &'static str), Kept>> {
    let items: Vec<(Uuid, Uuid, DateTime<Utc>, Closed)> = outreach_item::Entity::find()
        .select_only()
        .column(outreach_item::Column::OrgId)
        .column(outreach_item::Column::PersonId)
        .column(outreach_item::Column::OpenedAt)
        .column(outreach_item::Column::ClosedAt)
        .filter(outreach_item::Column::Kind.eq(Kind::NotEngaged.as_str()))
        .order_by_asc(outreach_item::Column::PersonId)
        .into_tuple()
        .all(db)
        .await?;
    let mut by_person: HashMap<(Uuid, Uuid), Vec<ItemSpan>> = HashMap::new();
    for (org, person, opened, closed) in items {
        by_person.entry((org, person)).or_default().push((opened.with_timezone(&tz).date_naive(), opened, closed));
    }
    let mut cells: BTreeMap<(Uuid, &'static str), Kept> = BTreeMap::new();
    for ((org, _), spans) in &by_person {
        let into = cells.entry((*org, Measure::ReEngagement.as_str())).or_default();
        for (k, n) in re_engagement_kept(spans) {
            *into.entry(k).or_default() += n;
        }
    }
    let episodes: Vec<(Uuid, NaiveDate, Option<NaiveDate>)> = episode::Entity::find()
        .select_only()
        .column(episode::Column::OrgId)
        .column(episode::Column::StartedOn)
        .column(episode::Column::EndedOn)
        .filter(episode::Column::EndedOn.is_not_null())
        .into_tuple()
        .all(db)
        .await?;
    let mut by_org: HashMap<Uuid, Vec<(NaiveDate, Option<NaiveDate>)>> = HashMap::new();
    for (org, start, end) in episodes {
        by_org.entry(org).or_default().push((start, end));
    }
    for (org, spans) in &by_org {
        cells.insert((*org, Measure::DaysInEpisode.as_str()), days_in_episode_kept(spans));
    }
    cells.retain(|_, k| !k.is_empty());
    Ok(cells)
}

/// Recounts every cell from the records and packs them again (`summary::rebuild`) — after a bulk load, which
/// bypasses the apply functions; after a change of the deployment's time zone. Returns the cells written.
pub async fn rebuild(db: &impl ConnectionTrait, tz: Tz) -> Result<u64> {
    let cells = rebuild_counts(db, tz).await?;
    summary::rebuild(db).await?;
    Ok(cells)
}

/// Recounts every cell from the records into `retention_count` only (migration m0038's backfill, before the packed
/// rows' table exists). Returns the cells written.
pub async fn rebuild_counts(db: &impl ConnectionTrait, tz: Tz) -> Result<u64> {
    let cells = recount(db, tz).await?;
    retention_count::Entity::delete_many().exec(db).await?;
    add_cells(db, &cells).await?;
    Ok(cells.values().map(|k| k.len() as u64).sum())
}

pub mod summary;
#[cfg(test)]
mod tests;
