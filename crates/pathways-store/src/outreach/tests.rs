//! On the database the suite runs against (SQLite, or PostgreSQL when `PATHWAYS_TEST_POSTGRES_URL` is set).

use chrono::{NaiveDate, TimeZone as _};
use pathways_domain::checkup::{CheckupAnswers, RawCheckupAnswers};
use pathways_domain::org::{OrgKind, Slug};
use pathways_domain::person::PersonDetails;
use pathways_domain::{AccountId, OrgId};
use sea_orm::{ActiveModelTrait as _, EntityTrait as _, PaginatorTrait as _};

use super::*;
use crate::checkups::{self, By};
use crate::entities::{checkup, linkage_task};
use crate::testing::TestDb;
use crate::{jobs, orgs, records};
use pathways_domain::deployment::DEFAULT_TIME_ZONE;

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 15, 0, 0).single().unwrap_or_default()
}

struct World {
    db: TestDb,
    scope: PersonScope,
    coach: AccountId,
}

async fn world() -> World {
    let db = TestDb::new().await;
    let slug = Slug::parse("outreach-org").expect("slug");
    let org = orgs::create(db.store.writer(), &slug, "Org", OrgKind::RecoveryCommunityCenter).await.expect("org");
    let org = OrgId::from_uuid(org.id);
    let coach = AccountId::new();
    World { db, scope: PersonScope { org, assigned_to: None, only_person: None }, coach }
}

/// A person whose record was made on `made`.
async fn person(w: &World, name: &str, made: DateTime<Utc>) -> PersonId {
    let details = PersonDetails {
        preferred_name: name.into(),
        legal_name: None,
        pronouns: None,
        date_of_birth: None,
        preferred_language: None,
        phone: None,
        email: None,
    };
    let p = persons::insert(w.db.store.writer(), w.scope.org, &details, None).await.expect("person");
    let mut m: person::ActiveModel = p.into();
    m.created_at = Set(made);
    PersonId::from_uuid(m.update(w.db.store.writer()).await.expect("backdate").id)
}

async fn open_kinds(w: &World, p: PersonId) -> Vec<String> {
    let mut kinds: Vec<String> = outreach_item::Entity::find()
        .filter(outreach_item::Column::PersonId.eq(p.as_uuid()))
        .filter(outreach_item::Column::ClosedAt.is_null())
        .all(w.db.store.writer())
        .await
        .expect("items")
        .into_iter()
        .map(|i| i.kind)
        .collect();
    kinds.sort();
    kinds
}

fn answers(wants: bool) -> CheckupAnswers {
    CheckupAnswers::parse(&RawCheckupAnswers {
        days_alcohol_90: Some(3),
        days_drugs_90: Some(0),
        weekly_use_since_last: Some(false),
        past_month_problems: Some(vec![]),
        wants_treatment: Some(wants),
        in_treatment: Some(false),
        ..RawCheckupAnswers::default()
    })
    .expect("answers")
}

