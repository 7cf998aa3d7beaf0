//! The outreach queue (issue 5): evaluating `pathways_domain::outreach`'s rules for many persons at once,
//! each coach's worklist, attempts and escalation, and the program's figures.
//!
//! A pass reads the facts of a page of persons in one query (person, summary row, schedule), evaluates them,
//! opens the items that now hold and closes those that no longer do. Items are unique per open (person, rule)
//! in the database itself, and opening is `INSERT … ON CONFLICT DO NOTHING`, so passes may overlap (two
//! servers, a full and an incremental pass) and may repeat without making a second item.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use pathways_domain::access::PersonScope;
use pathways_domain::outreach::{Facts, Kind, Rules, escalates, evaluate, reached};
use pathways_domain::{AccountId, PersonId};
use sea_orm::sea_query::{Expr, ExprTrait as _, OnConflict};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult,
    JoinType, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, RelationTrait as _,
};
use serde::Serialize;
use uuid::Uuid;

use crate::checkups::{Program, ensure_schedules, programs};
use crate::entities::{checkup_schedule, outreach_attempt, outreach_dirty, outreach_item, person, person_summary};
use crate::{Result, Store, persons, summary};

/// Persons evaluated per transaction.
const PAGE: u64 = 1000;

/// What a pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PassCounts {
    pub evaluated: u64,
    pub opened: u64,
    pub closed: u64,
    pub enrolled: u64,
}

impl PassCounts {
    fn add(&mut self, o: PassCounts) {
        self.evaluated += o.evaluated;
        self.opened += o.opened;
        self.closed += o.closed;
        self.enrolled += o.enrolled;
    }
}

#[derive(Debug, FromQueryResult)]
struct FactRow {
    id: Uuid,
    org_id: Uuid,
    created_at: DateTime<Utc>,
    urgent_items: Option<i64>,
    drop_items: Option<i64>,
    barc_latest: Option<i16>,
    barc_previous: Option<i16>,
    review_date: Option<chrono::NaiveDate>,
    last_checkin: Option<DateTime<Utc>>,
    last_contact: Option<chrono::NaiveDate>,
    last_checkup_at: Option<DateTime<Utc>>,
    last_reached_at: Option<DateTime<Utc>>,
    linkage_progress_at: Option<DateTime<Utc>>,
    has_schedule: Option<Uuid>,
    next_due: Option<chrono::NaiveDate>,
}

impl FactRow {
    fn facts(&self, rules: &Rules, interview_due: bool) -> Facts {
        // An encounter is dated by day: count it from the end of that day in the program's zone.
        let encounter =
            self.last_contact.and_then(|d| d.succ_opt()).map(|d| pathways_domain::checkup::start_of_day(d, rules.tz));
        Facts {
            enrolled_at: self.created_at,
            urgent_items: self.urgent_items.unwrap_or(0),
            drop_items: self.drop_items.unwrap_or(0),
            barc_latest: self.barc_latest,
            barc_previous: self.barc_previous,
            review_date: self.review_date,
            last_checkin: self.last_checkin,
            last_contact: [encounter, self.last_checkup_at, self.last_reached_at].into_iter().flatten().max(),
            next_checkup: self.next_due,
            linkage_progress: self.linkage_progress_at,
            interview_due,
        }
    }
}

