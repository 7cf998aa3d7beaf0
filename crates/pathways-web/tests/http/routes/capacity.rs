//! Treatment capacity and bed holds through the API: the public capacity list, providers' updates, the access
//! line's reservations (also racing across two server instances), admissions and releases, and who may do what.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use pathways_domain::access_line::{BedCount, LevelOfCare};
use pathways_domain::directory::geo::LatLon;
use pathways_domain::{OrgId, Role};
use pathways_store::audit::Actor;
use pathways_store::capacity::{NewProgram, create_program};
use serde_json::json;
use uuid::Uuid;

use crate::util::{Staff, TestApp, send_to};

async fn program(
    app: &TestApp,
    org: OrgId,
    name: &str,
    level: LevelOfCare,
    open: u32,
    waitlist: u32,
    at: (f64, f64),
) -> Uuid {
    let tx = app.db.store.begin().await.expect("tx");
    let p = NewProgram {
        organization: org,
        service_id: None,
        name: name.to_owned(),
        level,
        populations: vec!["men".into()],
        region: Some("North Central".into()),
        place: LatLon::new(at.0, at.1).ok(),
        counts: BedCount { licensed: 16, open, waitlist },
    };
    let id = create_program(&tx, &Actor::default(), &p, pathways_store::now()).await.expect("program");
    tx.commit().await.expect("commit");
    id
}

fn reserve_request(who: &Staff, program: Uuid) -> Request<Body> {
    Request::post(format!("/api/v1/programs/{program}/reservations"))
        .header(header::AUTHORIZATION, format!("Bearer {}", who.token))
        .body(Body::empty())
        .expect("request")
}

