//! Naloxone and trainings (issue 20): a center's staff record trainings and the day's kits and reversals (counts
//! only; problems named, 422), and a state agency reads its network's figures by region — persons (attendees,
//! reversals) suppressed below 11, sessions and kits shown — on the page, in the CSV and in the API, on a
//! fixture worked out by hand.

use axum::http::{Method, StatusCode};
use chrono::NaiveDate;
use pathways_domain::community::naloxone::{NaloxoneReport, Training, TrainingKind};
use pathways_domain::org::{OrgKind, Slug};
use pathways_domain::outcomes::network::Side;
use pathways_domain::outcomes::{Cell, suppress};
use pathways_domain::{OrgId, Role};
use pathways_store::audit::Actor;
use pathways_store::{naloxone, network, orgs};

use crate::util::TestApp;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a date")
}

async fn org(app: &TestApp, slug: &str, name: &str, kind: OrgKind, region: Option<&str>) -> OrgId {
    let w = app.db.store.writer();
    let o = orgs::create(w, &Slug::parse(slug).expect("slug"), name, kind).await.expect("org");
    let id = OrgId::from_uuid(o.id);
    network::set_region(w, id, region).await.expect("region");
    id
}

async fn training(app: &TestApp, org: OrgId, kind: TrainingKind, on: NaiveDate, attendees: u32) {
    let tx = app.db.store.begin().await.expect("tx");
    let t = Training { kind, held_on: on, attendees, place: None };
    naloxone::record_training(&tx, &Actor::default(), org, &t, pathways_store::now()).await.expect("training");
    tx.commit().await.expect("commit");
}

async fn report(app: &TestApp, org: OrgId, on: NaiveDate, kits: u32, reversals: u32) {
    let tx = app.db.store.begin().await.expect("tx");
    let r = NaloxoneReport { on, kits, reversals };
    naloxone::record_report(&tx, &Actor::default(), org, &r, pathways_store::now()).await.expect("report");
    tx.commit().await.expect("commit");
}

fn json_cell(c: Cell) -> String {
    match c {
        Cell::Shown(n) => n.to_string(),
        Cell::FewerThan11 => "fewer_than_11".into(),
        Cell::Hidden => "hidden".into(),
    }
}

fn cells(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .expect("cells")
        .iter()
        .map(|c| match c["status"].as_str() {
            Some("shown") => c["value"].as_u64().map(|n| n.to_string()).unwrap_or_default(),
            Some(other) => other.to_owned(),
            None => "?".into(),
        })
        .collect()
}

fn numbers(v: &serde_json::Value) -> Vec<u64> {
    v.as_array().expect("numbers").iter().filter_map(serde_json::Value::as_u64).collect()
}

