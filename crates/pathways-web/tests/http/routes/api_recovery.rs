//! `/api/v1/persons/{id}/plan`, `/assessments`, `/checkins`, `/encounters`.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use pathways_domain::Role;
use serde_json::json;

use crate::util::TestApp;

#[tokio::test]
async fn plans_save_as_versions_and_a_stale_put_gets_both_versions() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Api Plan", Some(coach.id)).await;
    let path = format!("/api/v1/persons/{p}/plan");
    let empty = app.api(&coach, Method::GET, &path, None).await;
    assert_eq!(empty.json()["version"], 0);
    assert_eq!(empty.header("etag"), "\"0\"");
    let goal = json!({"id": uuid::Uuid::now_v7(), "dimension": "purpose", "text": "  Finish my GED  ", "status": "in_progress"});
    let first = app
        .api(
            &coach,
            Method::PUT,
            &path,
            Some(json!({"version": 0, "plan": {"pathways": ["mutual_help"], "goals": [goal]}})),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(first.json()["version"], 1);
    assert_eq!(first.json()["plan"]["goals"][0]["text"], "Finish my GED", "trimmed");

    // If-Match works as well as a version field.
    let req = Request::put(&path)
        .header(header::AUTHORIZATION, format!("Bearer {}", coach.token))
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::IF_MATCH, "\"1\"")
        .body(Body::from(json!({"plan": {"stage": "maintenance"}}).to_string()))
        .expect("req");
    assert_eq!(app.send(req).await.json()["version"], 2);

    let stale = app.api(&coach, Method::PUT, &path, Some(json!({"version": 1, "plan": {"stage": "engagement"}}))).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let body = stale.json();
    assert_eq!(body["error"]["code"], "stale_version");
    assert_eq!(body["current"]["version"], 2);
    assert_eq!(body["current"]["plan"]["stage"], "maintenance");
    assert_eq!(body["yours"]["plan"]["stage"], "engagement");

    let invalid = app.api(&coach, Method::PUT, &path, Some(json!({"version": 2, "plan": {"goals": [{"id": uuid::Uuid::now_v7(), "dimension": "home", "text": " "}]}}))).await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(invalid.json()["error"]["fields"][0]["field"], "goals[0].text");
    let no_version = app.api(&coach, Method::PUT, &path, Some(json!({"plan": {}}))).await;
    assert_eq!(no_version.status, StatusCode::UNPROCESSABLE_ENTITY);

    let versions = app.api(&coach, Method::GET, &format!("{path}/versions"), None).await.json();
    assert_eq!(versions.as_array().map(Vec::len), Some(2));
    assert_eq!(versions[0]["version"], 2);
}

