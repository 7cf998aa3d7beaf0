//! The follow-up rate's reassessment windows, kept (issue 17 at a state's scale; migration m0048). For each
//! episode with a completed baseline whose reassessment window a closeout did not cancel: the window's last day
//! and what became of it (`pathways_domain::outcomes::follow_up::reassessment`: done in the window, an
//! administrative entry in it, or neither). What became of a window does not depend on the day it is read (a
//! property test in the domain shows it), so the report counts the kept windows that closed in its period,
//! grouped in the database by the person's coach *now* (joined at the time of the report: a reassignment moves
//! nothing kept).
//!
//! A network's report (by organization) reads counts instead (m0049, `follow_up_count`): per organization, month
//! of the window's last day and outcome, how many windows. Its period is `[first day of the fiscal year, min(end of
//! the year, today))`, and windows do close after today (a window is kept from its baseline on), so a period may
//! end inside a month (and [`read`] takes any period, so one may start inside a month too). [`read`] sums the
//! kept months inside the period and counts an end's part of a month from the windows themselves (the index
//! `follow_up_window_org_day`): the days from the month's first to the end (added), or, when fewer, the days from
//! the end to the month's last (their windows taken off the whole month's count) — at most half a month of
//! windows at each end, where the year's windows were read before. `plan` is that arithmetic; its test checks it
//! over every pair of days. Per day instead of per month would need no window read, but a day's cell holds about
//! one window, so the read would be nearly as long as the windows'.
//!
//! Kept true where the inputs change: an episode's windows depend on its completed baseline, its settled
//! reassessments and its end — written only by [`crate::interviews::create`], [`crate::interviews::update`] and
//! [`crate::outcomes::close_episode`], which call [`refresh`] in the same transaction ([`crate::outcomes::add_episode`]
//! makes an episode with no interview, so no window). [`refresh`] reads the episode's window before and after and
//! adds the difference to the counts in one statement (the upsert `crate::served` uses); person writes are
//! serialized (SQLite's single writer; on PostgreSQL the audit chain's lock, which the gate takes before the
//! work), so the "before" is what the records held. [`rebuild`] recomputes every episode's window and then the
//! counts (after a bulk load; the migrations' backfills are its halves, [`rebuild_windows`] in m0048 and
//! [`rebuild_counts`] in m0049); the tests compare the kept rows and counts with a recount from the records.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike as _, Months, NaiveDate};
use pathways_domain::OrgId;
use pathways_domain::outcomes::follow_up::{EpisodeInterviews, Outcome, reassessment};
use pathways_domain::outcomes::interview::Status;
use sea_orm::sea_query::{Expr, ExprTrait as _};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Statement, Value,
};
use uuid::Uuid;

use crate::Result;
use crate::entities::{episode, follow_up_count, follow_up_window, outcome_interview};
use crate::retention_kept::placeholders;

use follow_up_count::Column as C;

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

/// One count's key: (organization, first day of the month the window closes in, outcome).
pub type CountKey = (Uuid, NaiveDate, String);

fn month_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

fn next_month(month: NaiveDate) -> Option<NaiveDate> {
    month.checked_add_months(Months::new(1))
}

/// Adds `deltas` to the kept counts, making the rows that are not there yet.
async fn add(db: &impl ConnectionTrait, deltas: &BTreeMap<CountKey, i64>) -> Result<()> {
    let rows: Vec<Vec<Value>> = deltas
        .iter()
        .filter(|(_, n)| **n != 0)
        .map(|((org, month, outcome), n)| vec![(*org).into(), (*month).into(), outcome.clone().into(), (*n).into()])
        .collect();
    let keys = [C::OrgId, C::Month, C::Outcome];
    crate::kept_rows::add(db, follow_up_count::Entity, &keys, &[C::Windows], &rows).await
}