/// Evaluates the rules for the persons `select` finds, within the caller's transaction; returns what it did and
/// the last person's id (where the next page starts).
async fn evaluate_page(
    db: &impl ConnectionTrait,
    select: sea_orm::Select<person::Entity>,
    programs: &HashMap<Uuid, Program>,
    now: DateTime<Utc>,
    default_tz: Tz,
) -> Result<(PassCounts, Option<Uuid>)> {
    let default = Program::in_zone(default_tz);
    use person_summary::Column as S;
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        // A pass fills `checkup_schedule` and `outreach_item` as it goes: a plan cached while they were small
        // (a generic plan after five runs) would keep scanning them whole. Plan each page's queries afresh.
        db.execute_unprepared("SET LOCAL plan_cache_mode = force_custom_plan").await?;
    }
    let col = |c: S| Expr::col((person_summary::Entity, c));
    let mut rows = select
        .select_only()
        .column(person::Column::Id)
        .column(person::Column::OrgId)
        .column(person::Column::CreatedAt)
        .join(JoinType::LeftJoin, person_summary::Relation::Person.def().rev())
        .join(JoinType::LeftJoin, checkup_schedule::Relation::Person.def().rev())
        .expr_as(col(S::UrgentItems), "urgent_items")
        .expr_as(col(S::DropItems), "drop_items")
        .expr_as(col(S::BarcLatest), "barc_latest")
        .expr_as(col(S::BarcPrevious), "barc_previous")
        .expr_as(col(S::ReviewDate), "review_date")
        .expr_as(col(S::LastCheckin), "last_checkin")
        .expr_as(col(S::LastContact), "last_contact")
        .expr_as(col(S::LastCheckupAt), "last_checkup_at")
        .expr_as(col(S::LastReachedAt), "last_reached_at")
        .expr_as(col(S::LinkageProgressAt), "linkage_progress_at")
        .expr_as(Expr::col((checkup_schedule::Entity, checkup_schedule::Column::PersonId)), "has_schedule")
        .expr_as(Expr::col((checkup_schedule::Entity, checkup_schedule::Column::NextDue)), "next_due")
        .order_by_asc(person::Column::Id)
        .into_model::<FactRow>()
        .all(db)
        .await?;
    let last = rows.last().map(|r| r.id);
    let mut counts = PassCounts { evaluated: rows.len() as u64, ..PassCounts::default() };

    // Persons with no schedule yet are enrolled now (the day their record was made).
    let unscheduled: Vec<(Uuid, Uuid, DateTime<Utc>)> =
        rows.iter().filter(|r| r.has_schedule.is_none()).map(|r| (r.id, r.org_id, r.created_at)).collect();
    if !unscheduled.is_empty() {
        counts.enrolled = ensure_schedules(db, &unscheduled, programs, default_tz).await?;
        for r in rows.iter_mut().filter(|r| r.has_schedule.is_none()) {
            let p = programs.get(&r.org_id).copied().unwrap_or(default);
            r.next_due = crate::checkups::first_schedule(&p, crate::checkups::local_day(r.created_at, p.rules.tz)).2;
        }
    }

    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let open = outreach_item::Entity::find()
        .filter(outreach_item::Column::PersonId.is_in(ids))
        .filter(outreach_item::Column::ClosedAt.is_null())
        .all(db)
        .await?;
    let mut open_by: HashMap<(Uuid, String), Uuid> = open.into_iter().map(|i| ((i.person_id, i.kind), i.id)).collect();
    // Outcome interviews due (issue 17): a window open on the program's today and not settled.
    let pairs: Vec<(Uuid, Uuid)> = rows.iter().map(|r| (r.id, r.org_id)).collect();
    let interviews_due = crate::interviews::due_today(db, &pairs, |org| {
        let tz = programs.get(&org).map_or(default.rules.tz, |p| p.rules.tz);
        now.with_timezone(&tz).date_naive()
    })
    .await?;
    let mut to_open = Vec::new();
    for r in &rows {
        let rules = programs.get(&r.org_id).map_or(default.rules, |p| p.rules);
        for kind in evaluate(&r.facts(&rules, interviews_due.contains(&r.id)), &rules, now) {
            if open_by.remove(&(r.id, kind.as_str().to_owned())).is_none() {
                to_open.push(outreach_item::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    person_id: Set(r.id),
                    org_id: Set(r.org_id),
                    kind: Set(kind.as_str().to_owned()),
                    urgency_class: Set(i16::from(kind.urgency_class())),
                    opened_at: Set(now),
                    closed_at: Set(None),
                    escalated_at: Set(None),
                    attempts: Set(0),
                    failed_attempts: Set(0),
                    last_attempt_at: Set(None),
                });
            }
        }
    }
    // What is left open no longer holds.
    let to_close: Vec<Uuid> = open_by.into_values().collect();
    // What this transaction opened and closed itself (`RETURNING`: an open item a concurrent pass made first is
    // not inserted and not returned), for the kept access and retention counts.
    let (mut opened, mut closed) = (Vec::new(), Vec::new());
    for chunk in to_open.chunks(500) {
        match outreach_item::Entity::insert_many(chunk.to_vec())
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .exec_with_returning(db)
            .await
        {
            Ok(made) => opened.extend(made),
            Err(sea_orm::DbErr::RecordNotInserted) => {}
            Err(e) => return Err(e.into()),
        }
    }
    for chunk in to_close.chunks(500) {
        closed.extend(
            outreach_item::Entity::update_many()
                .col_expr(outreach_item::Column::ClosedAt, Expr::value(now))
                .filter(outreach_item::Column::Id.is_in(chunk.to_vec()))
                .filter(outreach_item::Column::ClosedAt.is_null())
                .exec_with_returning(db)
                .await?,
        );
    }
    counts.opened += opened.len() as u64;
    counts.closed += closed.len() as u64;
    crate::retention_kept::apply_items(db, default_tz, &opened, &closed).await?;
    Ok((counts, last))
}

