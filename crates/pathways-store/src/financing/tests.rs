//! On the database the suite runs against (SQLite, or PostgreSQL when `PATHWAYS_TEST_POSTGRES_URL` is set).

use chrono::{Datelike, NaiveTime, TimeZone};
use pathways_domain::financing::check::Problem;
use pathways_domain::org::{OrgKind, Slug};
use sea_orm::ActiveModelTrait;

use super::*;
use crate::testing::TestDb;
use crate::{Store, orgs};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
}

fn at(d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).single().unwrap_or_default()
}

async fn org(store: &Store) -> OrgId {
    let slug = Slug::parse("peer-rco").expect("slug");
    let o = orgs::create(store.writer(), &slug, "Peer RCO", OrgKind::RecoveryCommunityCenter).await.expect("org");
    OrgId::from_uuid(o.id)
}

async fn person(store: &Store, org: OrgId) -> PersonId {
    let id = Uuid::now_v7();
    person::ActiveModel {
        id: Set(id),
        org_id: Set(org.as_uuid()),
        preferred_name: Set("Test person".into()),
        legal_name: Set(None),
        pronouns: Set(None),
        date_of_birth: Set(NaiveDate::from_ymd_opt(1990, 5, 1)),
        preferred_language: Set(None),
        phone: Set(None),
        email: Set(None),
        assigned_coach_id: Set(None),
        created_at: Set(crate::now()),
        updated_at: Set(crate::now()),
    }
    .insert(store.writer())
    .await
    .expect("person");
    PersonId::from_uuid(id)
}

async fn voucher_program(store: &Store, org: OrgId) -> Uuid {
    let tx = store.begin().await.expect("tx");
    let profile = add_profile(&tx, &Actor::default(), org, &PayerProfile::peer_services("Vouchers", 1_500))
        .await
        .expect("profile");
    let source =
        add_funding_source(&tx, &Actor::default(), org, "Recovery vouchers", profile, &Funding::VoucherProgram)
            .await
            .expect("source")
            .expect("the profile is the organization's");
    tx.commit().await.expect("commit");
    source
}

fn event(staff: AccountId, p: PersonId, source: Uuid, start_hour: u32) -> NewServiceEvent {
    NewServiceEvent {
        encounter: None,
        staff,
        persons: vec![p],
        date: day(16),
        starts_at: NaiveTime::from_hms_opt(start_hour % 24, 0, 0).unwrap_or_default(),
        minutes: 15,
        code: ServiceCode::peer_services(),
        modifiers: vec![],
        place: PlaceOfService::parse("11").expect("pos"),
        goal: None,
        source,
        authorization: Some("V-1".into()),
        diagnosis_on_file: false,
    }
}

/// 40 events of one unit each, for one person, signed all at once by several staff members (two stores on
/// PostgreSQL, as two server processes would be) against a voucher of 5 units: exactly 5 signatures take, the
/// balance ends at zero, never below.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_signatures_never_overdraw_a_voucher() {
    let db = TestDb::new().await;
    let org = org(&db.store).await;
    let p = person(&db.store, org).await;
    let source = voucher_program(&db.store, org).await;
    let tx = db.store.begin().await.expect("tx");
    let v =
        Voucher { number: "V-1".into(), authorized_units: 5, balance_units: 5, expires_on: day(30), withdrawn: false };
    issue_voucher(&tx, &Actor::default(), org, source, p, &v).await.expect("voucher").expect("program");
    tx.commit().await.expect("commit");

    // Each event by its own staff member (so none overlaps another), recorded one after another.
    let mut drafts = Vec::new();
    for i in 0..40u32 {
        let staff = AccountId::new();
        let tx = db.store.begin().await.expect("tx");
        let (id, _) = record(&tx, &Actor::default(), org, &event(staff, p, source, 8 + i % 10))
            .await
            .expect("record")
            .expect("source");
        tx.commit().await.expect("commit");
        drafts.push((id, staff));
    }
    let second =
        if db.is_postgres() { Store::connect(&db.url).await.expect("a second store") } else { db.store.clone() };
    let stores = [db.store.clone(), second];
    let mut tasks = Vec::new();
    for (i, (id, staff)) in drafts.into_iter().enumerate() {
        let store = stores[i % 2].clone();
        tasks.push(tokio::spawn(async move {
            let tx = store.begin().await.expect("tx");
            match sign(&tx, &Actor::default(), org, id, staff, at(16, 18)).await.expect("sign") {
                Ok(_) => {
                    tx.commit().await.expect("commit");
                    true
                }
                Err(r) => {
                    assert_eq!(r, Refusal::VoucherExhausted);
                    tx.rollback().await.expect("rollback");
                    false
                }
            }
        }));
    }
    let mut signed = 0;
    for t in tasks {
        signed += usize::from(t.await.expect("task"));
    }
    assert_eq!(signed, 5);
    let left = vouchers(db.store.reader(), org).await.expect("vouchers");
    assert_eq!(left.iter().map(|v| v.balance_units).collect::<Vec<_>>(), [0]);
    let states = service_event::Entity::find().all(db.store.reader()).await.expect("events");
    assert_eq!(states.iter().filter(|e| e.state == SIGNED).count(), 5, "the refused ones stayed drafts");
    let kept = kept::all(db.store.reader()).await.expect("kept");
    assert_eq!(kept, kept::recount(db.store.reader()).await.expect("recount"), "racing signatures, counted once each");
    assert_eq!(kept.values().map(|c| c.events).sum::<i64>(), 5, "the refused signatures rolled their counts back");
}