/// Recomputes one episode's window, and the counts by the difference: called in the transaction that settles one
/// of its interviews or closes it.
pub async fn refresh(db: &impl ConnectionTrait, episode: Uuid) -> Result<()> {
    let rows: Vec<EpisodeRow> = episodes_query().filter(episode::Column::Id.eq(episode)).into_tuple().all(db).await?;
    let made = windows_of(db, &rows).await?;
    let before =
        follow_up_window::Entity::find().filter(follow_up_window::Column::EpisodeId.eq(episode)).all(db).await?;
    let mut deltas: BTreeMap<CountKey, i64> = BTreeMap::new();
    for (w, sign) in before.iter().map(|w| (w, -1)).chain(made.iter().map(|w| (w, 1))) {
        *deltas.entry((w.org_id, month_of(w.closes_on), w.outcome.clone())).or_default() += sign;
    }
    follow_up_window::Entity::delete_many().filter(follow_up_window::Column::EpisodeId.eq(episode)).exec(db).await?;
    insert(db, made).await?;
    add(db, &deltas).await
}

/// Recomputes every episode's window, then the counts (after a bulk load, which bypasses [`refresh`]). Returns the
/// windows kept.
pub async fn rebuild(db: &impl ConnectionTrait) -> Result<u64> {
    let kept = rebuild_windows(db).await?;
    rebuild_counts(db).await?;
    Ok(kept)
}

/// Recomputes every episode's window, leaving the counts (m0048's backfill, which ran before the counts' table
/// was made; [`rebuild`] otherwise). Returns the windows kept.
pub async fn rebuild_windows(db: &impl ConnectionTrait) -> Result<u64> {
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

/// The kept windows counted by organization, month and outcome, from `follow_up_window` (grouped by day in the
/// database, by month here: the backends spell a month differently).
async fn count_windows(db: &impl ConnectionTrait) -> Result<BTreeMap<CountKey, i64>> {
    let by_day: Vec<(Uuid, NaiveDate, String, i64)> = follow_up_window::Entity::find()
        .select_only()
        .column(follow_up_window::Column::OrgId)
        .column(follow_up_window::Column::ClosesOn)
        .column(follow_up_window::Column::Outcome)
        .column_as(Expr::col(follow_up_window::Column::EpisodeId).count(), "n")
        .group_by(follow_up_window::Column::OrgId)
        .group_by(follow_up_window::Column::ClosesOn)
        .group_by(follow_up_window::Column::Outcome)
        .into_tuple()
        .all(db)
        .await?;
    let mut counts: BTreeMap<CountKey, i64> = BTreeMap::new();
    for (org, day, outcome, n) in by_day {
        *counts.entry((org, month_of(day), outcome)).or_default() += n;
    }
    Ok(counts)
}

/// Recounts the counts from the kept windows (m0049's backfill; [`rebuild`]). Returns the rows written.
pub async fn rebuild_counts(db: &impl ConnectionTrait) -> Result<u64> {
    let counts = count_windows(db).await?;
    follow_up_count::Entity::delete_many().exec(db).await?;
    add(db, &counts).await?;
    Ok(counts.len() as u64)
}

/// How [`read`] groups the windows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    /// The person's coach now (`None`: no coach).
    Coach,
    /// The organization (a network's report).
    Organization,
}

/// How [`read`] counts `[from, to)` by organization: the kept months in `months` (first days, `[start, end)`),
/// and each of `days` (`[start, end)`, a part of a month) from the windows, added with its sign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Plan {
    pub months: Option<(NaiveDate, NaiveDate)>,
    pub days: Vec<(NaiveDate, NaiveDate, i64)>,
}

