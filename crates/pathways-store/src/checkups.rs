//! Recovery management check-ups (issue 5): each program's settings, each person's schedule, recording a
//! check-up (the rule's answer, the next due date, a linkage task when treatment is needed) and the linkage
//! task's steps. The rules themselves are `pathways_domain::checkup` and `pathways_domain::outreach`; every
//! function here takes the caller's scope, so a person outside it is simply not found.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use pathways_domain::access::PersonScope;
use pathways_domain::barc10::Barc10Answers;
use pathways_domain::checkup::{CheckupAnswers, Need, Schedule, Standing, need_for_treatment, standing, window};
use pathways_domain::outreach::Rules;
use pathways_domain::{AccountId, OrgId, PersonId};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use uuid::Uuid;

use crate::entities::{checkup, checkup_program, checkup_schedule, linkage_task, person};
use crate::{Result, StoreError, persons, records, summary};

/// A program's schedule and outreach rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Program {
    pub schedule: Schedule,
    pub rules: Rules,
}

/// The program's settings, or the defaults (fixed quarterly for two years, ±14 days) in `default_tz`, the
/// deployment's time zone.
pub async fn program(db: &impl ConnectionTrait, org: OrgId, default_tz: Tz) -> Result<Program> {
    let found = checkup_program::Entity::find_by_id(org.as_uuid()).one(db).await?;
    Ok(found.map(program_of).unwrap_or_else(|| Program::in_zone(default_tz)))
}

impl Program {
    /// The default program, its dates in `tz`.
    pub fn in_zone(tz: Tz) -> Self {
        Self { schedule: Schedule::default(), rules: Rules { tz, ..Rules::default() } }
    }
}

/// Every program with its own settings (the full pass reads them once).
pub async fn programs(db: &impl ConnectionTrait) -> Result<std::collections::HashMap<Uuid, Program>> {
    Ok(checkup_program::Entity::find().all(db).await?.into_iter().map(|m| (m.org_id, program_of(m))).collect())
}

fn program_of(m: checkup_program::Model) -> Program {
    let d = Rules::default();
    let n = |v: i32| u32::try_from(v).unwrap_or(0);
    Program {
        schedule: serde_json::from_value(m.schedule).unwrap_or_default(),
        rules: Rules {
            quiet_days: n(m.quiet_days),
            no_contact_days: n(m.no_contact_days),
            linkage_stall_days: n(m.linkage_stall_days),
            window_days: n(m.window_days),
            tz: m.time_zone.parse::<Tz>().unwrap_or(d.tz),
            escalate_after: n(m.escalate_after),
        },
    }
}

