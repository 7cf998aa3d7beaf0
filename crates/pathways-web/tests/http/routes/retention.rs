//! The access and retention report (issue 17): the organization's and the network's, on a fixture whose figures
//! are worked out by hand — need to treatment entry, call to admission, days in episode, re-engagement after a
//! "not engaged" outreach item; counts of 1 to 10 suppressed, a median only over 11 or more; the page, the CSV
//! file, the API, the audit and who may read it.

use axum::http::{Method, StatusCode};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use pathways_domain::access_line::{BedCount, LevelOfCare};
use pathways_domain::org::{OrgKind, Slug};
use pathways_domain::outcomes::network::Side;
use pathways_domain::{OrgId, Role};
use pathways_store::audit::Actor;
use pathways_store::capacity::{NewProgram, create_program};
use pathways_store::entities::{access_call, bed_hold, episode, linkage_task, outreach_item};
use pathways_store::sea_orm::{ActiveModelTrait, ActiveValue::Set};
use pathways_store::{network, orgs};
use uuid::Uuid;

use super::reports::d;
use crate::util::TestApp;

/// Noon UTC on a day of fiscal year 2026 (1 July 2025 – 30 June 2026): the same day in the deployment's zone.
fn noon(y: i32, m: u32, day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, day, 12, 0, 0).single().expect("a time")
}

async fn need(app: &TestApp, org: OrgId, person: Uuid, opened: DateTime<Utc>, days: Option<i32>) {
    linkage_task::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person),
        org_id: Set(org.as_uuid()),
        checkup_id: Set(Uuid::now_v7()),
        assigned_account_id: Set(None),
        opened_at: Set(opened),
        last_progress_at: Set(opened),
        feedback_at: Set(None),
        barriers_at: Set(None),
        appointment_at: Set(None),
        referral_service_id: Set(None),
        transport_at: Set(None),
        arrived_at: Set(days.map(|d| opened + Duration::days(i64::from(d)))),
        closed_at: Set(days.map(|d| opened + Duration::days(i64::from(d)))),
        close_reason: Set(days.map(|_| "entered_treatment".to_owned())),
        days_to_entry: Set(days),
    }
    .insert(app.db.store.writer())
    .await
    .expect("linkage task");
}

async fn call(app: &TestApp, org: OrgId, program: Uuid, taken: DateTime<Utc>, admitted_after: Option<Duration>) {
    let id = Uuid::now_v7();
    access_call::ActiveModel {
        id: Set(id),
        organization_id: Set(org.as_uuid()),
        operator_account_id: Set(None),
        caller_type: Set("person".into()),
        first_name: Set(None),
        callback: Set(None),
        place: Set(None),
        latitude: Set(None),
        longitude: Set(None),
        answers: Set(serde_json::json!({})),
        suggested_level: Set(None),
        reasons: Set(String::new()),
        chosen_level: Set(None),
        status: Set("closed".into()),
        created_at: Set(taken),
        follow_up_due_at: Set(taken + Duration::days(1)),
        follow_up_done_at: Set(None),
        follow_up_outcome: Set(None),
        person_id: Set(None),
    }
    .insert(app.db.store.writer())
    .await
    .expect("call");
    // A hold released first, then (for an admitted call) the admission.
    for (state, after) in [("released", Some(Duration::minutes(30))), ("admitted", admitted_after)] {
        let Some(after) = after else { continue };
        bed_hold::ActiveModel {
            id: Set(Uuid::now_v7()),
            program_id: Set(program),
            call_id: Set(Some(id)),
            state: Set(state.into()),
            created_at: Set(taken + Duration::minutes(10)),
            expires_at: Set(taken + Duration::hours(48)),
            closed_at: Set(Some(taken + after)),
            created_by_account_id: Set(None),
            closed_by_account_id: Set(None),
        }
        .insert(app.db.store.writer())
        .await
        .expect("hold");
    }
}

async fn closed_episode(app: &TestApp, org: OrgId, person: Uuid, start: NaiveDate, end: Option<NaiveDate>) {
    let now = Utc::now();
    episode::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person),
        org_id: Set(org.as_uuid()),
        started_on: Set(start),
        last_service_on: Set(end.unwrap_or(start)),
        ended_on: Set(end),
        closeout_reason: Set(end.map(|_| "completed".to_owned())),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(app.db.store.writer())
    .await
    .expect("episode");
}

async fn not_engaged(app: &TestApp, org: OrgId, person: Uuid, opened: DateTime<Utc>, closed: Option<DateTime<Utc>>) {
    outreach_item::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person),
        org_id: Set(org.as_uuid()),
        kind: Set("not_engaged".into()),
        urgency_class: Set(2),
        opened_at: Set(opened),
        closed_at: Set(closed),
        escalated_at: Set(None),
        attempts: Set(0),
        failed_attempts: Set(0),
        last_attempt_at: Set(None),
    }
    .insert(app.db.store.writer())
    .await
    .expect("item");
}