/// Evaluates every person, a page per transaction. The hourly job; also `pathways outreach evaluate`.
pub async fn full_pass(store: &Store, now: DateTime<Utc>, default_tz: Tz) -> Result<PassCounts> {
    let programs = programs(store.reader()).await?;
    let mut total = PassCounts::default();
    let mut after: Option<Uuid> = None;
    loop {
        let tx = store.begin().await?;
        let mut q = person::Entity::find().limit(PAGE);
        if let Some(a) = after {
            q = q.filter(person::Column::Id.gt(a));
        }
        let (counts, last) = evaluate_page(&tx, q, &programs, now, default_tz).await?;
        tx.commit().await?;
        total.add(counts);
        match last {
            Some(l) if counts.evaluated == PAGE => after = Some(l),
            _ => break,
        }
    }
    Ok(total)
}

/// Evaluates the persons whose data changed since they were last evaluated (marked by `summary::refresh`).
pub async fn incremental_pass(store: &Store, now: DateTime<Utc>, default_tz: Tz) -> Result<PassCounts> {
    let programs = programs(store.reader()).await?;
    let mut total = PassCounts::default();
    loop {
        let tx = store.begin().await?;
        let marked = outreach_dirty::Entity::find().limit(PAGE).all(&tx).await?;
        if marked.is_empty() {
            tx.commit().await?;
            break;
        }
        let ids: Vec<Uuid> = marked.iter().map(|m| m.person_id).collect();
        let (counts, _) = evaluate_page(
            &tx,
            person::Entity::find().filter(person::Column::Id.is_in(ids)),
            &programs,
            now,
            default_tz,
        )
        .await?;
        // A mark made after we read it stays for the next pass.
        for m in &marked {
            outreach_dirty::Entity::delete_many()
                .filter(outreach_dirty::Column::PersonId.eq(m.person_id))
                .filter(outreach_dirty::Column::MarkedAt.lte(m.marked_at))
                .exec(&tx)
                .await?;
        }
        tx.commit().await?;
        total.add(counts);
        if (marked.len() as u64) < PAGE {
            break;
        }
    }
    Ok(total)
}

/// Evaluates one person now, in the caller's transaction (after a change a coach should see at once).
pub async fn evaluate_person(
    db: &impl ConnectionTrait,
    person: PersonId,
    now: DateTime<Utc>,
    default_tz: Tz,
) -> Result<PassCounts> {
    let programs = programs(db).await?;
    let q = person::Entity::find().filter(person::Column::Id.eq(person.as_uuid()));
    Ok(evaluate_page(db, q, &programs, now, default_tz).await?.0)
}