#[tokio::test]
async fn a_signed_event_is_never_changed_and_a_correction_is_a_new_version() {
    let db = TestDb::new().await;
    let org = org(&db.store).await;
    let p = person(&db.store, org).await;
    let source = voucher_program(&db.store, org).await;
    let staff = AccountId::new();
    let tx = db.store.begin().await.expect("tx");
    let v = Voucher {
        number: "V-1".into(),
        authorized_units: 10,
        balance_units: 10,
        expires_on: day(30),
        withdrawn: false,
    };
    issue_voucher(&tx, &Actor::default(), org, source, p, &v).await.expect("voucher").expect("program");
    let mut e = event(staff, p, source, 9);
    e.minutes = 45;
    let (id, checked) = record(&tx, &Actor::default(), org, &e).await.expect("record").expect("source");
    assert_eq!((checked.total_units, checked.problems.clone()), (3, vec![]));
    assert_eq!(
        sign(&tx, &Actor::default(), org, id, AccountId::new(), at(16, 18)).await.expect("sign"),
        Err(Refusal::NotYours)
    );
    sign(&tx, &Actor::default(), org, id, staff, at(16, 18)).await.expect("sign").expect("signed");
    assert_eq!(sign(&tx, &Actor::default(), org, id, staff, at(16, 19)).await.expect("sign"), Err(Refusal::WrongState));
    tx.commit().await.expect("commit");
    assert_eq!(vouchers(db.store.reader(), org).await.expect("v")[0].balance_units, 7);

    // A correction: 60 minutes, not 45.
    let tx = db.store.begin().await.expect("tx");
    e.minutes = 60;
    let (new_id, checked) =
        correct(&tx, &Actor::default(), org, id, &e, "the session ran an hour").await.expect("correct").expect("ok");
    assert_eq!(checked.total_units, 4, "the old version no longer counts toward the day");
    assert_eq!(
        correct(&tx, &Actor::default(), org, id, &e, "again").await.expect("correct"),
        Err(Refusal::WrongState),
        "a superseded version is not corrected twice"
    );
    sign(&tx, &Actor::default(), org, new_id, staff, at(17, 9)).await.expect("sign").expect("signed");
    tx.commit().await.expect("commit");
    let old = super::event(db.store.reader(), org, id).await.expect("read").expect("old");
    let new = super::event(db.store.reader(), org, new_id).await.expect("read").expect("new");
    assert_eq!((old.row.state.as_str(), old.row.minutes, old.row.units), (SUPERSEDED, 45, 3), "kept as it was");
    assert_eq!(
        (new.row.version, new.row.supersedes, new.row.correction_reason.as_deref()),
        (2, Some(id), Some("the session ran an hour"))
    );
    assert_eq!(vouchers(db.store.reader(), org).await.expect("v")[0].balance_units, 6, "3 given back, 4 taken");
    let lines = reports::by_source_and_staff(db.store.reader(), org, day(1), day(30), None).await.expect("report");
    assert_eq!(lines.len(), 1);
    assert_eq!((lines[0].events, lines[0].units, lines[0].cents), (1, 4, 6_000));
}

