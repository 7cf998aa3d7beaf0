//! On the database the suite runs against (SQLite, or PostgreSQL when `PATHWAYS_TEST_POSTGRES_URL` is set).

use chrono::TimeZone;
use pathways_domain::org::{OrgKind, Slug};

use super::*;
use crate::testing::TestDb;
use crate::{Store, orgs};

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, h, m, 0).single().unwrap_or_default()
}

fn program(org: OrgId, name: &str, level: LevelOfCare, open: u32, place: (f64, f64)) -> NewProgram {
    NewProgram {
        organization: org,
        service_id: None,
        name: name.to_owned(),
        level,
        populations: vec!["men".into()],
        region: Some("North Central".into()),
        place: LatLon::new(place.0, place.1).ok(),
        counts: BedCount { licensed: 20, open, waitlist: 0 },
    }
}

async fn setup(store: &Store, programs: &[NewProgram], now: DateTime<Utc>) -> Vec<Uuid> {
    let tx = store.begin().await.expect("tx");
    let mut ids = Vec::new();
    for p in programs {
        ids.push(create_program(&tx, &Actor::default(), p, now).await.expect("program"));
    }
    tx.commit().await.expect("commit");
    ids
}

async fn org(store: &Store) -> OrgId {
    let slug = Slug::parse("detox-provider").expect("slug");
    let o = orgs::create(store.writer(), &slug, "Detox provider", OrgKind::TreatmentProvider).await.expect("org");
    OrgId::from_uuid(o.id)
}

async fn try_reserve(store: &Store, program: Uuid, now: DateTime<Utc>) -> Reservation {
    let tx = store.begin().await.expect("tx");
    let r = reserve(&tx, &Actor::default(), program, None, now, Duration::hours(4)).await.expect("reserve");
    tx.commit().await.expect("commit");
    r.expect("the program exists")
}

/// 200 simultaneous reservations against 10 open beds: exactly 10 holds, 190 "no bed left" with alternatives;
/// on PostgreSQL from two stores (as two server processes would be).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_racing_reservations_make_exactly_ten_holds() {
    let db = TestDb::new().await;
    let org = org(&db.store).await;
    let now = at(9, 0);
    let ids = setup(
        &db.store,
        &[
            program(org, "Ten beds", LevelOfCare::MedicallyMonitoredWithdrawal, 10, (41.76, -72.67)),
            program(org, "Near alternative", LevelOfCare::MedicallyMonitoredWithdrawal, 3, (41.77, -72.68)),
            program(org, "Far alternative", LevelOfCare::MedicallyMonitoredWithdrawal, 3, (41.31, -72.92)),
            program(org, "Residential", LevelOfCare::ResidentialHighIntensity, 5, (41.76, -72.67)),
        ],
        now,
    )
    .await;
    let target = ids[0];
    let second =
        if db.is_postgres() { Store::connect(&db.url).await.expect("a second store") } else { db.store.clone() };
    let stores = [db.store.clone(), second];
    let mut tasks = Vec::new();
    for i in 0..200 {
        let store = stores[i % 2].clone();
        tasks.push(tokio::spawn(async move { try_reserve(&store, target, now).await }));
    }
    let (mut held, mut refused) = (0, 0);
    for t in tasks {
        match t.await.expect("task") {
            Reservation::Held(h) => {
                assert_eq!((h.program_id, h.state.as_str(), h.expires_at), (target, "held", at(13, 0)));
                held += 1;
            }
            Reservation::NoBed { alternatives } => {
                let names: Vec<&str> = alternatives.iter().map(|p| p.name.as_str()).collect();
                assert_eq!(names, ["Near alternative", "Far alternative"], "same level, nearest first");
                refused += 1;
            }
        }
    }
    assert_eq!((held, refused), (10, 190));
    let rows = bed_hold::Entity::find().filter(bed_hold::Column::ProgramId.eq(target)).all(db.store.reader()).await;
    assert_eq!(rows.expect("holds").len(), 10, "one row per hold, none half-written");
    let p = program_view(db.store.reader(), target, now, Duration::hours(8)).await.expect("read").expect("program");
    assert_eq!((p.held, p.available, p.counts.open), (10, 0, 10));
    let board = board(db.store.reader(), &BoardFilter::default(), now, Duration::hours(8)).await.expect("board");
    let shown = board.iter().find(|b| b.id == target).map(|b| b.available);
    assert_eq!(shown, Some(0), "the board never shows a held bed");
}