/// The kept months inside `[from, to)`, and the parts of a month at its ends, each read from whichever side of the
/// day is shorter: up to the day from the month's first (added), or from the day to the month's end (taken off
/// the whole month, which is then read). Inside one month, the days alone.
pub(crate) fn plan(from: NaiveDate, to: NaiveDate) -> Plan {
    let mut p = Plan { months: None, days: Vec::new() };
    if from >= to {
        return p;
    }
    let (fm, tm) = (month_of(from), month_of(to));
    if fm == tm {
        p.days.push((from, to, 1));
        return p;
    }
    // fm < tm, so the month after fm is there and not after tm.
    let after_fm = next_month(fm).unwrap_or(tm);
    let start = if from == fm {
        fm
    } else if from - fm < after_fm - from {
        p.days.push((fm, from, -1));
        fm
    } else {
        p.days.push((from, after_fm, 1));
        after_fm
    };
    let end = match next_month(tm) {
        _ if to == tm => tm,
        Some(after_tm) if after_tm - to < to - tm => {
            p.days.push((to, after_tm, -1));
            after_tm
        }
        _ => {
            p.days.push((tm, to, 1));
            tm
        }
    };
    if start < end {
        p.months = Some((start, end));
    }
    p
}

/// The windows of `orgs` that closed in `[from, to)`, counted by `by` and outcome (by organization from the kept
/// counts and the parts of a month at the ends: the module doc).
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
    match by {
        By::Organization => by_organization(db, orgs, from, to).await,
        By::Coach => by_coach(db, orgs, from, to).await,
    }
}

/// `SELECT … WHERE org IN (orgs) AND {column} >= from AND {column} < to GROUP BY org, outcome` over `table`.
fn org_sum(
    backend: DbBackend,
    table: &str,
    column: &str,
    n: &str,
    orgs: &[OrgId],
    from: NaiveDate,
    to: NaiveDate,
) -> Statement {
    let sql = format!(
        "SELECT org_id AS org, outcome, {n} AS n FROM {table} \
         WHERE org_id IN ({}) AND {column} >= {} AND {column} < {} GROUP BY org_id, outcome",
        placeholders(backend, 1, orgs.len()),
        placeholders(backend, orgs.len() + 1, 1),
        placeholders(backend, orgs.len() + 2, 1)
    );
    let mut values: Vec<Value> = orgs.iter().map(|o| Value::from(o.as_uuid())).collect();
    values.extend([from.into(), to.into()]);
    Statement::from_sql_and_values(backend, sql, values)
}

/// By organization (a network of 100 reads a few rows per organization and month, and at most half a month of
/// windows: see the module doc).
async fn by_organization(
    db: &impl ConnectionTrait,
    orgs: &[OrgId],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Option<Uuid>, Outcome, u64)>> {
    let backend: DbBackend = db.get_database_backend();
    let p = plan(from, to);
    let mut reads = Vec::new();
    if let Some((start, end)) = p.months {
        // SUM is NUMERIC on PostgreSQL: cast back to the column's type.
        let n = "CAST(SUM(windows) AS BIGINT)";
        reads.push((org_sum(backend, "follow_up_count", "month", n, orgs, start, end), 1));
    }
    for (start, end, sign) in p.days {
        reads.push((org_sum(backend, "follow_up_window", "closes_on", "COUNT(*)", orgs, start, end), sign));
    }
    let mut counts: HashMap<(Uuid, Outcome), i64> = HashMap::new();
    for (statement, sign) in reads {
        for row in db.query_all_raw(statement).await? {
            let outcome: String = row.try_get("", "outcome")?;
            let n: i64 = row.try_get("", "n")?;
            let Some(o) = Outcome::parse(&outcome) else { continue };
            *counts.entry((row.try_get::<Uuid>("", "org")?, o)).or_default() += sign * n;
        }
    }
    let mut out: Vec<(Option<Uuid>, Outcome, u64)> = counts
        .into_iter()
        .filter_map(|((org, o), n)| u64::try_from(n).ok().filter(|n| *n > 0).map(|n| (Some(org), o, n)))
        .collect();
    out.sort();
    Ok(out)
}