#[tokio::test]
async fn the_day_is_the_base_and_problems_are_kept_until_co_signed() {
    let db = TestDb::new().await;
    let org = org(&db.store).await;
    let p = person(&db.store, org).await;
    let staff = AccountId::new();
    let tx = db.store.begin().await.expect("tx");
    let profile = PayerProfile {
        daily_cap_units: Some(2),
        cosign_required: true,
        ..PayerProfile::peer_services("Medicaid-like", 2_000)
    };
    let pid = add_profile(&tx, &Actor::default(), org, &profile).await.expect("profile");
    let source = add_funding_source(&tx, &Actor::default(), org, "Medicaid-like", pid, &Funding::Payer)
        .await
        .expect("source")
        .expect("found");
    let mut first = event(staff, p, source, 9);
    first.minutes = 8;
    let (a, c) = record(&tx, &Actor::default(), org, &first).await.expect("record").expect("source");
    assert_eq!(c.total_units, 1);
    let (_, c) = record(&tx, &Actor::default(), org, &first).await.expect("record").expect("source");
    assert_eq!(c.total_units, 0, "8 + 8 minutes are one unit over the day");
    assert!(c.problems.contains(&Problem::OverlappingSession), "the same staff member at the same time");
    let mut long = event(staff, p, source, 13);
    long.minutes = 60;
    let (_, c) = record(&tx, &Actor::default(), org, &long).await.expect("record").expect("source");
    assert_eq!(c.total_units, 1, "the cap of 2 leaves one");
    assert!(c.problems.iter().any(|p| matches!(p, Problem::OverDailyCap { .. })));
    sign(&tx, &Actor::default(), org, a, staff, at(16, 18)).await.expect("sign").expect("signed");
    let ready = reports::claim_lines(&tx, org, day(1), day(30), None, true, 100).await.expect("lines");
    assert!(ready.is_empty(), "waiting for the co-signature");
    let supervisor = AccountId::new();
    assert_eq!(
        cosign(&tx, &Actor::default(), org, a, staff, at(16, 19)).await.expect("cosign"),
        Err(Refusal::NotYours)
    );
    let v = cosign(&tx, &Actor::default(), org, a, supervisor, at(16, 19)).await.expect("cosign").expect("ok");
    assert_eq!(v.problems(), vec![]);
    let ready = reports::claim_lines(&tx, org, day(1), day(30), None, true, 100).await.expect("lines");
    assert_eq!(ready.iter().map(|l| (l.event.id, l.person, l.units)).collect::<Vec<_>>(), [(a, p.as_uuid(), 1)]);
    tx.commit().await.expect("commit");
}

