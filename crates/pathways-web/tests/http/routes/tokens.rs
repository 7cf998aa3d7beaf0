//! API tokens: scopes, expiry, revocation one by one, last use, and the staff member's own tokens page (issue 22,
//! finding 6).

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use pathways_domain::Role;
use pathways_domain::token::TokenScope;
use pathways_store::tokens::{self, NewToken};
use pathways_web::auth::secret::token_hash;
use serde_json::json;

use crate::util::{Staff, TestApp, TestResponse};

/// A token for `who` made straight in the store, with its scope and expiry.
async fn token(app: &TestApp, who: &Staff, scope: TokenScope, expires_in: chrono::Duration) -> String {
    let secret = format!("pw_test_{}", uuid::Uuid::now_v7().simple());
    let new = NewToken {
        account: who.id,
        token_hash: &token_hash(&secret),
        label: "integration",
        scope,
        expires_at: pathways_store::now() + expires_in,
    };
    tokens::create(app.db.store.writer(), new).await.expect("token");
    secret
}

async fn call(
    app: &TestApp,
    secret: &str,
    method: Method,
    path: &str,
    body: Option<serde_json::Value>,
) -> TestResponse {
    let mut req = Request::builder().method(method).uri(path).header(header::AUTHORIZATION, format!("Bearer {secret}"));
    if body.is_some() {
        req = req.header(header::CONTENT_TYPE, "application/json");
    }
    let body = body.map_or_else(Body::empty, |b| Body::from(b.to_string()));
    app.send(req.body(body).expect("request")).await
}

async fn last_event(app: &TestApp) -> (String, Option<String>) {
    let row = pathways_store::audit::recent(app.db.store.reader(), 1).await.expect("audit").remove(0);
    (row.action, row.detail)
}

#[tokio::test]
async fn a_read_token_reads_and_is_refused_every_change() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let person = app.person(app.org, "Sam Read", Some(coach.id)).await;
    let read = token(&app, &coach, TokenScope::Read, chrono::Duration::days(1)).await;
    assert_eq!(call(&app, &read, Method::GET, "/api/v1/persons", None).await.status, StatusCode::OK);
    assert_eq!(
        call(&app, &read, Method::GET, &format!("/api/v1/persons/{person}/plan"), None).await.status,
        StatusCode::OK
    );
    for (method, path, body) in [
        (Method::POST, "/api/v1/persons".to_owned(), json!({"given_name": "New", "family_name": "Person"})),
        (Method::PATCH, format!("/api/v1/persons/{person}"), json!({"pronouns": "she/her"})),
        (Method::POST, format!("/api/v1/persons/{person}/checkins"), json!({"mood": 3, "craving": 2, "safe": true})),
    ] {
        let resp = call(&app, &read, method.clone(), &path, Some(body)).await;
        assert_eq!(resp.status, StatusCode::FORBIDDEN, "{method} {path}: {}", resp.body);
        assert_eq!(resp.json()["error"]["code"], "read_only_token");
        assert_eq!(last_event(&app).await, ("access_denied".into(), Some("read-only token".into())));
    }
    let write = token(&app, &coach, TokenScope::Write, chrono::Duration::days(1)).await;
    let resp =
        call(&app, &write, Method::PATCH, &format!("/api/v1/persons/{person}"), Some(json!({"pronouns": "she/her"})))
            .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.body);
}