/// One line of a coach's worklist.
#[derive(Clone, Debug, Serialize, FromQueryResult)]
pub struct QueueRow {
    pub id: Uuid,
    pub person_id: Uuid,
    pub preferred_name: String,
    pub kind: String,
    pub urgency_class: i16,
    pub opened_at: DateTime<Utc>,
    pub attempts: i32,
    pub failed_attempts: i32,
    pub last_attempt_at: Option<DateTime<Utc>>,
    pub escalated_at: Option<DateTime<Utc>>,
}

/// Which part of a queue to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QueuePage {
    /// Only the items escalated to supervisors.
    pub escalated_only: bool,
    /// Items to skip (earlier pages).
    pub offset: u64,
    pub limit: u64,
}

fn open_items(scope: &PersonScope, escalated_only: bool) -> sea_orm::Select<person::Entity> {
    let q = persons::scoped(scope)
        .join(JoinType::InnerJoin, outreach_item::Relation::Person.def().rev())
        .filter(Expr::col((outreach_item::Entity, outreach_item::Column::ClosedAt)).is_null());
    if escalated_only {
        q.filter(Expr::col((outreach_item::Entity, outreach_item::Column::EscalatedAt)).is_not_null())
    } else {
        q
    }
}

/// How many open items the queue holds (all pages).
pub async fn queue_len(db: &impl ConnectionTrait, scope: &PersonScope, escalated_only: bool) -> Result<u64> {
    Ok(open_items(scope, escalated_only).count(db).await?)
}

/// What waits on a queue, for a home page: its open items, how many are urgent (class 0: today, now) and how many
/// were escalated to supervisors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QueueCounts {
    pub open: u64,
    pub urgent: u64,
    pub escalated: u64,
}

/// The open, urgent and escalated items of the persons in scope.
pub async fn queue_counts(db: &impl ConnectionTrait, scope: &PersonScope) -> Result<QueueCounts> {
    let urgent = open_items(scope, false)
        .filter(Expr::col((outreach_item::Entity, outreach_item::Column::UrgencyClass)).eq(0))
        .count(db)
        .await?;
    Ok(QueueCounts { open: queue_len(db, scope, false).await?, urgent, escalated: queue_len(db, scope, true).await? })
}

/// One page of the open items of the persons in scope, by urgency class then by how long they have waited.
pub async fn queue(db: &impl ConnectionTrait, scope: &PersonScope, page: QueuePage) -> Result<Vec<QueueRow>> {
    let q = open_items(scope, page.escalated_only)
        .select_only()
        .column(person::Column::PreferredName)
        .column_as(Expr::col((outreach_item::Entity, outreach_item::Column::Id)), "id")
        .column_as(Expr::col((outreach_item::Entity, outreach_item::Column::PersonId)), "person_id")
        .column_as(Expr::col((outreach_item::Entity, outreach_item::Column::Kind)), "kind")
        .column_as(Expr::col((outreach_item::Entity, outreach_item::Column::UrgencyClass)), "urgency_class")
        .column_as(Expr::col((outreach_item::Entity, outreach_item::Column::OpenedAt)), "opened_at")
        .column_as(Expr::col((outreach_item::Entity, outreach_item::Column::Attempts)), "attempts")
        .column_as(Expr::col((outreach_item::Entity, outreach_item::Column::FailedAttempts)), "failed_attempts")
        .column_as(Expr::col((outreach_item::Entity, outreach_item::Column::LastAttemptAt)), "last_attempt_at")
        .column_as(Expr::col((outreach_item::Entity, outreach_item::Column::EscalatedAt)), "escalated_at");
    Ok(q.order_by_asc(Expr::col((outreach_item::Entity, outreach_item::Column::UrgencyClass)))
        .order_by_asc(Expr::col((outreach_item::Entity, outreach_item::Column::OpenedAt)))
        .order_by_asc(Expr::col((outreach_item::Entity, outreach_item::Column::Id)))
        .offset(crate::rows(page.offset))
        .limit(crate::rows(page.limit))
        .into_model::<QueueRow>()
        .all(db)
        .await?)
}