/// The month's kept lines (m0037) against a recount from the events, after each step of signings, co-signatures
/// and corrections — one moving an event to another month and another funding source, one of a group service.
/// Without the kept update in `sign`, `cosign` or `correct`, the comparison fails at that step.
#[tokio::test]
async fn the_kept_month_lines_are_the_events_recounted_after_every_change() {
    let db = TestDb::new().await;
    let org = org(&db.store).await;
    let (p, q) = (person(&db.store, org).await, person(&db.store, org).await);
    let staff = AccountId::new();
    let supervisor = AccountId::new();
    let tx = db.store.begin().await.expect("tx");
    let profile = PayerProfile { cosign_required: true, ..PayerProfile::peer_services("Medicaid-like", 2_000) };
    let pid = add_profile(&tx, &Actor::default(), org, &profile).await.expect("profile");
    let payer = add_funding_source(&tx, &Actor::default(), org, "Medicaid-like", pid, &Funding::Payer)
        .await
        .expect("source")
        .expect("found");
    let gid = add_profile(&tx, &Actor::default(), org, &PayerProfile::peer_services("Grant", 1_500)).await.expect("p");
    let grant = Funding::Grant {
        starts_on: day(1) - chrono::Duration::days(60),
        ends_on: day(30) + chrono::Duration::days(60),
        budget: Budget::Units(10_000),
        allowed: vec![ServiceCode::peer_services()],
    };
    let grant = add_funding_source(&tx, &Actor::default(), org, "Grant", gid, &grant).await.expect("s").expect("ok");
    tx.commit().await.expect("commit");

    let a = Actor::default();
    let step = |what: &'static str| {
        let store = db.store.clone();
        async move {
            let kept = kept::all(store.reader()).await.expect("kept");
            assert_eq!(kept, kept::recount(store.reader()).await.expect("recount"), "after {what}");
            kept
        }
    };
    // Three events signed: two by one person (waiting for the co-signature), one group service of two.
    let tx = db.store.begin().await.expect("tx");
    let mut ids = Vec::new();
    for (hour, persons) in [(9, vec![p]), (11, vec![p]), (13, vec![p, q])] {
        let mut e = event(staff, p, payer, hour);
        e.persons = persons;
        e.minutes = 30;
        let (id, _) = record(&tx, &a, org, &e).await.expect("record").expect("source");
        ids.push((id, e));
    }
    tx.commit().await.expect("commit");
    assert!(step("drafts only").await.is_empty(), "a draft counts nowhere");
    let tx = db.store.begin().await.expect("tx");
    for (id, _) in &ids {
        sign(&tx, &a, org, *id, staff, at(16, 18)).await.expect("sign").expect("signed");
    }
    tx.commit().await.expect("commit");
    let kept = step("signing").await;
    let line = kept.values().next().copied().unwrap_or_default();
    assert_eq!((line.events, line.ready_lines, line.waiting_lines), (3, 0, 4), "every line waits for the co-signature");

    // A co-signature: the group's two lines move to ready.
    let tx = db.store.begin().await.expect("tx");
    cosign(&tx, &a, org, ids[2].0, supervisor, at(16, 19)).await.expect("cosign").expect("ok");
    tx.commit().await.expect("commit");
    let line = step("a co-signature").await.values().next().copied().unwrap_or_default();
    assert_eq!((line.events, line.ready_lines, line.waiting_lines), (3, 2, 2));

    // A correction within the month (45 minutes, not 30), signed at once; then one moved to October's grant.
    let tx = db.store.begin().await.expect("tx");
    let mut e = ids[0].1.clone();
    e.minutes = 45;
    let (v2, _) = correct(&tx, &a, org, ids[0].0, &e, "45 minutes").await.expect("correct").expect("ok");
    tx.commit().await.expect("commit");
    let line = step("a correction, not yet signed").await.values().next().copied().unwrap_or_default();
    assert_eq!(line.events, 2, "the superseded version is taken off; its draft does not count yet");
    let tx = db.store.begin().await.expect("tx");
    sign(&tx, &a, org, v2, staff, at(17, 9)).await.expect("sign").expect("signed");
    let mut moved = ids[1].1.clone();
    moved.date = NaiveDate::from_ymd_opt(2026, 10, 31).expect("date");
    moved.source = grant;
    let (v3, _) = correct(&tx, &a, org, ids[1].0, &moved, "October, the grant").await.expect("correct").expect("ok");
    sign(&tx, &a, org, v3, staff, at(17, 10)).await.expect("sign").expect("signed");
    tx.commit().await.expect("commit");
    let kept = step("corrections across months and sources").await;
    assert_eq!(kept.len(), 2, "November's payer line and October's grant line");
    let october = kept.iter().find(|(l, _)| l.month.month() == 10).map(|(_, c)| *c).unwrap_or_default();
    assert_eq!((october.events, october.ready_lines, october.waiting_lines), (1, 1, 0));

    // A co-signature of the corrected version, and a correction of a co-signed group service.
    let tx = db.store.begin().await.expect("tx");
    cosign(&tx, &a, org, v2, supervisor, at(17, 11)).await.expect("cosign").expect("ok");
    let mut smaller = ids[2].1.clone();
    smaller.persons = vec![q];
    let (v4, _) = correct(&tx, &a, org, ids[2].0, &smaller, "one person came").await.expect("correct").expect("ok");
    sign(&tx, &a, org, v4, staff, at(17, 12)).await.expect("sign").expect("signed");
    tx.commit().await.expect("commit");
    let kept = step("a co-signature and a group's correction").await;

    // The report reads the kept lines: the same as the grouped query over the month's events.
    let november = kept::month(db.store.reader(), org, day(1), None).await.expect("month");
    let counted = reports::by_source_and_staff(db.store.reader(), org, day(1), day(30), None).await.expect("report");
    assert_eq!(november, counted);
    assert_eq!((november[0].events, november[0].ready_lines, november[0].waiting_lines), (2, 1, 1));
    // A refused signature (rolled back by the caller) leaves no count behind.
    let tx = db.store.begin().await.expect("tx");
    let (d, _) = record(&tx, &a, org, &event(staff, q, payer, 20)).await.expect("record").expect("source");
    tx.commit().await.expect("commit");
    let tx = db.store.begin().await.expect("tx");
    sign(&tx, &a, org, d, staff, at(18, 9)).await.expect("sign").expect("signed");
    tx.rollback().await.expect("rollback");
    assert_eq!(step("a rolled-back signature").await, kept);
    // The migration's backfill (and a bulk load's) writes the same lines.
    kept::rebuild(db.store.writer()).await.expect("rebuild");
    assert_eq!(kept::all(db.store.reader()).await.expect("kept"), kept);
}