#[tokio::test]
async fn an_expired_or_revoked_token_stops_working_and_the_refusal_says_why_in_the_audit_trail() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let expired = token(&app, &coach, TokenScope::Write, chrono::Duration::seconds(-1)).await;
    let resp = call(&app, &expired, Method::GET, "/api/v1/persons", None).await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    assert_eq!(resp.header("www-authenticate"), "Bearer");
    assert_eq!(last_event(&app).await, ("api_token_rejected".into(), Some("expired".into())));

    let live = token(&app, &coach, TokenScope::Read, chrono::Duration::days(1)).await;
    assert_eq!(call(&app, &live, Method::GET, "/api/v1/persons", None).await.status, StatusCode::OK);
    let (row, _) = tokens::find(app.db.store.reader(), &token_hash(&live)).await.expect("find").expect("row");
    assert!(row.last_used_at.is_some(), "the use is recorded");
    tokens::revoke(app.db.store.writer(), row.id, None).await.expect("revoke");
    assert_eq!(call(&app, &live, Method::GET, "/api/v1/persons", None).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(last_event(&app).await, ("api_token_rejected".into(), Some("revoked".into())));
    // The coach's other token (made by the test app) still works: tokens end one by one.
    assert_eq!(app.api(&coach, Method::GET, "/api/v1/persons", None).await.status, StatusCode::OK);
}

#[tokio::test]
async fn staff_make_see_and_revoke_their_own_tokens_on_their_page() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let page = app.page(&coach, "/account/tokens").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("test"), "the token the test app made is listed");

    // A name is required.
    let refused = app.post_form(&coach, "/account/tokens", &[("label", "  "), ("scope", "write")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("aria-invalid=\"true\""));

    let made = app.post_form(&coach, "/account/tokens", &[("label", "Monthly report"), ("scope", "read")]).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let at = made.body.find("value=\"pw_").expect("the secret is shown") + "value=\"".len();
    let secret = made.body[at..].split('"').next().expect("secret").to_owned();
    assert_eq!(made.header("cache-control"), "no-store");
    assert_eq!(call(&app, &secret, Method::GET, "/api/v1/persons", None).await.status, StatusCode::OK);
    let resp = call(&app, &secret, Method::POST, "/api/v1/persons", Some(json!({"given_name": "A"}))).await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN, "made as a read token");

    let again = app.page(&coach, "/account/tokens").await;
    assert!(again.body.contains("Monthly report"));
    assert!(!again.body.contains(&secret), "the secret is shown once, never again");

    let (row, _) = tokens::find(app.db.store.reader(), &token_hash(&secret)).await.expect("find").expect("row");
    // Another staff member cannot revoke it (not found), and the token keeps working.
    let colleague = app.staff(app.org, Role::Supervisor).await;
    let other = app.post_form(&colleague, &format!("/account/tokens/{}/revoke", row.id), &[]).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    assert_eq!(call(&app, &secret, Method::GET, "/api/v1/persons", None).await.status, StatusCode::OK);

    let revoked = app.post_form(&coach, &format!("/account/tokens/{}/revoke", row.id), &[]).await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    assert_eq!(call(&app, &secret, Method::GET, "/api/v1/persons", None).await.status, StatusCode::UNAUTHORIZED);
    let actions: Vec<String> = app.audit_actions().await.into_iter().map(|a| a.0).collect();
    assert!(actions.contains(&"token_create".to_owned()) && actions.contains(&"token_revoke".to_owned()));
    // Persons and allies have no tokens page.
    let p = app.person(app.org, "Pat Portal", None).await;
    let person = app.person_login(app.org, p).await;
    assert_ne!(app.page(&person, "/account/tokens").await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_api_description_names_each_operations_scope() {
    let doc = serde_json::to_value(pathways_web::openapi::document()).expect("json");
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("item") {
            let Some(security) = op.get("security").and_then(|s| s.as_array()) else { continue };
            let want = if method == "get" { "read" } else { "write" };
            assert_eq!(security, &vec![json!({"bearer": [want]})], "{method} {path}");
            if want == "write" {
                assert!(op["responses"].get("403").is_some(), "{method} {path} documents 403");
            }
            checked += 1;
        }
    }
    assert!(checked > 20, "{checked}");
    let scheme = &doc["components"]["securitySchemes"]["bearer"];
    assert!(scheme["description"].as_str().is_some_and(|d| d.contains("read") && d.contains("write")));
}
