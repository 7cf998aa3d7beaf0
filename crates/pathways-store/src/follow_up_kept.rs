//! The follow-up rate's reassessment windows, kept (issue 17 at a state's scale; migration m0048). For each
//! episode with a completed baseline whose reassessment window a closeout did not cancel: the window's last day
//! and what became of it (`pathways_domain::outcomes::follow_up::reassessment`: done in the window, an
//! administrative entry in it, or neither). What became of a window does not depend on the day it is read (a
//! property test in the domain shows it), so the report counts the kept windows that closed in its period,
//! grouped in the database by the person's coach *now* (joined at the time of the report: a reassignment moves
//! nothing kept).
//!
//! Kept true where the inputs change: an episode's windows depend on its completed baseline, its settled
//! reassessments and its end — written only by [`crate::interviews::create`], [`crate::interviews::update`],
//! [`crate::outcomes::close_episode`] and [`crate::outcomes::add_episode`], which call [`refresh`] in the same
//! transaction. [`rebuild`] recomputes every episode's (the migration's backfill, after a bulk load); the tests
//! compare the kept rows with a recount from the records.

use std::collections::HashMap;

use chrono::NaiveDate;
use pathways_domain::OrgId;
use pathways_domain::outcomes::follow_up::{EpisodeInterviews, Outcome, reassessment};
use pathways_domain::outcomes::interview::Status;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Statement, Value,
};
use uuid::Uuid;

use crate::Result;
use crate::entities::{episode, follow_up_window, outcome_interview};
use crate::retention_kept::placeholders;

/// Rows per insert (5 values each).
const CHUNK: usize = 500;
/// Episodes read at once by [`rebuild`].
const PAGE: u64 = 2_000;

type EpisodeRow = (Uuid, Uuid, Uuid, NaiveDate, Option<NaiveDate>);

/// The settled baselines and reassessments of `episodes`: (episode, kind, status, day).
async fn settled(
    db: &impl ConnectionTrait,
    episodes: Vec<Uuid>,
) -> Result<Vec<(Uuid, String, String, Option<NaiveDate>)>> {
    Ok(outcome_interview::Entity::find()
        .select_only()
        .column(outcome_interview::Column::EpisodeId)
        .column(outcome_interview::Column::Kind)
        .column(outcome_interview::Column::Status)
        .column(outcome_interview::Column::DoneOn)
        .filter(outcome_interview::Column::EpisodeId.is_in(episodes))
        .filter(outcome_interview::Column::Kind.is_in(["baseline", "reassessment"]))
        .filter(outcome_interview::Column::Status.is_in([Status::Complete.as_str(), Status::Administrative.as_str()]))
        .into_tuple()
        .all(db)
        .await?)
}

fn episodes_query() -> sea_orm::Select<episode::Entity> {
    episode::Entity::find()
        .select_only()
        .column(episode::Column::Id)
        .column(episode::Column::OrgId)
        .column(episode::Column::PersonId)
        .column(episode::Column::StartedOn)
        .column(episode::Column::EndedOn)
}

/// The windows of `episodes` from their settled interviews: (episode, organization, person, last day, outcome).
async fn windows_of(db: &impl ConnectionTrait, episodes: &[EpisodeRow]) -> Result<Vec<follow_up_window::Model>> {
    let rows = settled(db, episodes.iter().map(|e| e.0).collect()).await?;
    let mut by_episode: HashMap<Uuid, Vec<(String, String, Option<NaiveDate>)>> = HashMap::new();
    for (e, kind, status, day) in rows {
        by_episode.entry(e).or_default().push((kind, status, day));
    }
    Ok(episodes
        .iter()
        .filter_map(|&(id, org, person, started_on, ended_on)| {
            let rows = by_episode.remove(&id).unwrap_or_default();
            let days = |kind: &str, status: Status| -> Vec<NaiveDate> {
                rows.iter().filter(|r| r.0 == kind && r.1 == status.as_str()).filter_map(|r| r.2).collect()
            };
            let e = EpisodeInterviews {
                started_on,
                ended_on,
                baseline_on: days("baseline", Status::Complete).into_iter().min(),
                reassessments: days("reassessment", Status::Complete),
                administrative: days("reassessment", Status::Administrative),
            };
            let (closes_on, outcome) = reassessment(&e)?;
            Some(follow_up_window::Model {
                episode_id: id,
                org_id: org,
                person_id: person,
                closes_on,
                outcome: outcome.as_str().to_owned(),
            })
        })
        .collect())
}

async fn insert(db: &impl ConnectionTrait, rows: Vec<follow_up_window::Model>) -> Result<u64> {
    let n = rows.len() as u64;
    for chunk in rows.chunks(CHUNK) {
        let models: Vec<follow_up_window::ActiveModel> = chunk.iter().cloned().map(Into::into).collect();
        follow_up_window::Entity::insert_many(models).exec(db).await?;
    }
    Ok(n)
}