/// Saves a program's settings.
pub async fn set_program(db: &impl ConnectionTrait, org: OrgId, p: &Program) -> Result<()> {
    let i = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
    let row = checkup_program::ActiveModel {
        org_id: Set(org.as_uuid()),
        schedule: Set(serde_json::to_value(p.schedule).map_err(|e| StoreError::Invalid(e.to_string()))?),
        window_days: Set(i(p.rules.window_days)),
        time_zone: Set(p.rules.tz.name().to_owned()),
        quiet_days: Set(i(p.rules.quiet_days)),
        no_contact_days: Set(i(p.rules.no_contact_days)),
        linkage_stall_days: Set(i(p.rules.linkage_stall_days)),
        escalate_after: Set(i(p.rules.escalate_after)),
        updated_at: Set(crate::now()),
    };
    use checkup_program::Column as C;
    checkup_program::Entity::insert(row)
        .on_conflict(
            OnConflict::column(C::OrgId)
                .update_columns([
                    C::Schedule,
                    C::WindowDays,
                    C::TimeZone,
                    C::QuietDays,
                    C::NoContactDays,
                    C::LinkageStallDays,
                    C::EscalateAfter,
                    C::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec(db)
        .await?;
    Ok(())
}

/// The calendar day of an instant in the program's zone.
pub fn local_day(at: DateTime<Utc>, tz: Tz) -> NaiveDate {
    at.with_timezone(&tz).date_naive()
}

/// A new person's schedule: enrolled the day their record was made, first check-up one interval later.
pub fn first_schedule(p: &Program, enrolled: NaiveDate) -> (NaiveDate, u32, Option<NaiveDate>) {
    match p.schedule {
        Schedule::Fixed { .. } => (enrolled, 0, p.schedule.fixed_dates(enrolled).first().copied()),
        Schedule::Adaptive { .. } => {
            // A new person starts at the monthly interval, as if treatment were needed.
            let first = p.schedule.next_interval(1, true);
            (enrolled, first, Some(pathways_domain::checkup::add_months(enrolled, first)))
        }
    }
}

/// Writes the schedule rows of persons who have none (enrolled the day their record was made); returns how many.
pub async fn ensure_schedules(
    db: &impl ConnectionTrait,
    persons: &[(Uuid, Uuid, DateTime<Utc>)],
    programs: &std::collections::HashMap<Uuid, Program>,
    default_tz: Tz,
) -> Result<u64> {
    if persons.is_empty() {
        return Ok(0);
    }
    let now = crate::now();
    let rows: Vec<checkup_schedule::ActiveModel> = persons
        .iter()
        .map(|(id, org, created)| {
            let p = programs.get(org).copied().unwrap_or_else(|| Program::in_zone(default_tz));
            let (enrolled, interval, next) = first_schedule(&p, local_day(*created, p.rules.tz));
            checkup_schedule::ActiveModel {
                person_id: Set(*id),
                org_id: Set(*org),
                enrolled_on: Set(enrolled),
                last_interval_months: Set(i32::try_from(interval).unwrap_or(1)),
                next_due: Set(next),
                extended_months: Set(0),
                updated_at: Set(now),
            }
        })
        .collect();
    let mut written = 0;
    for chunk in rows.chunks(1000) {
        let r = checkup_schedule::Entity::insert_many(chunk.to_vec())
            .on_conflict(OnConflict::column(checkup_schedule::Column::PersonId).do_nothing().to_owned())
            .exec_without_returning(db)
            .await;
        match r {
            Ok(n) => written += n,
            Err(sea_orm::DbErr::RecordNotInserted) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(written)
}

/// A person's schedule as shown: where the next check-up stands and its window.
#[derive(Clone, Debug, Serialize)]
pub struct ScheduleView {
    pub schedule: Schedule,
    pub enrolled_on: NaiveDate,
    pub next_due: Option<NaiveDate>,
    pub window_days: u32,
    pub time_zone: String,
    pub window_opens: Option<DateTime<Utc>>,
    pub window_closes: Option<DateTime<Utc>>,
    pub standing: Option<Standing>,
    /// The interval (months) that led to the next due date.
    pub interval_months: u32,
}

async fn schedule_row(
    db: &impl ConnectionTrait,
    found: &person::Model,
    p: &Program,
) -> Result<checkup_schedule::Model> {
    if let Some(row) = checkup_schedule::Entity::find_by_id(found.id).one(db).await? {
        return Ok(row);
    }
    let programs = std::collections::HashMap::from([(found.org_id, *p)]);
    ensure_schedules(db, &[(found.id, found.org_id, found.created_at)], &programs, p.rules.tz).await?;
    checkup_schedule::Entity::find_by_id(found.id)
        .one(db)
        .await?
        .ok_or_else(|| StoreError::Invalid("the schedule was not written".into()))
}

fn view(row: &checkup_schedule::Model, p: &Program, now: DateTime<Utc>) -> ScheduleView {
    let w = p.rules.window_days;
    let win = row.next_due.map(|d| window(d, w, p.rules.tz));
    ScheduleView {
        schedule: p.schedule,
        enrolled_on: row.enrolled_on,
        next_due: row.next_due,
        window_days: w,
        time_zone: p.rules.tz.name().to_owned(),
        window_opens: win.map(|w| w.0),
        window_closes: win.map(|w| w.1),
        standing: row.next_due.map(|d| standing(d, w, p.rules.tz, now)),
        interval_months: u32::try_from(row.last_interval_months).unwrap_or(0),
    }
}

/// The person's schedule (enrolling them first if they have none); `None` when the person is not in scope.
/// Call inside a transaction: enrolling writes.
pub async fn schedule(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    now: DateTime<Utc>,
    default_tz: Tz,
) -> Result<Option<ScheduleView>> {
    let Some(found) = persons::find(db, scope, person).await? else { return Ok(None) };
    let p = program(db, scope.org, default_tz).await?;
    let row = schedule_row(db, &found, &p).await?;
    Ok(Some(view(&row, &p, now)))
}

/// The next due date after a check-up done `today` that was due `due`: the schedule's rule. A fixed schedule
/// stays on its grid (the first date after `due` whose window is still open today); an adaptive one counts
/// from today.
pub fn next_after(
    p: &Program,
    row: &checkup_schedule::Model,
    today: NaiveDate,
    needed: bool,
) -> (Option<NaiveDate>, u32) {
    let last = u32::try_from(row.last_interval_months).unwrap_or(1);
    match p.schedule {
        Schedule::Fixed { every_months, for_months } => {
            let extended = Schedule::Fixed {
                every_months,
                for_months: for_months.saturating_add(u32::try_from(row.extended_months).unwrap_or(0)),
            };
            let after = row.next_due.unwrap_or(today);
            let window = chrono::Duration::days(i64::from(p.rules.window_days));
            let next = extended.fixed_dates(row.enrolled_on).into_iter().find(|d| *d > after && *d + window >= today);
            (next, every_months)
        }
        Schedule::Adaptive { .. } => {
            let interval = p.schedule.next_interval(last, needed);
            (Some(pathways_domain::checkup::add_months(today, interval)), interval)
        }
    }
}

/// What recording a check-up did.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub checkup: checkup::Model,
    pub need: Need,
    /// The linkage task opened (or already open) when treatment is needed.
    pub linkage_task: Option<Uuid>,
}

/// Who completes a check-up.
#[derive(Clone, Copy, Debug)]
pub struct By {
    pub account: AccountId,
    /// `staff` or `person`.
    pub kind: &'static str,
}

/// Records a completed check-up for a person in scope: the answers as given, the need-for-treatment rule's
/// answer, whether it was done within its window, the next due date, a BARC-10 when one was taken, and a
/// linkage task for the person's coach when treatment is needed. `None` when the person is not in scope.
pub async fn record(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    answers: &CheckupAnswers,
    by: By,
    now: DateTime<Utc>,
    default_tz: Tz,
) -> Result<Option<Recorded>> {
    let Some(found) = persons::find(db, scope, person).await? else { return Ok(None) };
    let p = program(db, scope.org, default_tz).await?;
    let row = schedule_row(db, &found, &p).await?;
    let need = need_for_treatment(&answers.need_answers());
    let today = local_day(now, p.rules.tz);
    let in_window = row.next_due.is_some_and(|d| standing(d, p.rules.window_days, p.rules.tz, now) == Standing::Due);
    let (next_due, interval) = next_after(&p, &row, today, need.needs_treatment);

    let assessment = match &answers.barc10 {
        Some(given) => {
            let parsed = Barc10Answers::try_from(given.clone()).map_err(|e| StoreError::Invalid(format!("{e:?}")))?;
            Some(records::add_assessment(db, scope, person, &parsed, by.account, by.kind, now).await?.id)
        }
        None => None,
    };
    let reasons: Vec<&str> = need.reasons.iter().map(|r| r.as_str()).collect();
    let saved = checkup::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person.as_uuid()),
        org_id: Set(scope.org.as_uuid()),
        due_on: Set(row.next_due),
        completed_at: Set(now),
        in_window: Set(in_window),
        by_account_id: Set(by.account.as_uuid()),
        by_kind: Set(by.kind.to_owned()),
        answers: Set(serde_json::to_value(answers).map_err(|e| StoreError::Invalid(e.to_string()))?),
        needs_treatment: Set(need.needs_treatment),
        reasons: Set(reasons.join(",")),
        assessment_id: Set(assessment),
        next_due: Set(next_due),
    }
    .insert(db)
    .await?;
    checkup_schedule::Entity::update_many()
        .col_expr(checkup_schedule::Column::NextDue, Expr::value(next_due))
        .col_expr(checkup_schedule::Column::LastIntervalMonths, Expr::value(i32::try_from(interval).unwrap_or(1)))
        .col_expr(checkup_schedule::Column::UpdatedAt, Expr::value(now))
        .filter(checkup_schedule::Column::PersonId.eq(person.as_uuid()))
        .exec(db)
        .await?;
    let linkage_task = if need.needs_treatment {
        Some(match open_linkage(db, scope, person).await? {
            Some(open) => open.id,
            None => {
                linkage_task::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    person_id: Set(person.as_uuid()),
                    org_id: Set(scope.org.as_uuid()),
                    checkup_id: Set(saved.id),
                    assigned_account_id: Set(found.assigned_coach_id),
                    opened_at: Set(now),
                    last_progress_at: Set(now),
                    feedback_at: Set(None),
                    barriers_at: Set(None),
                    appointment_at: Set(None),
                    referral_service_id: Set(None),
                    transport_at: Set(None),
                    arrived_at: Set(None),
                    closed_at: Set(None),
                    close_reason: Set(None),
                    days_to_entry: Set(None),
                }
                .insert(db)
                .await?
                .id
            }
        })
    } else {
        None
    };
    summary::refresh(db, person).await?;
    Ok(Some(Recorded { checkup: saved, need, linkage_task }))
}

/// A person's check-ups, newest first.
pub async fn list(db: &impl ConnectionTrait, scope: &PersonScope, person: PersonId) -> Result<Vec<checkup::Model>> {
    Ok(checkup::Entity::find()
        .filter(checkup::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(checkup::Column::PersonId.eq(person.as_uuid()))
        .order_by_desc(checkup::Column::CompletedAt)
        .all(db)
        .await?)
}

/// The person's open linkage task, if any.
pub async fn open_linkage(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
) -> Result<Option<linkage_task::Model>> {
    Ok(linkage_task::Entity::find()
        .filter(linkage_task::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(linkage_task::Column::PersonId.eq(person.as_uuid()))
        .filter(linkage_task::Column::ClosedAt.is_null())
        .one(db)
        .await?)
}

/// A step of a linkage task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkageStep {
    /// Gave feedback on the check-up's answers and talked it through.
    Feedback,
    /// Worked through barriers.
    Barriers,
    /// Made the appointment: a referral to a service in the directory.
    Appointment(Option<Uuid>),
    /// Arranged transport, or went along.
    Transport,
    /// Confirmed the person arrived: treatment entry. Closes the task.
    Arrived,
    /// Closed without entry (the person declined, moved away…).
    Closed,
}

impl LinkageStep {
    pub fn parse(step: &str, service: Option<Uuid>) -> Option<Self> {
        Some(match step {
            "feedback" => Self::Feedback,
            "barriers" => Self::Barriers,
            "appointment" => Self::Appointment(service),
            "transport" => Self::Transport,
            "arrived" => Self::Arrived,
            "closed" => Self::Closed,
            _ => return None,
        })
    }
}

/// Records a step of the person's linkage task `task`; `None` when there is no such open task in scope.
pub async fn linkage_step(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    task: Uuid,
    step: LinkageStep,
    now: DateTime<Utc>,
) -> Result<Option<linkage_task::Model>> {
    let Some(open) = open_linkage(db, scope, person).await?.filter(|t| t.id == task) else { return Ok(None) };
    let started =
        checkup::Entity::find_by_id(open.checkup_id).one(db).await?.map_or(open.opened_at, |c| c.completed_at);
    let mut m: linkage_task::ActiveModel = open.into();
    m.last_progress_at = Set(now);
    match step {
        LinkageStep::Feedback => m.feedback_at = Set(Some(now)),
        LinkageStep::Barriers => m.barriers_at = Set(Some(now)),
        LinkageStep::Appointment(service) => {
            m.appointment_at = Set(Some(now));
            m.referral_service_id = Set(service);
        }
        LinkageStep::Transport => m.transport_at = Set(Some(now)),
        LinkageStep::Arrived => {
            m.arrived_at = Set(Some(now));
            m.closed_at = Set(Some(now));
            m.close_reason = Set(Some("entered_treatment".into()));
            m.days_to_entry = Set(Some(i32::try_from((now - started).num_days()).unwrap_or(i32::MAX)));
        }
        LinkageStep::Closed => {
            m.closed_at = Set(Some(now));
            m.close_reason = Set(Some("closed".into()));
        }
    }
    let saved = m.update(db).await?;
    summary::refresh(db, person).await?;
    Ok(Some(saved))
}