/// The full pass enrolls everyone, opens what holds, and running it again changes nothing; a check-up done
/// closes "overdue" and a need opens the linkage task and its item.
#[tokio::test]
async fn passes_are_idempotent_and_follow_the_records() {
    let w = world().await;
    let store = &w.db.store;
    let now = at(2026, 11, 30);
    // Made in June: the first quarterly check-up (September) is overdue, no check-in for months, no contact.
    let ana = person(&w, "Ana", at(2026, 6, 1)).await;
    // Made yesterday: nothing is due.
    let ben = person(&w, "Ben", now - Duration::days(1)).await;

    let first = full_pass(store, now, DEFAULT_TIME_ZONE).await.expect("pass");
    assert_eq!((first.evaluated, first.enrolled), (2, 2));
    assert_eq!(open_kinds(&w, ana).await, vec!["checkup_overdue", "not_engaged"]);
    assert_eq!(open_kinds(&w, ben).await, Vec::<String>::new());
    let again = full_pass(store, now, DEFAULT_TIME_ZONE).await.expect("pass again");
    assert_eq!((again.opened, again.closed, again.enrolled), (0, 0, 0), "a second pass changes nothing");
    assert_eq!(outreach_item::Entity::find().count(store.writer()).await.expect("count"), 2);

    let schedule = checkups::schedule(store.writer(), &w.scope, ana, now, DEFAULT_TIME_ZONE)
        .await
        .expect("schedule")
        .expect("in scope");
    assert_eq!(schedule.next_due, NaiveDate::from_ymd_opt(2026, 9, 1));
    assert_eq!(schedule.standing, Some(pathways_domain::checkup::Standing::Overdue));

    // A check-up that finds a need: overdue and not engaged close, linkage opens; the incremental pass sees it.
    let tx = store.begin().await.expect("tx");
    let by = By { account: w.coach, kind: "staff" };
    let done = checkups::record(&tx, &w.scope, ana, &answers(true), by, now, DEFAULT_TIME_ZONE)
        .await
        .expect("record")
        .expect("found");
    tx.commit().await.expect("commit");
    assert!(done.need.needs_treatment);
    assert!(!done.checkup.in_window, "done after its window closed");
    assert_eq!(done.checkup.next_due, NaiveDate::from_ymd_opt(2026, 12, 1), "the next date on the grid");
    let inc = incremental_pass(store, now, DEFAULT_TIME_ZONE).await.expect("incremental");
    assert_eq!(inc.evaluated, 1, "only the person whose records changed");
    // Dec 1 is within 14 days; contact was made, so the quiet check-in log is now its own item.
    assert_eq!(open_kinds(&w, ana).await, vec!["checkup_due", "linkage_needed", "no_checkin"]);
    assert_eq!(
        incremental_pass(store, now, DEFAULT_TIME_ZONE).await.expect("again").evaluated,
        0,
        "the mark was cleared"
    );

    // Arrival closes the task with its days to entry, and the item with it.
    let task = done.linkage_task.expect("a linkage task");
    let later = now + Duration::days(6);
    let tx = store.begin().await.expect("tx");
    checkups::linkage_step(&tx, &w.scope, ana, task, checkups::LinkageStep::Feedback, now).await.expect("step");
    let closed = checkups::linkage_step(&tx, &w.scope, ana, task, checkups::LinkageStep::Arrived, later)
        .await
        .expect("step")
        .expect("open task");
    tx.commit().await.expect("commit");
    assert_eq!(closed.days_to_entry, Some(6));
    incremental_pass(store, later, DEFAULT_TIME_ZONE).await.expect("incremental");
    assert_eq!(open_kinds(&w, ana).await, vec!["checkup_due", "no_checkin"]);
    let open_tasks = linkage_task::Entity::find()
        .filter(linkage_task::Column::ClosedAt.is_null())
        .count(store.writer())
        .await
        .expect("count");
    assert_eq!(open_tasks, 0);
    assert_eq!(checkup::Entity::find().count(store.writer()).await.expect("count"), 1);
}