/// By the person's coach now: each window's person is needed.
async fn by_coach(
    db: &impl ConnectionTrait,
    orgs: &[OrgId],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Option<Uuid>, Outcome, u64)>> {
    let backend: DbBackend = db.get_database_backend();
    let sql = format!(
        "SELECT w.person_id AS person, w.outcome AS outcome FROM follow_up_window w \
         WHERE w.org_id IN ({}) AND w.closes_on >= {} AND w.closes_on < {}",
        placeholders(backend, 1, orgs.len()),
        placeholders(backend, orgs.len() + 1, 1),
        placeholders(backend, orgs.len() + 2, 1)
    );
    let mut values: Vec<Value> = orgs.iter().map(|o| Value::from(o.as_uuid())).collect();
    values.extend([from.into(), to.into()]);
    // The persons' coaches now, read apart from the windows: one organization's persons are adjacent in the index
    // `person_org_coach_name_id` (covering), where joining each window to its person read a state's person rows
    // at random — the report's cost on a state's set (measured: `docs/BENCHMARKS.md`).
    let coaches: HashMap<Uuid, Option<Uuid>> = crate::entities::person::Entity::find()
        .select_only()
        .column(crate::entities::person::Column::Id)
        .column(crate::entities::person::Column::AssignedCoachId)
        .filter(crate::entities::person::Column::OrgId.is_in(orgs.iter().map(|o| o.as_uuid())))
        .into_tuple::<(Uuid, Option<Uuid>)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut counts: HashMap<(Option<Uuid>, Outcome), u64> = HashMap::new();
    for row in db.query_all_raw(Statement::from_sql_and_values(backend, sql, values)).await? {
        let outcome: String = row.try_get("", "outcome")?;
        let Some(o) = Outcome::parse(&outcome) else { continue };
        let coach = coaches.get(&row.try_get::<Uuid>("", "person")?).copied().flatten();
        *counts.entry((coach, o)).or_default() += 1;
    }
    let mut out: Vec<(Option<Uuid>, Outcome, u64)> = counts.into_iter().map(|((g, o), n)| (g, o, n)).collect();
    out.sort();
    Ok(out)
}

/// Every kept count that is not 0: (organization, month, outcome) → windows (the tests' comparison).
pub async fn counts(db: &impl ConnectionTrait) -> Result<BTreeMap<CountKey, i64>> {
    Ok(follow_up_count::Entity::find()
        .filter(C::Windows.ne(0))
        .all(db)
        .await?
        .into_iter()
        .map(|r| ((r.org_id, r.month, r.outcome), r.windows))
        .collect())
}

/// The counts recounted from the kept windows: what [`counts`] must equal.
pub async fn recount_counts(db: &impl ConnectionTrait) -> Result<BTreeMap<CountKey, i64>> {
    count_windows(db).await
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

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date")
    }

    /// For every pair of days over seven months (a year's end and a leap day among them), the plan counts each day
    /// once if it is in `[from, to)` and never otherwise, and reads at most one part of a month at each end — half a
    /// month at most, unless the period is inside one month.
    #[test]
    fn a_plan_counts_each_day_of_the_period_once() {
        let first = d(2023, 11, 20);
        let days: Vec<NaiveDate> = (0..200).map(|i| first + Duration::days(i)).collect();
        for &from in &days {
            for &to in &days {
                let p = plan(from, to);
                assert!(p.days.len() <= 2, "{from} {to}: {p:?}");
                for &(start, end, _) in &p.days {
                    let longest = if month_of(from) == month_of(to) { 30 } else { 15 };
                    assert!(start < end && end - start <= Duration::days(longest), "{from} {to}: {p:?}");
                    assert_eq!(month_of(start), month_of(end.pred_opt().expect("a day")), "{from} {to}: {p:?}");
                }
                if let Some((start, end)) = p.months {
                    assert!(start < end && month_of(start) == start && month_of(end) == end, "{from} {to}: {p:?}");
                }
                let lo = first - Duration::days(40);
                for day in (0..280).map(|i| lo + Duration::days(i)) {
                    let months = p.months.is_some_and(|(s, e)| s <= day && day < e);
                    let parts: i64 = p.days.iter().filter(|(s, e, _)| *s <= day && day < *e).map(|x| x.2).sum();
                    let want = i64::from(from <= day && day < to);
                    assert_eq!(i64::from(months) + parts, want, "{from} {to} on {day}: {p:?}");
                }
            }
        }
    }
}
