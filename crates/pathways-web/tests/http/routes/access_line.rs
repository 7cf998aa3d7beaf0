//! The access line's loop through its pages and API: a call, the suggestion, a held bed, a ride that goes to
//! the head of the queue (detox before an earlier residential ride), its steps, and the follow-up; who may see
//! a call (its organization's operators only) and what bad input gets.

use axum::http::{Method, StatusCode};
use pathways_domain::Role;
use pathways_domain::access_line::{BedCount, LevelOfCare};
use pathways_domain::directory::geo::LatLon;
use pathways_store::audit::Actor;
use pathways_store::capacity::{NewProgram, create_program};
use serde_json::json;

use crate::util::{Staff, TestApp};

async fn program(app: &TestApp, name: &str, level: LevelOfCare, open: u32) -> uuid::Uuid {
    program_at(app, name, level, open, None).await
}

async fn program_at(app: &TestApp, name: &str, level: LevelOfCare, open: u32, region: Option<&str>) -> uuid::Uuid {
    let tx = app.db.store.begin().await.expect("tx");
    let p = NewProgram {
        organization: app.other_org,
        service_id: None,
        name: name.to_owned(),
        level,
        populations: Vec::new(),
        region: region.map(str::to_owned),
        place: LatLon::new(41.7658, -72.6734).ok(),
        counts: BedCount { licensed: 10, open, waitlist: 0 },
    };
    let id = create_program(&tx, &Actor::default(), &p, pathways_store::now()).await.expect("program");
    tx.commit().await.expect("commit");
    id
}