/// A measure's line of all groups as words: the cells, the total and the median.
fn line(v: &serde_json::Value) -> (Vec<String>, String, Option<i64>) {
    let cell = |c: &serde_json::Value| match c["status"].as_str() {
        Some("shown") => c["value"].as_u64().map(|n| n.to_string()).unwrap_or_default(),
        Some(other) => other.to_owned(),
        None => "?".into(),
    };
    (v["cells"].as_array().expect("cells").iter().map(cell).collect(), cell(&v["total"]), v["median"].as_i64())
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| (*x).to_owned()).collect()
}

#[tokio::test]
async fn access_and_retention_figures_worked_out_by_hand_suppressed_below_11() {
    let app = TestApp::new().await;
    let org = app.org;
    let person = |i: usize| {
        let app = &app;
        async move { app.person(org, &format!("Retention {i}"), None).await.as_uuid() }
    };
    // Need to treatment entry: 16 persons with a need in the year. 11 entered within 14 days (0 to 10 days), 2
    // later (20, 30 days), 3 not (yet). Person 0's second need (later in the year, 40 days) is not counted, nor a
    // need opened before the year, nor another organization's need.
    let days: Vec<Option<i32>> = (0..11).map(Some).chain([Some(20), Some(30), None, None, None]).collect();
    let mut persons = Vec::new();
    for (i, dd) in days.iter().enumerate() {
        let p = person(i).await;
        persons.push(p);
        need(&app, org, p, noon(2025, 9, 1), *dd).await;
    }
    need(&app, org, persons[0], noon(2026, 1, 5), Some(40)).await;
    need(&app, org, persons[1], noon(2025, 6, 1), Some(50)).await;
    let elsewhere = app.person(app.other_org, "Elsewhere", None).await.as_uuid();
    need(&app, app.other_org, elsewhere, noon(2025, 9, 1), Some(1)).await;
    // By hand: [11, 2, 3], total 16; 2 and 3 are fewer than 11 (and, two blanks on the one line, nothing else is
    // hidden). Median over the 13 who entered (0…10, 20, 30): the 7th value, 6 days.

    // Call to admission: 12 calls of the organization's line, admitted 1 to 12 hours after the call (a hold
    // released before each); 1 admitted after 30 hours; 1 never admitted. A call before the year is not counted.
    let tx = app.db.store.begin().await.expect("tx");
    let program = NewProgram {
        organization: app.other_org,
        service_id: None,
        name: "Detox".into(),
        level: LevelOfCare::Outpatient,
        populations: Vec::new(),
        region: None,
        place: None,
        counts: BedCount { licensed: 10, open: 5, waitlist: 0 },
    };
    let program = create_program(&tx, &Actor::default(), &program, pathways_store::now()).await.expect("program");
    tx.commit().await.expect("commit");
    for h in 1..=12 {
        call(&app, org, program, noon(2025, 10, 1), Some(Duration::hours(h))).await;
    }
    call(&app, org, program, noon(2025, 10, 2), Some(Duration::hours(30))).await;
    call(&app, org, program, noon(2025, 10, 3), None).await;
    call(&app, org, program, noon(2025, 5, 3), Some(Duration::hours(2))).await;
    // By hand: [12, 1, 1], total 14; 1 and 1 fewer than 11. Median over the 13 admitted (1…12, 30): 7 hours.

    // Days in episode: 11 episodes closed in the year after 10 days (band 1–30), 1 after 100 days, 1 open (not
    // counted) and 1 closed before the year (not counted).
    for p in persons.iter().take(11) {
        closed_episode(&app, org, *p, d(2025, 8, 1), Some(d(2025, 8, 10))).await;
    }
    closed_episode(&app, org, persons[11], d(2025, 8, 1), Some(d(2025, 11, 8))).await;
    closed_episode(&app, org, persons[12], d(2025, 8, 1), None).await;
    closed_episode(&app, org, persons[13], d(2024, 8, 1), Some(d(2025, 6, 30))).await;
    // By hand: [11, 0, 1, 0, 0] (100 days: 91–180), total 12: the 1 is fewer than 11; on the one line a second blank is needed and
    // the smallest shown positive figure there is 11 (hidden), so the total 12 stays shown. Median over 12: 10.

    // Re-engagement: 5 persons with a "not engaged" item, 4 back in touch within 30 days, 1 not.
    for p in persons.iter().take(4) {
        not_engaged(&app, org, *p, noon(2025, 9, 1), Some(noon(2025, 9, 20))).await;
    }
    not_engaged(&app, org, persons[4], noon(2025, 9, 1), None).await;
    // By hand: [4, 0, 1], total 5: all fewer than 11 but the zero; no median.
    // The fixture is written row by row, past the store's functions that keep the report's counts: count them
    // once from the records, as after a bulk load.
    pathways_store::retention_kept::rebuild(app.db.store.writer(), app.state.config.deployment.time_zone)
        .await
        .expect("kept counts");

    let analyst = app.staff(org, Role::Analyst).await;
    let r = app.api(&analyst, Method::GET, "/api/v1/reports/access-retention?year=2026", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let j = r.json();
    assert_eq!((j["first_day"].as_str(), j["last_day"].as_str()), (Some("2025-07-01"), Some("2026-06-30")));
    let m = |id: &str| j["measures"].as_array().expect("measures").iter().find(|m| m["measure"] == id).cloned();
    let entry = m("need_to_entry").expect("need_to_entry");
    assert_eq!(entry["counts"], "persons");
    assert_eq!(entry["groups"], serde_json::json!([]), "one organization: its line only");
    assert_eq!(line(&entry["all"]), (s(&["11", "fewer_than_11", "fewer_than_11"]), "16".into(), Some(6)));
    let calls = m("call_to_admission").expect("call_to_admission");
    assert_eq!((calls["counts"].as_str(), calls["unit"].as_str()), (Some("calls"), Some("hours")));
    assert_eq!(line(&calls["all"]), (s(&["12", "fewer_than_11", "fewer_than_11"]), "14".into(), Some(7)));
    let stay = m("days_in_episode").expect("days_in_episode");
    assert_eq!(line(&stay["all"]), (s(&["hidden", "0", "fewer_than_11", "0", "0"]), "12".into(), Some(10)));
    let back = m("re_engagement").expect("re_engagement");
    assert_eq!(
        line(&back["all"]),
        (s(&["fewer_than_11", "0", "fewer_than_11"]), "fewer_than_11".into(), None),
        "5 persons: nothing but the zero, and no median"
    );

    // The page and the CSV file say the same; every read is audited with the report's name.
    let page = app.page(&analyst, "/reports/access-retention?year=2026").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<svg") && page.body.contains("From a need for treatment to treatment entry"));
    assert!(page.body.contains("fewer than 11") && page.body.contains("no median (fewer than 11)"));
    assert!(!page.body.contains("Retention 0"), "no person's name");
    let csv = app.page(&analyst, "/reports/access-retention.csv?year=2026").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with("measure,counts,group,category,value\n"), "{}", csv.body);
    assert!(csv.body.contains("need_to_entry,persons,Whole organization,within_14_days,11\n"), "{}", csv.body);
    assert!(csv.body.contains("need_to_entry,persons,Whole organization,median_days,6\n"), "{}", csv.body);
    assert!(csv.body.contains("call_to_admission,calls,Whole organization,median_hours,7\n"), "{}", csv.body);
    assert!(csv.body.contains("re_engagement,persons,Whole organization,total,fewer than 11\n"), "{}", csv.body);
    let reads: Vec<_> = app.audit_actions().await.into_iter().filter(|(a, _, _)| a == "report_read").collect();
    assert_eq!(reads.len(), 3);

    // Who: a coach 403 (audited); the organization's analyst is not a state agency's (the network's: 403).
    let coach = app.staff(org, Role::Coach).await;
    assert_eq!(app.page(&coach, "/reports/access-retention").await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.page(&analyst, "/reports/network/access-retention").await.status, StatusCode::FORBIDDEN);
    let bad = app.api(&analyst, Method::GET, "/api/v1/reports/access-retention?year=1800", None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);

    // The network: a state agency with the organization as a member (both confirmed) and the other organization
    // only asked: the organization's line is the network's, the other's need is not counted.
    let w = app.db.store.writer();
    let st = orgs::create(w, &Slug::parse("state-agency").expect("slug"), "State Agency", OrgKind::StateAgency)
        .await
        .expect("state");
    let st = OrgId::from_uuid(st.id);
    network::confirm(w, st, org, Side::State).await.expect("ask");
    network::confirm(w, st, org, Side::Member).await.expect("confirm");
    network::confirm(w, st, app.other_org, Side::State).await.expect("ask only");
    let state_analyst = app.staff(st, Role::Analyst).await;
    let r = app.api(&state_analyst, Method::GET, "/api/v1/reports/network/access-retention?year=2026", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let j = r.json();
    let entry = j["measures"][0].clone();
    assert_eq!(entry["measure"], "need_to_entry");
    let name = orgs::find(app.db.store.reader(), org).await.expect("find").expect("org").name;
    assert_eq!(entry["groups"].as_array().map(Vec::len), Some(1));
    assert_eq!(entry["groups"][0]["name"], name.as_str());
    assert_eq!(line(&entry["groups"][0]), (s(&["11", "fewer_than_11", "fewer_than_11"]), "16".into(), Some(6)));
    assert_eq!(line(&entry["all"]), line(&entry["groups"][0]));
    let page = app.page(&state_analyst, "/reports/network/access-retention?year=2026").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("All network organizations") && page.body.contains(&name));
    let csv = app.page(&state_analyst, "/reports/network/access-retention.csv?year=2026").await;
    assert!(csv.body.contains(&format!("need_to_entry,persons,{name},within_14_days,11\n")), "{}", csv.body);
}