#[tokio::test]
async fn a_center_records_its_trainings_and_naloxone_counts_and_sees_only_its_own() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let yesterday = (pathways_store::now().date_naive() - chrono::Duration::days(1)).to_string();

    let saved = app
        .post_form(
            &coach,
            "/community/trainings",
            &[("kind", "stigma"), ("held_on", &yesterday), ("attendees", "17"), ("training_place", "Town library")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let kits =
        app.post_form(&coach, "/community/naloxone", &[("date", &yesterday), ("kits", "24"), ("reversals", "1")]).await;
    assert_eq!(kits.status, StatusCode::SEE_OTHER, "{}", kits.body);

    let page = app.page(&coach, "/community/naloxone").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Reducing stigma") && page.body.contains("Town library"), "{}", page.body);
    assert!(page.body.contains("<td>17</td>") && page.body.contains("<td>24</td>"), "{}", page.body);

    // Every problem named beside its field, nothing saved.
    let bad = app
        .post_form(&coach, "/community/trainings", &[("kind", "cpr"), ("held_on", "2999-01-01"), ("attendees", "-2")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for anchor in ["#kind", "#held_on", "#attendees"] {
        assert!(bad.body.contains(anchor), "{anchor}: {}", bad.body);
    }
    let nothing = app.post_form(&coach, "/community/naloxone", &[("date", &yesterday), ("kits", "0")]).await;
    assert_eq!(nothing.status, StatusCode::UNPROCESSABLE_ENTITY, "nothing to count");
    assert!(nothing.body.contains("#kits"));

    // Another center's staff see none of it; a clinician may not record.
    let other = app.staff(app.other_org, Role::Supervisor).await;
    let theirs = app.page(&other, "/community/naloxone").await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(!theirs.body.contains("Town library") && !theirs.body.contains("<td>24</td>"));
    let clinician = app.staff(app.org, Role::Clinician).await;
    let refused = app.post_form(&clinician, "/community/naloxone", &[("date", &yesterday), ("kits", "3")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let actions: Vec<String> = app.audit_actions().await.into_iter().map(|(a, _, _)| a).collect();
    assert_eq!(actions.iter().filter(|a| *a == "community_record_save").count(), 2, "one event per saved row");
}

#[tokio::test]
async fn the_state_reads_its_networks_figures_by_region_with_persons_under_eleven_suppressed() {
    let app = TestApp::new().await;
    let state = org(&app, "state-agency", "State Agency", OrgKind::StateAgency, None).await;
    let w = app.db.store.writer();
    // Members: A (app.org) and B in "North", C (app.other_org) in "South", E with no region; D only asked.
    network::set_region(w, app.org, Some("North")).await.expect("region");
    network::set_region(w, app.other_org, Some("South")).await.expect("region");
    let b = org(&app, "center-b", "B Center", OrgKind::RecoveryCommunityCenter, Some("North")).await;
    let dd = org(&app, "center-d", "D Pending", OrgKind::RecoveryCommunityCenter, Some("North")).await;
    let e = org(&app, "center-e", "E Center", OrgKind::RecoveryCommunityCenter, None).await;
    for m in [app.org, b, app.other_org, e] {
        network::confirm(w, state, m, Side::State).await.expect("ask");
        network::confirm(w, state, m, Side::Member).await.expect("confirm");
    }
    network::confirm(w, state, dd, Side::State).await.expect("ask only");

    // Fiscal year 2026: 1 July 2025 – 30 June 2026.
    training(&app, app.org, TrainingKind::Naloxone, d(2025, 8, 1), 9).await;
    training(&app, app.org, TrainingKind::Naloxone, d(2025, 9, 1), 4).await;
    training(&app, app.org, TrainingKind::Stigma, d(2025, 10, 1), 3).await;
    training(&app, app.org, TrainingKind::Naloxone, d(2025, 6, 30), 100).await; // FY2025: not counted
    training(&app, b, TrainingKind::RecoveryAlly, d(2026, 1, 15), 20).await;
    training(&app, app.other_org, TrainingKind::Naloxone, d(2025, 11, 11), 30).await;
    training(&app, dd, TrainingKind::Naloxone, d(2025, 8, 1), 500).await; // not confirmed: not counted
    report(&app, app.org, d(2025, 8, 10), 40, 2).await; // North, Q1
    report(&app, app.other_org, d(2025, 11, 5), 25, 12).await; // South, Q2
    report(&app, e, d(2026, 4, 2), 7, 0).await; // not recorded, Q4
    report(&app, dd, d(2025, 8, 10), 1000, 50).await; // not confirmed
    // By hand (rows North, South, not recorded):
    //   trainings held by type (naloxone, stigma, ally, supervisor): [2, 1, 1, 0], [1, 0, 0, 0], [0, 0, 0, 0]
    //   attendees by type: [13, 3, 20, 0], [30, 0, 0, 0], [0, 0, 0, 0]
    //   kits by quarter: [40, 0, 0, 0], [0, 25, 0, 0], [0, 0, 0, 7]; reversals: [2, 0, 0, 0], [0, 12, 0, 0], 0s
    let attendees = suppress(&[vec![13, 3, 20, 0], vec![30, 0, 0, 0], vec![0, 0, 0, 0]]);
    let reversals = suppress(&[vec![2, 0, 0, 0], vec![0, 12, 0, 0], vec![0, 0, 0, 0]]);
    assert_eq!(attendees.cells[0][1], Cell::FewerThan11, "the fixture has a small cell");

    let analyst = app.staff(state, Role::Analyst).await;
    let r = app.api(&analyst, Method::GET, "/api/v1/reports/network/naloxone?year=2026", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let j = r.json();
    assert_eq!(j["training_types"], serde_json::json!(["naloxone", "stigma", "recovery-ally", "workplace-supervisor"]));
    let regions = j["regions"].as_array().expect("regions");
    let names: Vec<Option<&str>> = regions.iter().map(|x| x["region"].as_str()).collect();
    assert_eq!(names, vec![Some("North"), Some("South"), None]);
    let held: Vec<Vec<u64>> = regions.iter().map(|x| numbers(&x["trainings"])).collect();
    assert_eq!(held, vec![vec![2, 1, 1, 0], vec![1, 0, 0, 0], vec![0, 0, 0, 0]], "sessions, shown as counted");
    let kits: Vec<Vec<u64>> = regions.iter().map(|x| numbers(&x["kits"])).collect();
    assert_eq!(kits, vec![vec![40, 0, 0, 0], vec![0, 25, 0, 0], vec![0, 0, 0, 7]], "kits, shown as counted");
    for (i, region) in regions.iter().enumerate() {
        let want: Vec<String> = attendees.cells[i].iter().map(|c| json_cell(*c)).collect();
        assert_eq!(cells(&region["attendees"]), want, "attendees, row {i}");
        let want: Vec<String> = reversals.cells[i].iter().map(|c| json_cell(*c)).collect();
        assert_eq!(cells(&region["reversals"]), want, "reversals, row {i}");
    }
    assert_eq!(cells(&j["total_attendees"]), attendees.column_totals.iter().map(|c| json_cell(*c)).collect::<Vec<_>>());
    // No published count of persons is between 1 and 10.
    for list in regions
        .iter()
        .flat_map(|x| [&x["attendees"], &x["reversals"]])
        .chain([&j["total_attendees"], &j["total_reversals"]])
    {
        for c in cells(list) {
            if let Ok(n) = c.parse::<u64>() {
                assert!(n == 0 || n >= 11, "{n} shown: {}", r.body);
            }
        }
    }

    let page = app.page(&analyst, "/reports/network/naloxone?year=2026").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("North") && page.body.contains("Region not recorded"), "{}", page.body);
    assert!(page.body.contains("fewer than 11") && page.body.contains("<td>72</td>"), "kits in all: {}", page.body);
    assert!(!page.body.contains("<td>1040</td>") && !page.body.contains("<td>500</td>"), "D is not confirmed");

    let csv = app.page(&analyst, "/reports/network/naloxone.csv?year=2026").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with("table,region,column,value\n"), "{}", csv.body);
    assert!(csv.body.contains("trainings,North,Naloxone (overdose response),2\n"), "{}", csv.body);
    assert!(csv.body.contains("attendees,North,Reducing stigma,fewer than 11\n"), "{}", csv.body);
    assert!(csv.body.contains("kits,Region not recorded,Quarter 4,7\n"), "{}", csv.body);
    assert!(csv.body.contains("kits,All network organizations,total,72\n"), "{}", csv.body);
    assert!(csv.body.contains("reversals,North,Quarter 1,fewer than 11\n"), "{}", csv.body);

    // Not a state agency: refused, and the refusal audited.
    let admin = app.staff(app.org, Role::Admin).await;
    assert_eq!(app.page(&admin, "/reports/network/naloxone").await.status, StatusCode::FORBIDDEN);
    let coach = app.staff(state, Role::Coach).await;
    assert_eq!(
        app.api(&coach, Method::GET, "/api/v1/reports/network/naloxone", None).await.status,
        StatusCode::FORBIDDEN
    );
    let audited = app.audit_actions().await;
    assert!(audited.iter().any(|(a, _, _)| a == "access_denied"));
    assert!(audited.iter().any(|(a, _, _)| a == "report_read"));
}
