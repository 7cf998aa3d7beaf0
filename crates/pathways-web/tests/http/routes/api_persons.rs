//! `/api/v1/persons`: tokens, JSON errors, create and patch.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use pathways_domain::Role;
use serde_json::json;

use crate::util::TestApp;

#[tokio::test]
async fn no_token_or_a_bad_token_gets_a_json_401() {
    let app = TestApp::new().await;
    for auth in [None, Some("Bearer nonsense"), Some("Basic abc"), Some("Bearer ")] {
        let mut req = Request::get("/api/v1/persons");
        if let Some(a) = auth {
            req = req.header(header::AUTHORIZATION, a);
        }
        let resp = app.send(req.body(Body::empty()).expect("req")).await;
        assert_eq!(resp.status, StatusCode::UNAUTHORIZED, "{auth:?}");
        assert_eq!(resp.header("www-authenticate"), "Bearer");
        assert!(resp.header("content-type").starts_with("application/json"));
        let body = resp.json();
        assert_eq!(body["error"]["code"], "unauthorized");
        assert!(body["error"]["request_id"].as_str().is_some_and(|s| !s.is_empty()));
    }
    // A session cookie is not an API credential.
    let coach = app.staff(app.org, Role::Coach).await;
    let resp = app
        .send(Request::get("/api/v1/persons").header(header::COOKIE, &coach.cookie).body(Body::empty()).expect("req"))
        .await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn create_validates_every_field_and_answers_201() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let bad = app
        .api(
            &coach,
            Method::POST,
            "/api/v1/persons",
            Some(json!({"phone": "123", "email": "x@", "date_of_birth": "yesterday"})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<(String, String)> = bad.json()["error"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| {
            (f["field"].as_str().unwrap_or_default().to_owned(), f["code"].as_str().unwrap_or_default().to_owned())
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("preferred_name", "required"),
            ("date_of_birth", "invalid-date"),
            ("phone", "invalid-phone"),
            ("email", "invalid-email")
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );

    let created = app
        .api(
            &coach,
            Method::POST,
            "/api/v1/persons",
            Some(json!({"preferred_name": "Dee", "pronouns": null, "phone": "+44 20 7946 0958"})),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let mut body = created.json();
    assert_eq!(body["phone"], "+442079460958");
    assert_eq!(body["assigned_coach_id"], coach.id.to_string());
    for redact in ["id", "organization_id", "assigned_coach_id", "created_at", "updated_at"] {
        body[redact] = json!(format!("[{redact}]"));
    }
    insta::assert_json_snapshot!("api_person_created", body);
}

#[tokio::test]
async fn malformed_json_gets_a_400_that_says_where() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let req = |body: &str| {
        Request::post("/api/v1/persons")
            .header(header::AUTHORIZATION, format!("Bearer {}", coach.token))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_owned()))
            .expect("req")
    };
    let broken = app.send(req("{\"preferred_name\": ")).await;
    assert_eq!(broken.status, StatusCode::BAD_REQUEST);
    assert_eq!(broken.json()["error"]["code"], "bad_json");
    assert!(broken.json()["error"]["detail"].as_str().unwrap_or_default().contains("line 1"));
    let unknown = app.send(req("{\"preferred_name\": \"A\", \"favourite_colour\": \"blue\"}")).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert!(unknown.json()["error"]["detail"].as_str().unwrap_or_default().contains("favourite_colour"));
    let wrong_type = app.send(req("{\"preferred_name\": 42}")).await;
    assert_eq!(wrong_type.status, StatusCode::BAD_REQUEST);
    let huge = app.send(req(&format!("{{\"preferred_name\": \"{}\"}}", "a".repeat(2_000_000)))).await;
    assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn patch_changes_only_what_it_names_and_null_clears() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let id = app.person(app.org, "Pat", None).await;
    let path = format!("/api/v1/persons/{id}");
    let resp = app.api(&admin, Method::PATCH, &path, Some(json!({"pronouns": "he/him", "phone": null}))).await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.body);
    let body = resp.json();
    assert_eq!(body["pronouns"], "he/him");
    assert_eq!(body["phone"], serde_json::Value::Null);
    assert_eq!(body["preferred_name"], "Pat");
    let cleared_name = app.api(&admin, Method::PATCH, &path, Some(json!({"preferred_name": null}))).await;
    assert_eq!(cleared_name.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(cleared_name.json()["error"]["fields"][0]["field"], "preferred_name");
    // A coach may not reassign.
    let coach = app.staff(app.org, Role::Coach).await;
    let mine = app.person(app.org, "Mine", Some(coach.id)).await;
    let reassign = app
        .api(&coach, Method::PATCH, &format!("/api/v1/persons/{mine}"), Some(json!({"assigned_coach_id": null})))
        .await;
    assert_eq!(reassign.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reassign.json()["error"]["fields"][0]["field"], "assigned_coach");
}

#[tokio::test]
async fn errors_speak_the_accounts_language() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    pathways_store::accounts::set_locale(app.db.store.writer(), coach.id, "es").await.expect("locale");
    let resp = app.api(&coach, Method::POST, "/api/v1/persons", Some(json!({}))).await;
    assert_eq!(resp.json()["error"]["fields"][0]["message"], "Este dato es obligatorio.");
}
