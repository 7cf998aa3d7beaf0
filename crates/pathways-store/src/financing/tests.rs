//! On the database the suite runs against (SQLite, or PostgreSQL when `PATHWAYS_TEST_POSTGRES_URL` is set).

use chrono::{NaiveTime, TimeZone};
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
    let v = Voucher { number: "V-1".into(), authorized_units: 5, balance_units: 5, expires_on: day(30) };
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
}

#[tokio::test]
async fn a_signed_event_is_never_changed_and_a_correction_is_a_new_version() {
    let db = TestDb::new().await;
    let org = org(&db.store).await;
    let p = person(&db.store, org).await;
    let source = voucher_program(&db.store, org).await;
    let staff = AccountId::new();
    let tx = db.store.begin().await.expect("tx");
    let v = Voucher { number: "V-1".into(), authorized_units: 10, balance_units: 10, expires_on: day(30) };
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