/// An open item of a person in scope.
pub async fn item(db: &impl ConnectionTrait, scope: &PersonScope, id: Uuid) -> Result<Option<outreach_item::Model>> {
    let Some(found) = outreach_item::Entity::find_by_id(id)
        .filter(outreach_item::Column::OrgId.eq(scope.org.as_uuid()))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let in_scope = persons::find(db, scope, PersonId::from_uuid(found.person_id)).await?.is_some();
    Ok(in_scope.then_some(found))
}

/// One attempt to reach a person.
#[derive(Clone, Debug)]
pub struct Attempt {
    pub by: AccountId,
    /// One of `pathways_domain::outreach::CHANNELS`.
    pub channel: String,
    /// One of `pathways_domain::outreach::OUTCOMES`.
    pub outcome: String,
    pub note: Option<String>,
}

/// What logging an attempt did.
#[derive(Clone, Debug)]
pub struct AttemptResult {
    pub attempt_id: Uuid,
    pub item: outreach_item::Model,
    /// This attempt escalated the item to the supervisor.
    pub escalated_now: bool,
}

/// Logs an attempt on an open item of a person in scope; `None` when there is none. A failed attempt counts
/// toward escalation; reaching the person is a contact (the rules see it at once).
pub async fn record_attempt(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    item_id: Uuid,
    attempt: Attempt,
    now: DateTime<Utc>,
    default_tz: Tz,
) -> Result<Option<AttemptResult>> {
    let Some(found) = item(db, scope, item_id).await? else { return Ok(None) };
    if found.closed_at.is_some() {
        return Ok(None);
    }
    let rules = crate::checkups::program(db, scope.org, default_tz).await?.rules;
    let failed = !reached(&attempt.outcome);
    let saved = outreach_attempt::ActiveModel {
        id: Set(Uuid::now_v7()),
        item_id: Set(found.id),
        person_id: Set(found.person_id),
        org_id: Set(found.org_id),
        by_account_id: Set(attempt.by.as_uuid()),
        at: Set(now),
        channel: Set(attempt.channel),
        outcome: Set(attempt.outcome),
        note: Set(attempt.note),
    }
    .insert(db)
    .await?;
    let failed_attempts = found.failed_attempts + i32::from(failed);
    let escalated_now = found.escalated_at.is_none() && escalates(u32::try_from(failed_attempts).unwrap_or(0), &rules);
    let mut m: outreach_item::ActiveModel = found.clone().into();
    m.attempts = Set(found.attempts + 1);
    m.failed_attempts = Set(failed_attempts);
    m.last_attempt_at = Set(Some(now));
    if escalated_now {
        m.escalated_at = Set(Some(now));
    }
    let item = m.update(db).await?;
    let person = PersonId::from_uuid(item.person_id);
    summary::refresh(db, person).await?;
    evaluate_person(db, person, now, default_tz).await?;
    Ok(Some(AttemptResult { attempt_id: saved.id, item, escalated_now }))
}

/// The program's check-up and outreach figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ProgramFigures {
    pub checkups: u64,
    pub checkups_in_window: u64,
    /// Share of check-ups completed within their window (the protocol's benchmark is 94%).
    pub in_window_share: Option<f64>,
    pub needs_treatment: u64,
    pub linked: u64,
    /// Median days from the check-up that found a need to treatment entry.
    pub median_days_to_entry: Option<f64>,
    /// Share of needs linked to treatment within 14 days.
    pub linked_within_14_days_share: Option<f64>,
    pub not_engaged_now: u64,
    pub re_engaged: u64,
}