/// Recomputes one episode's window: called in the transaction that settles one of its interviews or closes it.
pub async fn refresh(db: &impl ConnectionTrait, episode: Uuid) -> Result<()> {
    let rows: Vec<EpisodeRow> = episodes_query().filter(episode::Column::Id.eq(episode)).into_tuple().all(db).await?;
    let made = windows_of(db, &rows).await?;
    follow_up_window::Entity::delete_many().filter(follow_up_window::Column::EpisodeId.eq(episode)).exec(db).await?;
    insert(db, made).await?;
    Ok(())
}

/// Recomputes every episode's window (the migration's backfill, and after a bulk load). Returns the windows kept.
pub async fn rebuild(db: &impl ConnectionTrait) -> Result<u64> {
    follow_up_window::Entity::delete_many().exec(db).await?;
    let mut kept = 0;
    let mut after: Option<Uuid> = None;
    loop {
        let mut page = episodes_query().order_by_asc(episode::Column::Id);
        if let Some(a) = after {
            page = page.filter(episode::Column::Id.gt(a));
        }
        let rows: Vec<EpisodeRow> = page.limit(PAGE).into_tuple().all(db).await?;
        let Some(last) = rows.last() else { break };
        after = Some(last.0);
        kept += insert(db, windows_of(db, &rows).await?).await?;
    }
    Ok(kept)
}

/// How [`read`] groups the windows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    /// The person's coach now (`None`: no coach).
    Coach,
    /// The organization (a network's report).
    Organization,
}

/// The windows of `orgs` that closed in `[from, to)`, counted by `by` and outcome.
pub async fn read(
    db: &impl ConnectionTrait,
    orgs: &[OrgId],
    from: NaiveDate,
    to: NaiveDate,
    by: By,
) -> Result<Vec<(Option<Uuid>, Outcome, u64)>> {
    if orgs.is_empty() {
        return Ok(Vec::new());
    }
    let backend: DbBackend = db.get_database_backend();
    // By organization, the database counts (a few rows per organization: a network of 100 reads hundreds of rows,
    // not a year's windows); by coach, each window's person is needed for their coach now.
    let (columns, group) = match by {
        By::Organization => ("w.org_id AS org, w.outcome AS outcome, COUNT(*) AS n", " GROUP BY w.org_id, w.outcome"),
        By::Coach => ("w.org_id AS org, w.person_id AS person, w.outcome AS outcome, CAST(1 AS BIGINT) AS n", ""),
    };
    let sql = format!(
        "SELECT {columns} FROM follow_up_window w \
         WHERE w.org_id IN ({}) AND w.closes_on >= {} AND w.closes_on < {}{group}",
        placeholders(backend, 1, orgs.len()),
        placeholders(backend, orgs.len() + 1, 1),
        placeholders(backend, orgs.len() + 2, 1)
    );
    let mut values: Vec<Value> = orgs.iter().map(|o| Value::from(o.as_uuid())).collect();
    values.extend([from.into(), to.into()]);
    // The persons' coaches now, read apart from the windows: one organization's persons are adjacent in the index
    // `person_org_coach_name_id` (covering), where joining each window to its person read a state's person rows
    // at random — the report's cost on a state's set (measured: `docs/BENCHMARKS.md`).
    let coaches: HashMap<Uuid, Option<Uuid>> = if by == By::Coach {
        crate::entities::person::Entity::find()
            .select_only()
            .column(crate::entities::person::Column::Id)
            .column(crate::entities::person::Column::AssignedCoachId)
            .filter(crate::entities::person::Column::OrgId.is_in(orgs.iter().map(|o| o.as_uuid())))
            .into_tuple::<(Uuid, Option<Uuid>)>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    } else {
        HashMap::new()
    };
    let mut counts: HashMap<(Option<Uuid>, Outcome), u64> = HashMap::new();
    for row in db.query_all_raw(Statement::from_sql_and_values(backend, sql, values)).await? {
        let outcome: String = row.try_get("", "outcome")?;
        let n: i64 = row.try_get("", "n")?;
        let Some(o) = Outcome::parse(&outcome) else { continue };
        let group = match by {
            By::Coach => coaches.get(&row.try_get::<Uuid>("", "person")?).copied().flatten(),
            By::Organization => Some(row.try_get::<Uuid>("", "org")?),
        };
        *counts.entry((group, o)).or_default() += u64::try_from(n).unwrap_or(0);
    }
    let mut out: Vec<(Option<Uuid>, Outcome, u64)> = counts.into_iter().map(|((g, o), n)| (g, o, n)).collect();
    out.sort();
    Ok(out)
}

/// Every kept window, by episode (the tests' comparison).
pub async fn kept(db: &impl ConnectionTrait) -> Result<Vec<follow_up_window::Model>> {
    Ok(follow_up_window::Entity::find().order_by_asc(follow_up_window::Column::EpisodeId).all(db).await?)
}

/// Every window recomputed from the records, by episode: what the kept rows must equal.
pub async fn recount(db: &impl ConnectionTrait) -> Result<Vec<follow_up_window::Model>> {
    let rows: Vec<EpisodeRow> = episodes_query().order_by_asc(episode::Column::Id).into_tuple().all(db).await?;
    let mut made = Vec::new();
    for page in rows.chunks(PAGE as usize) {
        made.extend(windows_of(db, page).await?);
    }
    made.sort_by_key(|m| m.episode_id);
    Ok(made)
}