/// Records a call through the console form; its page's path.
async fn call(app: &TestApp, op: &Staff, fields: &[(&str, &str)]) -> String {
    let r = app.post_form(op, "/access-line/calls", fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location().to_owned()
}

#[tokio::test]
async fn from_a_call_to_a_held_detox_bed_to_a_ride_at_the_head_of_the_queue_to_the_follow_up() {
    let app = TestApp::new().await;
    let detox = program(&app, "Capitol Detox", LevelOfCare::MedicallyMonitoredWithdrawal, 2).await;
    let _residential = program(&app, "Riverside Residential", LevelOfCare::ResidentialHighIntensity, 2).await;
    let op = app.staff(app.org, Role::AccessLine).await;

    // An earlier call for residential treatment, with its ride requested first.
    let earlier = call(
        &app,
        &op,
        &[("caller_type", "provider"), ("substances", "stimulants"), ("unstably_housed", "on"), ("place", "06106")],
    )
    .await;
    let page = app.page(&op, &earlier).await;
    assert!(page.body.contains("Residential, high intensity (3.5)"), "the suggestion");
    let earlier_ride = app
        .post_form(
            &op,
            &format!("{earlier}/rides"),
            &[("pickup", "Shelter on Main St"), ("destination", "Riverside Residential"), ("within_hours", "4")],
        )
        .await;
    assert_eq!(earlier_ride.status, StatusCode::SEE_OTHER);

    // Now a person in alcohol withdrawal calls.
    let path = call(
        &app,
        &op,
        &[
            ("caller_type", "person"),
            ("first_name", "Ana"),
            ("callback", "860-555-0100"),
            ("place", "06106"),
            ("substances", "alcohol"),
            ("substances", "cannabis"),
            ("hours_since_last_use", "10"),
            ("withdrawal_signs", "on"),
            ("safety_concern", "on"),
        ],
    )
    .await;
    let page = app.page(&op, &path).await;
    assert_eq!(page.status, StatusCode::OK);
    for want in [
        "Medically monitored withdrawal management (3.7-WM)",
        "Alcohol or sedative withdrawal signs",
        "tel:988",
        "Capitol Detox",
        "+18605550100",
    ] {
        assert!(page.body.contains(want), "{want}");
    }
    assert!(!page.body.contains("Riverside Residential"), "only programs at the chosen level");

    let held = app.post_form(&op, &format!("{path}/holds"), &[("program_id", &detox.to_string())]).await;
    assert_eq!(held.status, StatusCode::SEE_OTHER);
    let page = app.page(&op, &path).await;
    assert!(page.body.contains("Held until"), "the hold shows on the call");
    assert!(page.body.contains("value=\"Capitol Detox\""), "the ride's destination is the held bed");
    let ride = app
        .post_form(
            &op,
            &format!("{path}/rides"),
            &[("pickup", "12 Elm St, Hartford"), ("destination", "Capitol Detox"), ("within_hours", "2")],
        )
        .await;
    assert_eq!(ride.status, StatusCode::SEE_OTHER);

    // The detox ride is first, though it was asked for later.
    let queue = app.api(&op, Method::GET, "/api/v1/transport-queue", None).await;
    assert_eq!(queue.status, StatusCode::OK, "{}", queue.body);
    let rides = queue.json();
    let order: Vec<(&str, &str)> = rides
        .as_array()
        .expect("rides")
        .iter()
        .map(|r| (r["destination"].as_str().unwrap_or(""), r["priority_class"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(order, [("Capitol Detox", "withdrawal_management"), ("Riverside Residential", "residential")]);
    let page = app.page(&op, "/transport").await;
    let (first, second) = (page.body.find("Capitol Detox"), page.body.find("Riverside Residential"));
    assert!(first.is_some() && first < second, "the queue page in the same order");

    // Its steps, each stamped; a skipped step and a cancellation without a reason are refused.
    let id = rides[0]["id"].as_str().expect("id").to_owned();
    let skip = app
        .api(&op, Method::PATCH, &format!("/api/v1/transport-requests/{id}"), Some(json!({"status": "delivered"})))
        .await;
    assert_eq!((skip.status, skip.json()["error"]["code"].as_str()), (StatusCode::CONFLICT, Some("not_next")));
    let no_reason = app
        .api(&op, Method::PATCH, &format!("/api/v1/transport-requests/{id}"), Some(json!({"status": "cancelled"})))
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    for step in ["assigned", "en_route", "picked_up"] {
        let r = app.post_form(&op, &format!("/transport/{id}"), &[("status", step)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{step}");
    }
    let delivered = app
        .api(&op, Method::PATCH, &format!("/api/v1/transport-requests/{id}"), Some(json!({"status": "delivered"})))
        .await;
    let body = delivered.json();
    assert_eq!(body["status"], "delivered");
    for stamp in ["assigned_at", "en_route_at", "picked_up_at", "delivered_at"] {
        assert!(body[stamp].is_string(), "{stamp}");
    }
    let queue = app.api(&op, Method::GET, "/api/v1/transport-queue", None).await.json();
    assert_eq!(queue.as_array().map(Vec::len), Some(1), "a delivered ride leaves the queue");

    // The follow-up closes the call.
    let done = app.post_form(&op, &format!("{path}/follow-up"), &[("outcome", "connected")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert!(app.page(&op, &path).await.body.contains("Followed up: The person got to treatment"));
    // With her agreement the call becomes a person record with a coach, who finds her in the caseload.
    let coach = app.staff(app.org, Role::Coach).await;
    let page = app.page(&op, &path).await;
    assert!(page.body.contains(&coach.id.as_uuid().to_string()), "the org's coaches to choose from");
    let made = app.post_form(&op, &format!("{path}/person"), &[("coach", &coach.id.as_uuid().to_string())]).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let persons = app.api(&coach, Method::GET, "/api/v1/persons", None).await.json();
    assert!(persons.to_string().contains("Ana") && persons.to_string().contains("+18605550100"), "{persons}");
    let again = app.post_form(&op, &format!("{path}/person"), &[("coach", &coach.id.as_uuid().to_string())]).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "one record per call");
    let not_a_coach =
        app.post_form(&op, &format!("{earlier}/person"), &[("coach", &op.id.as_uuid().to_string())]).await;
    assert_eq!(not_a_coach.status, StatusCode::UNPROCESSABLE_ENTITY);

    // The line's figures count it: one held bed, one pickup, no admission yet, the detox ride within 4 hours.
    let figures = app.page(&op, "/access-line/figures").await;
    assert_eq!(figures.status, StatusCode::OK);
    for want in ["Over the last 90 days: 2 calls.", "100 % (1 / 1)", "0 % (0 / ", "none yet"] {
        assert!(figures.body.contains(want), "{want}: {}", figures.body);
    }
    assert_eq!(app.page(&coach, "/access-line/figures").await.status, StatusCode::FORBIDDEN);
    let actions: Vec<String> = app.audit_actions().await.into_iter().map(|(a, _, _)| a).collect();
    for want in ["access_call_create", "access_call_read", "bed_hold_create", "transport_change", "access_call_update"]
    {
        assert!(actions.iter().any(|a| a == want), "{want}");
    }
}

#[tokio::test]
async fn calls_stay_within_the_lines_organization_and_bad_answers_are_named() {
    let app = TestApp::new().await;
    let op = app.staff(app.org, Role::AccessLine).await;
    let path = call(&app, &op, &[("caller_type", "family"), ("first_name", "Ana"), ("anonymous", "on")]).await;
    let page = app.page(&op, &path).await;
    assert!(page.body.contains("Anonymous") && !page.body.contains("Ana"), "an anonymous call keeps no name");
    assert!(page.body.contains("it stays an anonymous call record"));

    let elsewhere = app.staff(app.other_org, Role::AccessLine).await;
    assert_eq!(app.page(&elsewhere, &path).await.status, StatusCode::NOT_FOUND);
    let hold = app.post_form(&elsewhere, &format!("{path}/follow-up"), &[("outcome", "connected")]).await;
    assert_eq!(hold.status, StatusCode::NOT_FOUND);
    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(app.page(&coach, "/access-line").await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.page(&coach, &path).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.api(&coach, Method::GET, "/api/v1/transport-queue", None).await.status, StatusCode::NOT_FOUND);

    let bad = app
        .post_form(
            &op,
            "/access-line/calls",
            &[("caller_type", "neighbour"), ("callback", "12"), ("substances", "glue")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for label in ["Who is calling", "Callback number", "Substances"] {
        assert!(bad.body.contains(label), "{label}");
    }
    assert!(bad.body.contains("role=\"alert\"") && bad.body.contains("value=\"12\""), "the form comes back as typed");
    let call_id = path.rsplit('/').next().expect("id");
    let ride = app
        .api(
            &op,
            Method::POST,
            "/api/v1/transport-requests",
            Some(json!({"call_id": call_id, "pickup": "", "destination": "X", "within_hours": 3})),
        )
        .await;
    assert_eq!(ride.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = ride.json();
    let fields: Vec<&str> =
        body["error"]["fields"].as_array().expect("fields").iter().filter_map(|x| x["field"].as_str()).collect();
    assert_eq!(fields, ["pickup", "within_hours"]);
    let other_call = app
        .api(
            &elsewhere,
            Method::POST,
            "/api/v1/transport-requests",
            Some(json!({"call_id": call_id, "pickup": "A", "destination": "B", "within_hours": 2})),
        )
        .await;
    assert_eq!(other_call.status, StatusCode::NOT_FOUND, "another organization's call");
}

/// The access line's home lists the beds held for its callers that expire within the hour, each linked to its
/// call, so the operator can confirm the admission or tell the caller before the bed goes back on the board; a
/// hold with hours left is not there, and another organization's line sees none of them. In English and Spanish.
#[tokio::test]
async fn the_lines_home_lists_the_holds_about_to_expire() {
    use pathways_store::entities::bed_hold;
    use pathways_store::sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
    // Holds last an hour here, so a new one is already about to expire.
    let app = TestApp::configured(|c| c.bed_hold_hours = 1).await;
    let detox = program(&app, "Capitol Detox", LevelOfCare::MedicallyMonitoredWithdrawal, 3).await;
    let op = app.staff(app.org, Role::AccessLine).await;
    let other_line = app.staff(app.other_org, Role::AccessLine).await;
    let quiet = app.page(&op, "/staff").await.body;
    assert!(quiet.contains("No bed held for a caller expires within the hour."), "{quiet}");

    let fields = [("caller_type", "person"), ("substances", "alcohol"), ("withdrawal_signs", "on"), ("place", "06106")];
    let soon = call(&app, &op, &fields).await;
    let later = call(&app, &op, &fields).await;
    for path in [&soon, &later] {
        let held = app.post_form(&op, &format!("{path}/holds"), &[("program_id", &detox.to_string())]).await;
        assert_eq!(held.status, StatusCode::SEE_OTHER, "{}", held.body);
    }
    // The later call's hold was extended past the hour.
    let holds = bed_hold::Entity::find().all(app.db.store.reader()).await.expect("holds");
    let later_id: uuid::Uuid = later.rsplit('/').next().and_then(|id| id.parse().ok()).expect("call id");
    let extended = holds.iter().find(|h| h.call_id == Some(later_id)).expect("the later call's hold");
    let mut extend: bed_hold::ActiveModel = extended.clone().into();
    extend.expires_at = Set(pathways_store::now() + chrono::Duration::hours(3));
    extend.update(app.db.store.writer()).await.expect("extend");

    let home = app.page(&op, "/staff").await.body;
    assert!(home.contains("1 bed held for a caller expires within the hour."), "{home}");
    assert!(home.contains(&format!("href=\"{soon}\"")), "the expiring hold links to its call: {home}");
    assert!(home.contains("Bed at Capitol Detox, held until"), "{home}");
    assert!(!home.contains(&format!("href=\"{later}\"")), "a hold with hours left is not about to expire");
    let theirs = app.page(&other_line, "/staff").await.body;
    assert!(theirs.contains("No bed held for a caller expires within the hour."), "another line's holds: {theirs}");

    pathways_store::accounts::set_locale(app.db.store.writer(), op.id, "es").await.expect("locale");
    let inicio = app.page(&op, "/staff").await.body;
    for want in ["1 cama reservada para una persona que llamó vence en la próxima hora.", "Cama en Capitol Detox"] {
        assert!(inicio.contains(want), "{want}: {inicio}");
    }
}