/// The CSV files read a month page by page (no cap on a file's lines): whatever the page's size, the pages hold
/// every line once, in the one-read order — ties on the date and the start broken by the event's id, a group's
/// persons together, drafts and (for the claims file) lines with a problem left out.
#[tokio::test]
async fn claim_pages_hold_every_line_once_whatever_their_size() {
    let db = TestDb::new().await;
    let org = org(&db.store).await;
    let (p, q) = (person(&db.store, org).await, person(&db.store, org).await);
    let source = voucher_program(&db.store, org).await;
    let staff = Uuid::now_v7();
    let (mut events, mut people) = (Vec::new(), Vec::new());
    for i in 0..40u32 {
        let id = Uuid::now_v7();
        let group = i % 5 == 0;
        let date = day(1 + i % 4);
        events.push(service_event::Model {
            id,
            org_id: org.as_uuid(),
            encounter_id: None,
            staff_account_id: staff,
            occurred_on: date,
            // Many events share a date and a start: the page boundary falls inside ties.
            start_minute: if i % 3 == 0 { 600 } else { 480 },
            minutes: 30,
            code: "H0038".into(),
            modifiers: serde_json::json!([]),
            place_of_service: "11".into(),
            goal_id: None,
            funding_source_id: source,
            authorization: None,
            diagnosis_on_file: true,
            units: 2,
            cents: 3_000,
            problems: serde_json::json!([]),
            state: if i % 13 == 12 { DRAFT } else { SIGNED }.into(),
            signed_by: Some(staff),
            signed_at: Some(at(1, 9)),
            cosigned_by: None,
            cosigned_at: None,
            version: 1,
            supersedes: None,
            correction_reason: None,
            created_by: staff,
            created_at: at(1, 9),
            problem_count: i32::from(i % 7 == 3),
            person_count: if group { 2 } else { 1 },
        });
        for who in if group { vec![p, q] } else { vec![p] } {
            people.push(service_event_person::Model {
                event_id: id,
                person_id: who.as_uuid(),
                org_id: org.as_uuid(),
                occurred_on: date,
                units: 2,
            });
        }
    }
    crate::bulk::insert_all::<service_event::Entity, _>(db.store.writer(), events).await.expect("events");
    crate::bulk::insert_all::<service_event_person::Entity, _>(db.store.writer(), people).await.expect("persons");
    let key = |l: &reports::ClaimLine| (l.event.id, l.person);
    for ready_only in [false, true] {
        let whole = reports::claim_lines(db.store.reader(), org, day(1), day(30), None, ready_only, 1_000)
            .await
            .expect("one read");
        let signed = (0..40u32).filter(|i| i % 13 != 12 && (!ready_only || i % 7 != 3));
        let expected: usize = signed.map(|i| if i % 5 == 0 { 2 } else { 1 }).sum();
        assert_eq!(whole.len(), expected);
        for page in [1, 3, 7, 36, 100] {
            let mut pages = reports::ClaimPages::new(org, day(1), day(30), None, ready_only, page);
            let mut read = Vec::new();
            while let Some(more) = pages.next(db.store.reader()).await.expect("page") {
                read.extend(more);
            }
            assert_eq!(read.iter().map(key).collect::<Vec<_>>(), whole.iter().map(key).collect::<Vec<_>>(), "{page}");
        }
    }
}
