//! On the database the suite runs against (SQLite, or PostgreSQL when `PATHWAYS_TEST_POSTGRES_URL` is set).

use chrono::{Duration, TimeZone};
use pathways_domain::org::{OrgKind, Slug};

use super::*;
use crate::testing::TestDb;
use crate::{Store, orgs};

fn at(d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).single().unwrap_or_default()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

fn residence(org: OrgId, name: &str, total: u32, expires_on: Option<NaiveDate>) -> NewResidence {
    NewResidence {
        organization: org,
        service_id: None,
        name: name.to_owned(),
        address: "12 Elm Street".into(),
        town: "Hartford".into(),
        zip: Some("06106".into()),
        region: Some("North Central".into()),
        place: LatLon::new(41.76, -72.67).ok(),
        level: NarrLevel::Monitored,
        populations: vec![Population::Men],
        accepts_moud: true,
        serves_oud: true,
        total_beds: total,
        certification: expires_on.map(|expires_on| Certification {
            body: "Connecticut Alliance of Recovery Residences".into(),
            number: "TEST-1".into(),
            expires_on,
        }),
        house_rules: None,
        cost_per_week: Some(150),
        payments: vec![Payment::SelfPay],
        naloxone_doses: 1,
        naloxone_trained_on: None,
        disclaimer: "Not licensed treatment.".into(),
    }
}

async fn org(store: &Store, slug: &str) -> OrgId {
    let slug = Slug::parse(slug).expect("slug");
    let o = orgs::create(store.writer(), &slug, "Operator", OrgKind::TreatmentProvider).await.expect("org");
    OrgId::from_uuid(o.id)
}

async fn add(store: &Store, r: &NewResidence, beds: u32, now: DateTime<Utc>) -> Uuid {
    let tx = store.begin().await.expect("tx");
    let id = create(&tx, &Actor::default(), r, now).await.expect("residence");
    report(&tx, &Actor::default(), None, id, beds, None, now).await.expect("report").expect("found");
    tx.commit().await.expect("commit");
    id
}

async fn try_reserve(store: &Store, id: Uuid, now: DateTime<Utc>) -> Reservation {
    let tx = store.begin().await.expect("tx");
    let r = reserve(&tx, &Actor::default(), id, None, now, today()).await.expect("reserve");
    tx.commit().await.expect("commit");
    r.expect("the residence exists")
}

/// 200 simultaneous holds on a residence with 3 beds: exactly 3 holds; on PostgreSQL from two stores (as two
/// server processes would be).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_racing_holds_on_three_beds_make_exactly_three() {
    let db = TestDb::new().await;
    let org = org(&db.store, "house-operator").await;
    let now = at(23, 9);
    let id = add(&db.store, &residence(org, "Three beds", 3, Some(today() + Duration::days(200))), 3, now).await;
    let second =
        if db.is_postgres() { Store::connect(&db.url).await.expect("a second store") } else { db.store.clone() };
    let stores = [db.store.clone(), second];
    let mut tasks = Vec::new();
    for i in 0..200 {
        let store = stores[i % 2].clone();
        tasks.push(tokio::spawn(async move { try_reserve(&store, id, now).await }));
    }
    let (mut held, mut refused) = (0, 0);
    for t in tasks {
        match t.await.expect("task") {
            Reservation::Held(h) => {
                assert_eq!((h.residence_id, h.state.as_str(), h.expires_at), (id, "held", at(24, 9)), "24 hours");
                held += 1;
            }
            Reservation::NoBed => refused += 1,
        }
    }
    assert_eq!((held, refused), (3, 197));
    let rows = residence_hold::Entity::find()
        .filter(residence_hold::Column::ResidenceId.eq(id))
        .all(db.store.reader())
        .await
        .expect("holds");
    assert_eq!(rows.len(), 3, "one row per hold, none half-written");
    let v = find(db.store.reader(), None, id, now, today()).await.expect("read").expect("residence");
    assert_eq!((v.reported_beds, v.held, v.available), (3, 3, 0));
}