/// Failed attempts escalate after the program's number (3 by default); reaching the person is a contact that
/// ends "not engaged".
#[tokio::test]
async fn attempts_escalate_and_a_contact_re_engages() {
    let w = world().await;
    let store = &w.db.store;
    let now = at(2026, 11, 30);
    let ana = person(&w, "Ana", at(2026, 10, 1)).await;
    records::add_checkin(
        store.writer(),
        &w.scope,
        ana,
        &pathways_domain::checkin::Checkin {
            mood: 3,
            craving: 1,
            used_since_last: false,
            use_note: None,
            meetings_attended: 0,
            supports: None,
            safe: true,
        },
        w.coach,
        now - Duration::days(1),
    )
    .await
    .expect("checkin");
    full_pass(store, now, DEFAULT_TIME_ZONE).await.expect("pass");
    let list = queue(store.writer(), &w.scope, QueuePage { escalated_only: false, offset: 0, limit: 50 })
        .await
        .expect("queue");
    assert_eq!(list.iter().map(|q| q.kind.as_str()).collect::<Vec<_>>(), vec!["not_engaged"]);
    let item = list[0].id;
    let attempt = |outcome: &str| Attempt { by: w.coach, channel: "phone".into(), outcome: outcome.into(), note: None };
    for n in 1..=3 {
        let r = record_attempt(store.writer(), &w.scope, item, attempt("no_answer"), now, DEFAULT_TIME_ZONE)
            .await
            .expect("attempt");
        let r = r.expect("open item");
        assert_eq!(r.escalated_now, n == 3, "attempt {n}");
    }
    assert_eq!(
        queue(store.writer(), &w.scope, QueuePage { escalated_only: true, offset: 0, limit: 50 })
            .await
            .expect("escalated")
            .len(),
        1
    );
    let r = record_attempt(store.writer(), &w.scope, item, attempt("reached"), now, DEFAULT_TIME_ZONE)
        .await
        .expect("attempt");
    assert!(!r.expect("still open when logged").escalated_now);
    assert!(open_kinds(&w, ana).await.is_empty(), "reached: not engaged closes at once");
    let f = figures(store.writer(), &w.scope, now - Duration::days(30)).await.expect("figures");
    assert_eq!((f.not_engaged_now, f.re_engaged), (0, 1));
    assert!(
        record_attempt(store.writer(), &w.scope, item, attempt("reached"), now, DEFAULT_TIME_ZONE)
            .await
            .expect("ok")
            .is_none()
    );
}

/// Two workers (on PostgreSQL, two stores as two server processes) claim the same due job at once: exactly one
/// wins; a second enqueue of the same key adds nothing; a claim left past its lease can be taken over.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_job_is_claimed_by_one_worker() {
    let w = world().await;
    let now = at(2026, 11, 30);
    let store = &w.db.store;
    assert!(jobs::enqueue(store.writer(), "outreach_full_pass", "k1", now).await.expect("enqueue"));
    assert!(!jobs::enqueue(store.writer(), "outreach_full_pass", "k1", now).await.expect("enqueue again"));
    let second =
        if w.db.is_postgres() { Store::connect(&w.db.url).await.expect("second store") } else { store.clone() };
    let stores = [store.clone(), second];
    let mut tasks = Vec::new();
    for i in 0..20 {
        let s = stores[i % 2].clone();
        tasks.push(tokio::spawn(async move {
            jobs::claim(s.writer(), "outreach_full_pass", &format!("worker-{i}"), now, JOB_LEASE).await.expect("claim")
        }));
    }
    let mut won = 0;
    for t in tasks {
        won += usize::from(t.await.expect("task").is_some());
    }
    assert_eq!(won, 1);
    assert!(jobs::claim(store.writer(), "outreach_full_pass", "late", now, JOB_LEASE).await.expect("claim").is_none());
    let after_lease = now + JOB_LEASE + Duration::minutes(1);
    let taken =
        jobs::claim(store.writer(), "outreach_full_pass", "rescuer", after_lease, JOB_LEASE).await.expect("claim");
    let taken = taken.expect("the stale claim is taken over");
    jobs::finish(store.writer(), taken.id, "rescuer", "{}").await.expect("finish");
    assert!(jobs::claim(store.writer(), "outreach_full_pass", "x", after_lease, JOB_LEASE).await.expect("c").is_none());
}

/// `tick` runs the hour's full pass once across workers, and the incremental pass each time.
#[tokio::test]
async fn tick_runs_the_hourly_pass_once() {
    let w = world().await;
    let now = at(2026, 11, 30);
    person(&w, "Ana", at(2026, 6, 1)).await;
    let (full, _) = tick(&w.db.store, "a", now, DEFAULT_TIME_ZONE).await.expect("tick");
    assert_eq!(full.map(|f| f.evaluated), Some(1));
    let (full, _) = tick(&w.db.store, "b", now + Duration::minutes(5), DEFAULT_TIME_ZONE).await.expect("tick");
    assert_eq!(full, None, "this hour's pass already ran");
    let (full, _) = tick(&w.db.store, "b", now + Duration::hours(1), DEFAULT_TIME_ZONE).await.expect("tick");
    assert!(full.is_some(), "the next hour's");
}