/// Figures over check-ups completed since `since`, for an organization or one coach's persons.
pub async fn figures(db: &impl ConnectionTrait, scope: &PersonScope, since: DateTime<Utc>) -> Result<ProgramFigures> {
    use crate::entities::{checkup, linkage_task};
    let ids: HashSet<Uuid> = persons::scoped(scope)
        .select_only()
        .column(person::Column::Id)
        .into_tuple::<Uuid>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let checkups: Vec<(Uuid, bool, bool)> = checkup::Entity::find()
        .select_only()
        .column(checkup::Column::PersonId)
        .column(checkup::Column::InWindow)
        .column(checkup::Column::NeedsTreatment)
        .filter(checkup::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(checkup::Column::CompletedAt.gte(since))
        .into_tuple()
        .all(db)
        .await?;
    let checkups: Vec<_> = checkups.into_iter().filter(|c| ids.contains(&c.0)).collect();
    let mut f = ProgramFigures {
        checkups: checkups.len() as u64,
        checkups_in_window: checkups.iter().filter(|c| c.1).count() as u64,
        needs_treatment: checkups.iter().filter(|c| c.2).count() as u64,
        ..ProgramFigures::default()
    };
    f.in_window_share = share(f.checkups_in_window, f.checkups);
    let tasks: Vec<(Uuid, Option<i32>)> = linkage_task::Entity::find()
        .select_only()
        .column(linkage_task::Column::PersonId)
        .column(linkage_task::Column::DaysToEntry)
        .filter(linkage_task::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(linkage_task::Column::OpenedAt.gte(since))
        .into_tuple()
        .all(db)
        .await?;
    let tasks: Vec<_> = tasks.into_iter().filter(|t| ids.contains(&t.0)).collect();
    let mut days: Vec<i32> = tasks.iter().filter_map(|t| t.1).collect();
    days.sort_unstable();
    f.linked = days.len() as u64;
    f.median_days_to_entry = median(&days);
    f.linked_within_14_days_share = share(days.iter().filter(|d| **d <= 14).count() as u64, tasks.len() as u64);
    let items: Vec<(Uuid, Option<DateTime<Utc>>)> = outreach_item::Entity::find()
        .select_only()
        .column(outreach_item::Column::PersonId)
        .column(outreach_item::Column::ClosedAt)
        .filter(outreach_item::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(outreach_item::Column::Kind.eq(Kind::NotEngaged.as_str()))
        .filter(
            Condition::any()
                .add(outreach_item::Column::ClosedAt.is_null())
                .add(outreach_item::Column::ClosedAt.gte(since)),
        )
        .into_tuple()
        .all(db)
        .await?;
    let items: Vec<_> = items.into_iter().filter(|i| ids.contains(&i.0)).collect();
    f.not_engaged_now = items.iter().filter(|i| i.1.is_none()).count() as u64;
    f.re_engaged = items.iter().filter(|i| i.1.is_some()).count() as u64;
    Ok(f)
}

fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn median(sorted: &[i32]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(sorted[n / 2])),
        _ => Some((f64::from(sorted[n / 2 - 1]) + f64::from(sorted[n / 2])) / 2.0),
    }
}

/// How long an unfinished claim on a job holds before another process may take it over.
pub const JOB_LEASE: Duration = Duration::minutes(15);

/// Runs the due background work once: the hourly full pass (one process per hour, claimed through the job
/// table) and the incremental pass. Returns what the passes did.
pub async fn tick(
    store: &Store,
    worker: &str,
    now: DateTime<Utc>,
    default_tz: Tz,
) -> Result<(Option<PassCounts>, PassCounts)> {
    let hour = now.format("%Y-%m-%dT%H").to_string();
    crate::jobs::enqueue(store.writer(), "outreach_full_pass", &format!("outreach_full_pass:{hour}"), now).await?;
    let mut full = None;
    if let Some(job) = crate::jobs::claim(store.writer(), "outreach_full_pass", worker, now, JOB_LEASE).await? {
        let counts = full_pass(store, now, default_tz).await?;
        let detail = serde_json::to_string(&counts).unwrap_or_default();
        crate::jobs::finish(store.writer(), job.id, worker, &detail).await?;
        full = Some(counts);
    }
    let incremental = incremental_pass(store, now, default_tz).await?;
    Ok((full, incremental))
}

#[cfg(test)]
mod tests;