#[tokio::test]
async fn holds_expire_after_a_day_and_admissions_take_the_bed() {
    let db = TestDb::new().await;
    let org = org(&db.store, "house-operator").await;
    let id = add(&db.store, &residence(org, "Two beds", 4, Some(today() + Duration::days(200))), 2, at(22, 8)).await;
    let Reservation::Held(first) = try_reserve(&db.store, id, at(22, 9)).await else { panic!("a bed") };
    let Reservation::Held(second) = try_reserve(&db.store, id, at(22, 10)).await else { panic!("a bed") };
    assert_eq!(try_reserve(&db.store, id, at(22, 11)).await, Reservation::NoBed);
    let view = |now| {
        let db = &db;
        async move { find(db.store.reader(), None, id, now, today()).await.expect("read").expect("residence") }
    };
    assert_eq!(view(at(23, 8)).await.available, 0);
    assert_eq!(view(at(23, 9)).await.available, 1, "the first hold expired after 24 hours");

    let tx = db.store.begin().await.expect("tx");
    let actor = Actor::default();
    let other = close_hold(&tx, &actor, Some(OrgId::new()), second.id, HoldState::Admitted, at(23, 9)).await;
    assert_eq!(other.expect("close"), None, "another organization's hold is not found");
    let late = close_hold(&tx, &Actor::default(), Some(org), first.id, HoldState::Admitted, at(23, 9)).await;
    assert_eq!(late.expect("close"), Some(Err(HoldError::Expired)));
    let admitted = close_hold(&tx, &Actor::default(), Some(org), second.id, HoldState::Admitted, at(23, 9)).await;
    assert_eq!(admitted.expect("close").and_then(|r| r.ok()).map(|h| h.state), Some("admitted".to_owned()));
    tx.commit().await.expect("commit");
    let after = view(at(23, 10)).await;
    assert_eq!((after.reported_beds, after.held, after.available), (1, 0, 1), "the admission took its bed");
}

#[tokio::test]
async fn reports_are_scoped_checked_against_the_total_and_kept() {
    let db = TestDb::new().await;
    let org = org(&db.store, "house-operator").await;
    let id = add(&db.store, &residence(org, "Four beds", 4, Some(today())), 2, at(10, 8)).await;
    let tx = db.store.begin().await.expect("tx");
    let over = report(&tx, &Actor::default(), Some(org), id, 5, None, at(20, 8)).await.expect("report");
    assert!(over.is_none(), "more than the total is never written");
    let other = report(&tx, &Actor::default(), Some(OrgId::new()), id, 1, None, at(20, 8)).await.expect("report");
    assert!(other.is_none(), "another organization's residence is not found");
    let ok = report(&tx, &Actor::default(), Some(org), id, 4, Some(2), at(20, 9)).await.expect("report");
    assert_eq!(ok.map(|r| (r.available_beds, r.naloxone_doses)), Some((4, 2)));
    tx.commit().await.expect("commit");
    let h = history(db.store.reader(), id, 10).await.expect("history");
    let seen: Vec<_> = h.iter().map(|r| (r.available_beds, r.naloxone_doses, r.reported_at)).collect();
    assert_eq!(seen, [(4, 2, at(20, 9)), (2, 1, at(10, 8))], "newest first, every report kept");
    let v = find(db.store.reader(), Some(org), id, at(23, 9), today()).await.expect("read").expect("own");
    assert_eq!(v.report_status, ReportStatus::Fresh);
    assert_eq!(v.naloxone_flags, [NaloxoneFlag::NoTraining], "two doses now; no training date yet");
    assert!(find(db.store.reader(), Some(OrgId::new()), id, at(23, 9), today()).await.expect("read").is_none());
}

#[tokio::test]
async fn an_expired_certificate_is_not_listed_nor_offered_and_the_figures_count_it() {
    let db = TestDb::new().await;
    let org = org(&db.store, "house-operator").await;
    let now = at(23, 9);
    let valid = add(&db.store, &residence(org, "Valid", 6, Some(today())), 2, now).await;
    let expired = add(&db.store, &residence(org, "Expired", 6, Some(today() - Duration::days(1))), 2, now).await;
    let none = add(&db.store, &residence(org, "Uncertified", 6, None), 2, at(10, 9)).await;
    let listed: Vec<Uuid> =
        listed(db.store.reader(), now, today()).await.expect("listed").iter().map(|r| r.id).collect();
    assert_eq!(listed, [valid], "valid through its expiry day; expired and uncertified are not listed");
    assert_eq!(try_reserve(&db.store, expired, now).await, Reservation::NoBed);
    assert_eq!(try_reserve(&db.store, none, now).await, Reservation::NoBed);
    let f = figures::figures(db.store.reader(), now, today(), 3).await.expect("figures");
    let t = &f.total;
    assert_eq!((t.residences, t.expiring, t.expired, t.uncertified), (3, 1, 1, 1));
    assert_eq!((t.reported_within_week, t.serves_oud, t.naloxone_flagged), (2, 3, 3));
    assert_eq!(t.fresh_percent(), Some(67));
    assert_eq!(f.regions.len(), 1);
    let reporting: Vec<_> = f.weeks.iter().map(|w| (w.residences_reporting, w.available_beds)).collect();
    assert_eq!(reporting, [(1, 2), (0, 0), (2, 4)], "Nov 9, 16 and 23: one report in the first week, two this week");
}