#[tokio::test]
async fn the_public_capacity_list_needs_no_token_and_never_counts_a_held_bed() {
    let app = TestApp::new().await;
    let hartford = program(
        &app,
        app.other_org,
        "Hartford detox",
        LevelOfCare::MedicallyMonitoredWithdrawal,
        2,
        0,
        (41.76, -72.67),
    )
    .await;
    let _waiting = program(
        &app,
        app.other_org,
        "Waitlisted detox",
        LevelOfCare::MedicallyMonitoredWithdrawal,
        5,
        3,
        (41.31, -72.92),
    )
    .await;
    let _residential =
        program(&app, app.other_org, "Residential", LevelOfCare::ResidentialHighIntensity, 4, 0, (41.2, -73.1)).await;

    let list =
        app.send(Request::get("/api/v1/capacity?level=3.7-wm&near=06107").body(Body::empty()).expect("req")).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    let body = list.json();
    let programs = body["programs"].as_array().expect("programs");
    let names: Vec<&str> = programs.iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(names, ["Hartford detox", "Waitlisted detox"], "this level only, nearest first");
    assert_eq!((&programs[0]["available"], &programs[0]["stale"]), (&json!(2), &json!(false)));
    assert_eq!(
        (&programs[1]["open_beds"], &programs[1]["available"]),
        (&json!(5), &json!(0)),
        "a waitlist shows no open beds"
    );
    assert!(programs[0]["distance_mi"].as_f64().is_some_and(|d| d < 10.0));

    let line = app.staff(app.org, Role::AccessLine).await;
    assert_eq!(
        app.api(&line, Method::POST, &format!("/api/v1/programs/{hartford}/reservations"), None).await.status,
        StatusCode::CREATED
    );
    // `null` is no body too, as the description's `oneOf: [null, …]` says.
    let reserve = format!("/api/v1/programs/{hartford}/reservations");
    let with_null = app.api(&line, Method::POST, &reserve, Some(serde_json::Value::Null)).await;
    assert_eq!(with_null.status, StatusCode::CREATED, "{}", with_null.body);
    let release = format!("/api/v1/reservations/{}/release", with_null.json()["id"].as_str().expect("hold id"));
    assert_eq!(app.api(&line, Method::POST, &release, None).await.status, StatusCode::OK);
    let after =
        app.send(Request::get("/api/v1/capacity?available=true").body(Body::empty()).expect("req")).await.json();
    let shown: Vec<(String, i64)> = after["programs"]
        .as_array()
        .expect("programs")
        .iter()
        .map(|p| (p["name"].as_str().unwrap_or("").to_owned(), p["available"].as_i64().unwrap_or(-1)))
        .collect();
    assert_eq!(shown, [("Hartford detox".to_owned(), 1), ("Residential".to_owned(), 4)]);

    let bad = app
        .send(
            Request::get("/api/v1/capacity?level=3.9&near=nowhere-at-all&available=maybe")
                .body(Body::empty())
                .expect("req"),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<String> = bad.json()["error"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|f| f["field"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(fields, ["level", "near", "available"]);
}

#[tokio::test]
async fn providers_update_their_own_programs_only_and_bad_counts_name_the_field() {
    let app = TestApp::new().await;
    let id = program(&app, app.other_org, "Detox", LevelOfCare::ResidentialWithdrawal, 2, 0, (41.7, -72.7)).await;
    let path = format!("/api/v1/programs/{id}/capacity");
    let provider = app.staff(app.other_org, Role::ProviderStaff).await;
    let ok = app.api(&provider, Method::POST, &path, Some(json!({"open_beds": 6, "waitlist": 0}))).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert_eq!(
        (&ok.json()["open_beds"], &ok.json()["licensed_beds"], &ok.json()["age_minutes"]),
        (&json!(6), &json!(16), &json!(0))
    );

    let too_many = app.api(&provider, Method::POST, &path, Some(json!({"open_beds": 20, "waitlist": -1}))).await;
    assert_eq!(too_many.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<(String, String)> = too_many.json()["error"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| (f["field"].as_str().unwrap_or("").to_owned(), f["code"].as_str().unwrap_or("").to_owned()))
        .collect();
    assert_eq!(fields, [("waitlist".to_owned(), "negative".to_owned())]);
    let more = app.api(&provider, Method::POST, &path, Some(json!({"open_beds": 20, "waitlist": 0}))).await;
    assert_eq!(more.json()["error"]["fields"][0]["code"], "more-than-licensed");
    assert!(more.json()["error"]["fields"][0]["message"].as_str().is_some_and(|m| m.contains("licensed")));
    let unknown = app.api(&provider, Method::POST, &path, Some(json!({"open": 3, "waitlist": 0}))).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST, "an unknown field is refused, not ignored");

    // Another organization's staff, or a role that doesn't keep capacity, find nothing there.
    let elsewhere = app.staff(app.org, Role::ProviderStaff).await;
    let coach = app.staff(app.other_org, Role::Coach).await;
    for who in [&elsewhere, &coach] {
        let r = app.api(who, Method::POST, &path, Some(json!({"open_beds": 1, "waitlist": 0}))).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
    let no_token = app
        .send(
            Request::post(&path).header(header::CONTENT_TYPE, "application/json").body(Body::from("{}")).expect("req"),
        )
        .await;
    assert_eq!(no_token.status, StatusCode::UNAUTHORIZED);
    let missing = app
        .api(
            &provider,
            Method::POST,
            &format!("/api/v1/programs/{}/capacity", Uuid::now_v7()),
            Some(json!({"open_beds": 1, "waitlist": 0})),
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let updates =
        app.audit_actions().await.into_iter().filter(|(a, _, e)| a == "capacity_update" && *e == Some(id)).count();
    assert_eq!(updates, 2, "created and one accepted update");
}

#[tokio::test]
async fn the_line_holds_a_bed_the_program_admits_and_no_bed_answers_with_alternatives() {
    let app = TestApp::new().await;
    let full =
        program(&app, app.other_org, "Full detox", LevelOfCare::MedicallyMonitoredWithdrawal, 1, 0, (41.76, -72.67))
            .await;
    let _other =
        program(&app, app.other_org, "Open detox", LevelOfCare::MedicallyMonitoredWithdrawal, 3, 0, (41.77, -72.7))
            .await;
    let line = app.staff(app.org, Role::AccessLine).await;
    let held = app.send(reserve_request(&line, full)).await;
    assert_eq!(held.status, StatusCode::CREATED, "{}", held.body);
    let hold = held.json();
    let created = chrono::DateTime::parse_from_rfc3339(hold["created_at"].as_str().expect("created")).expect("time");
    let expires = chrono::DateTime::parse_from_rfc3339(hold["expires_at"].as_str().expect("expires")).expect("time");
    assert_eq!((expires - created).num_hours(), 4, "the configured hold");
    assert_eq!(hold["state"], "held");

    let refused = app.send(reserve_request(&line, full)).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    let body = refused.json();
    assert_eq!(body["error"]["code"], "no_bed_left");
    assert_eq!(body["alternatives"][0]["name"], "Open detox");

    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(app.send(reserve_request(&coach, full)).await.status, StatusCode::NOT_FOUND);

    let hold_id = hold["id"].as_str().expect("id").to_owned();
    let stranger = app.staff(app.org, Role::ProviderStaff).await;
    let denied = app.api(&stranger, Method::POST, &format!("/api/v1/reservations/{hold_id}/admit"), None).await;
    assert_eq!(denied.status, StatusCode::NOT_FOUND, "another organization's provider");
    let provider = app.staff(app.other_org, Role::ProviderStaff).await;
    let admitted = app.api(&provider, Method::POST, &format!("/api/v1/reservations/{hold_id}/admit"), None).await;
    assert_eq!((admitted.status, admitted.json()["state"].as_str()), (StatusCode::OK, Some("admitted")));
    let again = app.api(&line, Method::POST, &format!("/api/v1/reservations/{hold_id}/release"), None).await;
    assert_eq!((again.status, again.json()["error"]["code"].as_str()), (StatusCode::CONFLICT, Some("hold_closed")));

    let actions: Vec<(String, String)> = app.audit_actions().await.into_iter().map(|(a, o, _)| (a, o)).collect();
    for want in [("bed_hold_create", "success"), ("bed_hold_create", "failed"), ("bed_hold_close", "success")] {
        assert!(actions.contains(&(want.0.to_owned(), want.1.to_owned())), "{want:?}");
    }
}

#[tokio::test]
async fn racing_reservations_on_two_instances_never_double_book() {
    let app = TestApp::new().await;
    let id = program(&app, app.other_org, "Five beds", LevelOfCare::ResidentialWithdrawal, 5, 0, (41.7, -72.7)).await;
    let line = app.staff(app.org, Role::AccessLine).await;
    let second = app.second_instance().await;
    let routers = [app.router.clone(), second];
    let mut tasks = Vec::new();
    for i in 0..40 {
        let router = routers[i % 2].clone();
        let req = reserve_request(&line, id);
        tasks.push(tokio::spawn(async move { send_to(&router, req).await.status }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.expect("task"));
    }
    let created = statuses.iter().filter(|s| **s == StatusCode::CREATED).count();
    let conflicts = statuses.iter().filter(|s| **s == StatusCode::CONFLICT).count();
    assert_eq!((created, conflicts), (5, 35), "{statuses:?}");
}

#[tokio::test]
async fn the_board_shows_beds_by_level_with_freshness_in_either_language() {
    let app = TestApp::new().await;
    let _open =
        program(&app, app.other_org, "Open detox", LevelOfCare::MedicallyMonitoredWithdrawal, 3, 0, (41.76, -72.67))
            .await;
    let _waiting =
        program(&app, app.other_org, "Waiting house", LevelOfCare::ResidentialHighIntensity, 2, 4, (41.3, -72.9)).await;
    let stale =
        program(&app, app.other_org, "Old count", LevelOfCare::ResidentialWithdrawal, 1, 0, (41.5, -73.0)).await;
    // A count from yesterday.
    let tx = app.db.store.begin().await.expect("tx");
    let yesterday = pathways_store::now() - chrono::Duration::hours(30);
    pathways_store::capacity::update_counts(
        &tx,
        &Actor::default(),
        None,
        stale,
        BedCount { licensed: 16, open: 1, waitlist: 0 },
        yesterday,
    )
    .await
    .expect("update");
    tx.commit().await.expect("commit");

    let page = app.send(Request::get("/capacity").body(Body::empty()).expect("req")).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.body;
    for want in [
        "Medically monitored withdrawal management (3.7-WM)",
        "3 beds open",
        "Waitlist: 4, so no bed is shown open",
        "Updated 30 h ago",
        "This count may be out of date",
        "tel:988",
    ] {
        assert!(html.contains(want), "{want}");
    }
    assert!(html.find("Old count") < html.find("Waiting house").or(Some(usize::MAX)), "levels in order, detox first");

    let es = app
        .send(
            Request::get("/capacity?level=3.5").header(header::ACCEPT_LANGUAGE, "es").body(Body::empty()).expect("req"),
        )
        .await;
    assert!(
        es.body.contains("Residencial de alta intensidad (3.5)") && es.body.contains("Lista de espera: 4"),
        "{}",
        es.body
    );
    assert!(!es.body.contains("Open detox"), "filtered to one level");

    let region = app.send(Request::get("/capacity?region=north+central").body(Body::empty()).expect("req")).await;
    assert!(region.body.contains("<option value=\"North Central\" selected>"), "the regions the programs name");
    let by_region =
        app.send(Request::get("/api/v1/capacity?region=Nowhere").body(Body::empty()).expect("req")).await.json();
    assert_eq!(by_region["programs"].as_array().map(Vec::len), Some(0));

    let bad = app.send(Request::get("/capacity?level=9&near=zzzz").body(Body::empty()).expect("req")).await;
    assert_eq!(bad.status, StatusCode::OK, "the page says what was wrong");
    assert!(bad.body.contains("role=\"alert\"") && bad.body.contains("Level of care"));
}

#[tokio::test]
async fn providers_change_counts_with_one_tap_and_admit_held_beds_from_their_page() {
    let app = TestApp::new().await;
    let id = program(&app, app.other_org, "Tap detox", LevelOfCare::ResidentialWithdrawal, 15, 0, (41.7, -72.7)).await;
    let _elsewhere = program(&app, app.org, "Not ours", LevelOfCare::ResidentialWithdrawal, 1, 0, (41.7, -72.7)).await;
    let provider = app.staff(app.other_org, Role::ProviderStaff).await;
    let page = app.page(&provider, "/programs").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Tap detox") && !page.body.contains("Not ours"), "only the organization's programs");
    assert!(page.body.contains("One more open bed at Tap detox"), "each button names what it does");

    let counts = format!("/programs/{id}/counts");
    let tapped = app.post_form(&provider, &counts, &[("change", "open-up")]).await;
    assert_eq!((tapped.status, tapped.location()), (StatusCode::SEE_OTHER, format!("/programs#program-{id}").as_str()));
    assert_eq!(open(&app).await, Some((16, 0)));
    let over = app.post_form(&provider, &counts, &[("change", "open-up")]).await;
    assert_eq!(over.status, StatusCode::UNPROCESSABLE_ENTITY, "17 of 16 licensed beds");
    assert!(
        over.body.contains("Open beds can&#x27;t be more than licensed beds")
            || over.body.contains("more than licensed")
    );
    app.post_form(&provider, &counts, &[("change", "waitlist-up")]).await;
    app.post_form(&provider, &counts, &[("change", "set"), ("open_beds", "4"), ("waitlist", "0")]).await;
    assert_eq!(open(&app).await, Some((4, 0)));
    let unknown = app.post_form(&provider, &counts, &[("change", "explode")]).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Without the CSRF token, from another organization, or in another role: refused.
    let forged = app
        .send(
            Request::post(&counts)
                .header(header::COOKIE, &provider.cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from("change=open-down"))
                .expect("req"),
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let stranger = app.staff(app.org, Role::ProviderStaff).await;
    assert_eq!(app.post_form(&stranger, &counts, &[("change", "open-down")]).await.status, StatusCode::NOT_FOUND);
    let coach = app.staff(app.other_org, Role::Coach).await;
    assert_eq!(app.page(&coach, "/programs").await.status, StatusCode::FORBIDDEN);
    assert_eq!(open(&app).await, Some((4, 0)), "nothing refused was saved");

    // A bed the line held shows on the page, and the person's arrival takes it.
    let line = app.staff(app.org, Role::AccessLine).await;
    let hold = app.send(reserve_request(&line, id)).await.json();
    let hold_id = hold["id"].as_str().expect("hold").to_owned();
    let page = app.page(&provider, "/programs").await;
    assert!(page.body.contains(&format!("/holds/{hold_id}/admit")), "incoming holds are listed");
    let admitted = app.post_form(&provider, &format!("/holds/{hold_id}/admit"), &[]).await;
    assert_eq!(admitted.status, StatusCode::SEE_OTHER);
    assert_eq!(open(&app).await, Some((3, 0)), "the admission took the bed");
    let again = app.post_form(&provider, &format!("/holds/{hold_id}/release"), &[]).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "a second close says so in a message, not an error");
}

/// A program's open beds and waitlist as the public API shows them.
async fn open(app: &TestApp) -> Option<(i64, i64)> {
    let list = app.send(Request::get("/api/v1/capacity").body(Body::empty()).expect("req")).await.json();
    let p = list["programs"].as_array().expect("programs").iter().find(|p| p["name"] == "Tap detox").cloned();
    p.map(|p| (p["open_beds"].as_i64().unwrap_or(-1), p["waitlist"].as_i64().unwrap_or(-1)))
}