#[tokio::test]
async fn expired_holds_free_their_beds_and_admissions_take_them() {
    let db = TestDb::new().await;
    let org = org(&db.store).await;
    let ids =
        setup(&db.store, &[program(org, "Two beds", LevelOfCare::ResidentialWithdrawal, 2, (41.7, -72.7))], at(8, 0))
            .await;
    let p = ids[0];
    let Reservation::Held(first) = try_reserve(&db.store, p, at(9, 0)).await else { panic!("a bed") };
    let Reservation::Held(second) = try_reserve(&db.store, p, at(10, 0)).await else { panic!("a bed") };
    assert!(matches!(try_reserve(&db.store, p, at(10, 30)).await, Reservation::NoBed { .. }));

    // At 13:00 the first hold expires: the board shows its bed again before anything is written.
    let view = |now| {
        let db = &db;
        async move { program_view(db.store.reader(), p, now, Duration::hours(8)).await.expect("read").expect("program") }
    };
    assert_eq!(view(at(12, 59)).await.available, 0);
    assert_eq!(view(at(13, 0)).await.available, 1, "expired at the minute");

    // Admitting the expired hold is refused; the second is admitted and takes its bed.
    let tx = db.store.begin().await.expect("tx");
    let late = close_hold(&tx, &Actor::default(), first.id, HoldState::Admitted, at(13, 5)).await.expect("close");
    assert_eq!(late, Some(Err(HoldError::Expired)));
    let admitted = close_hold(&tx, &Actor::default(), second.id, HoldState::Admitted, at(13, 5)).await.expect("close");
    assert_eq!(admitted.and_then(|r| r.ok()).map(|h| h.state), Some("admitted".to_owned()));
    let again = close_hold(&tx, &Actor::default(), second.id, HoldState::Released, at(13, 6)).await.expect("close");
    assert_eq!(again, Some(Err(HoldError::Closed)));
    tx.commit().await.expect("commit");
    let after = view(at(13, 10)).await;
    assert_eq!((after.counts.open, after.held, after.available), (1, 0, 1), "one bed taken by the admission");

    // A release returns the bed at once; a waitlist hides every open bed.
    let Reservation::Held(third) = try_reserve(&db.store, p, at(14, 0)).await else { panic!("the freed bed") };
    let tx = db.store.begin().await.expect("tx");
    let released = close_hold(&tx, &Actor::default(), third.id, HoldState::Released, at(14, 1)).await.expect("close");
    assert!(matches!(released, Some(Ok(_))));
    let updated =
        update_counts(&tx, &Actor::default(), Some(org), p, BedCount { licensed: 20, open: 4, waitlist: 3 }, at(14, 2))
            .await
            .expect("update")
            .expect("own program");
    assert_eq!((updated.counts.open, updated.available), (4, 0));
    let other = update_counts(
        &tx,
        &Actor::default(),
        Some(OrgId::new()),
        p,
        BedCount { licensed: 1, open: 1, waitlist: 0 },
        at(14, 3),
    )
    .await
    .expect("update");
    assert!(other.is_none(), "another organization's program is not found");
    tx.commit().await.expect("commit");
    assert!(matches!(try_reserve(&db.store, p, at(14, 5)).await, Reservation::NoBed { .. }));
    let stale = view(at(23, 0)).await;
    assert!(stale.freshness.stale, "updated at 14:02, stale after 8 hours");
}