#[tokio::test]
async fn barc10_answers_are_scored_and_errors_name_the_statement() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Api Barc", Some(coach.id)).await;
    let path = format!("/api/v1/persons/{p}/assessments");
    for (answers, field, code) in [
        (json!([6, 6, 6, null, 6, 6, 6, 6, 6, 6]), "answers[3]", "missing"),
        (json!([6, 6, 6, 6, 6, 6, 6, 6, 6, 0]), "answers[9]", "out-of-range"),
        (json!([6, 6, 6]), "answers[3]", "missing"),
        (json!([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), "answers", "wrong-count"),
    ] {
        let resp =
            app.api(&coach, Method::POST, &path, Some(json!({"instrument": "barc10", "answers": answers}))).await;
        assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY, "{answers}");
        let e = resp.json();
        assert_eq!(e["error"]["fields"][0]["field"], field, "{answers}");
        assert_eq!(e["error"]["fields"][0]["code"], code, "{answers}");
    }
    let wrong = app.api(&coach, Method::POST, &path, Some(json!({"instrument": "phq9", "answers": []}))).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);

    let all_ones = app
        .api(
            &coach,
            Method::POST,
            &path,
            Some(json!({"instrument": "barc10", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]})),
        )
        .await;
    assert_eq!(all_ones.status, StatusCode::CREATED);
    assert_eq!(all_ones.json()["total"], 10);
    assert_eq!(all_ones.json()["at_or_above_cutoff"], false);
    assert_eq!(all_ones.json()["areas_to_build"].as_array().map(Vec::len), Some(10));
    let at_cutoff = app
        .api(
            &coach,
            Method::POST,
            &path,
            Some(json!({"instrument": "barc10", "answers": [5, 5, 5, 5, 5, 5, 5, 5, 5, 2]})),
        )
        .await
        .json();
    assert_eq!((at_cutoff["total"].as_i64(), at_cutoff["at_or_above_cutoff"].as_bool()), (Some(47), Some(true)));
    assert_eq!(at_cutoff["areas_to_build"], json!([{"item": 10, "dimension": "health"}]));
    let list = app.api(&coach, Method::GET, &path, None).await.json();
    assert_eq!(list.as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn check_ins_and_encounters_over_the_api() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let admin = app.staff(app.org, Role::Admin).await;
    let p = app.person(app.org, "Api Records", Some(coach.id)).await;
    let checkins = format!("/api/v1/persons/{p}/checkins");
    let bad = app.api(&coach, Method::POST, &checkins, Some(json!({"mood": 9, "craving": 2}))).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<String> = bad.json()["error"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| f["field"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(fields, ["mood", "safe"]);
    let urgent = app.api(&coach, Method::POST, &checkins, Some(json!({"mood": 2, "craving": 8, "safe": false}))).await;
    assert_eq!(urgent.status, StatusCode::CREATED);
    assert_eq!(urgent.json()["urgent"], true);
    assert!(app.page(&coach, "/caseload?flag=urgent").await.body.contains("Api Records"));
    assert_eq!(
        app.api(&coach, Method::GET, &format!("{checkins}?limit=1"), None).await.json().as_array().map(Vec::len),
        Some(1)
    );

    let encounters = format!("/api/v1/persons/{p}/encounters");
    let today = chrono::Utc::now().date_naive().to_string();
    let made = app
        .api(
            &coach,
            Method::POST,
            &encounters,
            Some(json!({"date": today, "type": "video", "minutes": 30, "topics": ["work"], "notes": "Private words"})),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let for_coach = app.api(&coach, Method::GET, &encounters, None).await.json();
    assert_eq!(for_coach[0]["notes"], "Private words");
    let for_admin = app.api(&admin, Method::GET, &encounters, None).await;
    assert!(!for_admin.body.contains("Private words"));
    assert_eq!(for_admin.json()[0]["notes_visible"], false);
    assert_eq!(for_admin.json()[0]["topics"], json!(["work"]));
}

#[tokio::test]
async fn the_openapi_document_describes_the_recovery_routes() {
    let app = TestApp::new().await;
    let doc = app.send(Request::get("/api/openapi.json").body(Body::empty()).expect("req")).await.json();
    for path in [
        "/api/v1/persons/{id}/plan",
        "/api/v1/persons/{id}/plan/versions",
        "/api/v1/persons/{id}/assessments",
        "/api/v1/persons/{id}/checkins",
        "/api/v1/persons/{id}/encounters",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    assert!(doc["paths"]["/api/v1/persons/{id}/plan"]["put"].is_object());
}

/// The caseload's figures come from one query over five tables; each column is checked against what was recorded.
#[tokio::test]
async fn the_caseload_shows_each_persons_latest_figures_urgent_first() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    app.person(app.org, "Aaron Steady", Some(coach.id)).await;
    let urgent = app.person(app.org, "Zoe Urgent", Some(coach.id)).await;
    let barc = |p| format!("/api/v1/persons/{p}/assessments");
    for answers in [[5; 10], [4; 10]] {
        let made = app
            .api(&coach, Method::POST, &barc(urgent), Some(json!({"instrument": "barc10", "answers": answers})))
            .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    }
    let unsafe_now = json!({"mood": 1, "craving": 9, "safe": false});
    let checkin = app.api(&coach, Method::POST, &format!("/api/v1/persons/{urgent}/checkins"), Some(unsafe_now)).await;
    assert_eq!(checkin.status, StatusCode::CREATED);
    let met = json!({"date": "2026-11-02", "type": "phone", "minutes": 15, "topics": []});
    let encounter = app.api(&coach, Method::POST, &format!("/api/v1/persons/{urgent}/encounters"), Some(met)).await;
    assert_eq!(encounter.status, StatusCode::CREATED, "{}", encounter.body);
    let plan = json!({"version": 0, "plan": {"review_date": "2026-01-15"}});
    let saved = app.api(&coach, Method::PUT, &format!("/api/v1/persons/{urgent}/plan"), Some(plan)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);

    let page = app.page(&coach, "/caseload").await.body;
    let rows: Vec<&str> = page.split("<th scope=\"row\">").skip(1).collect();
    assert_eq!(rows.len(), 2);
    // Attention first, whatever the name order says.
    let (first, second) = (rows[0], rows[1]);
    assert!(first.contains("Zoe Urgent") && second.contains("Aaron Steady"));
    let today = chrono::Utc::now().date_naive().to_string();
    for expected in ["Urgent", "BARC-10 drop", "Review due", "2026-11-02", today.as_str(), "40 (-10)", "2026-01-15"] {
        assert!(first.contains(expected), "{expected} missing from {first}");
    }
    assert!(!first.contains("No check-in in"), "checked in today");
    for expected in ["Never", "—", "No check-in in 14 days"] {
        assert!(second.contains(expected), "{expected} missing from {second}");
    }
    assert!(!second.contains("Urgent"));
    let only_urgent = app.page(&coach, "/caseload?flag=urgent").await.body;
    assert!(only_urgent.contains("Zoe Urgent") && !only_urgent.contains("Aaron Steady"));
    let by_name = app.page(&coach, "/caseload?sort=name").await.body;
    assert!(by_name.find("Aaron Steady") < by_name.find("Zoe Urgent"));
}
