//! `/login`, `/logout`, sessions and CSRF.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use pathways_domain::Role;
use pathways_store::sea_orm::{ConnectionTrait, DbBackend, Statement};

use crate::util::{PASSWORD, TestApp, TestResponse, csrf_in, set_cookies};

/// Opens the sign-in page like a browser and posts the form; returns the response and the cookies it had.
pub(super) async fn sign_in(app: &TestApp, email: &str, password: &str, next: &str) -> TestResponse {
    let form = app.send(Request::get("/login").body(Body::empty()).expect("req")).await;
    assert_eq!(form.status, StatusCode::OK);
    let cookies = set_cookies(&form.headers).join("; ");
    let csrf = csrf_in(&form.body);
    let body = serde_urlencoded::to_string([
        ("csrf", csrf.as_str()),
        ("login", email),
        ("password", password),
        ("next", next),
    ])
    .expect("form");
    app.send(
        Request::post("/login")
            .header(header::COOKIE, cookies)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ORIGIN, "http://localhost")
            .header(header::HOST, "localhost")
            .body(Body::from(body))
            .expect("req"),
    )
    .await
}

pub(super) fn session_cookie(resp: &TestResponse) -> String {
    set_cookies(&resp.headers)
        .into_iter()
        .find(|c| c.starts_with("pathways_session=") && c.len() > 20)
        .expect("a session cookie")
}

pub(super) async fn get_with(app: &TestApp, cookie: &str, path: &str) -> TestResponse {
    app.send(Request::get(path).header(header::COOKIE, cookie).body(Body::empty()).expect("req")).await
}

#[tokio::test]
async fn sign_in_starts_a_fresh_http_only_session_and_follows_a_local_next() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let resp = sign_in(&app, &coach.email.to_uppercase(), PASSWORD, "/persons?q=x").await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    assert_eq!(resp.location(), "/persons?q=x");
    let raw = resp
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("pathways_session="))
        .expect("cookie")
        .to_owned();
    assert!(raw.contains("HttpOnly") && raw.contains("SameSite=Lax") && raw.contains("Path=/"), "{raw}");
    let cookie = session_cookie(&resp);
    assert_ne!(cookie, coach.cookie, "a new token at every sign-in");
    let token = cookie.trim_start_matches("pathways_session=");
    assert_eq!(token.len(), 43, "256 random bits");
    // Only the token's hash is stored.
    let stored = pathways_store::sessions::find(app.db.store.reader(), token).await.expect("query");
    assert!(stored.is_none(), "the raw token must not be a stored key");
    assert_eq!(get_with(&app, &cookie, "/persons").await.status, StatusCode::OK);
    assert!(app.audit_actions().await.iter().any(|(a, o, _)| a == "sign_in" && o == "success"));

    let offsite = sign_in(&app, &coach.email, PASSWORD, "https://evil.example/").await;
    assert_eq!(offsite.location(), "/staff", "no open redirect");
}

#[tokio::test]
async fn a_wrong_password_is_refused_and_audited_without_saying_which_part_was_wrong() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let wrong = sign_in(&app, &coach.email, "not the password at all", "").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.body.contains("role=\"alert\""));
    let unknown = sign_in(&app, "nobody@example.org", PASSWORD, "").await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    // The same message whether the email or the password was wrong.
    assert!(wrong.body.contains("match an account") && unknown.body.contains("match an account"));
    let failures = app.audit_actions().await.iter().filter(|(a, _, _)| a == "sign_in_failed").count();
    assert_eq!(failures, 2);
}

/// The parts of a throttled answer a client can compare: status, the headers that matter, and the body with the
/// echoed login and the form's CSRF token blanked.
fn shape(resp: &TestResponse, login: &str) -> (StatusCode, Vec<String>, String, String, String) {
    let mut names: Vec<String> = resp.headers.keys().map(|k| k.as_str().to_owned()).collect();
    names.sort();
    names.dedup();
    let body = resp.body.replace(login, "LOGIN").replace(&csrf_in(&resp.body), "CSRF");
    (resp.status, names, resp.header("retry-after").to_owned(), resp.header("content-type").to_owned(), body)
}

#[tokio::test]
async fn unknown_and_known_logins_get_the_same_answers_and_the_same_delays() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let unknown = "nobody-here@example.org";
    for _ in 0..5 {
        let known = sign_in(&app, &coach.email, "wrong password, again", "").await;
        let other = sign_in(&app, unknown, "wrong password, again", "").await;
        assert_eq!(known.status, StatusCode::UNAUTHORIZED);
        assert_eq!(shape(&known, &coach.email), shape(&other, unknown));
    }
    // The sixth try comes too soon — for the account that exists (even with its right password) and for the one
    // that doesn't, alike: a 429 says nothing about who has an account here.
    let known = sign_in(&app, &coach.email, PASSWORD, "").await;
    let other = sign_in(&app, unknown, PASSWORD, "").await;
    assert_eq!(known.status, StatusCode::TOO_MANY_REQUESTS, "{}", known.body);
    assert_eq!(known.header("retry-after"), "30");
    assert_eq!(shape(&known, &coach.email), shape(&other, unknown));
    assert!(known.body.contains("Please try again in 30 seconds."), "{}", known.body);
    assert!(known.body.contains("Nothing is locked"), "a plain explanation, no CAPTCHA");
    // In Spanish too.
    let form = app.send(Request::get("/login").header("accept-language", "es").body(Body::empty()).expect("req")).await;
    let cookies = set_cookies(&form.headers).join("; ");
    let body =
        serde_urlencoded::to_string([("csrf", csrf_in(&form.body).as_str()), ("login", unknown), ("password", "x")])
            .expect("form");
    let es = app
        .send(
            Request::post("/login")
                .header(header::COOKIE, cookies)
                .header("accept-language", "es")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ORIGIN, "http://localhost")
                .header(header::HOST, "localhost")
                .body(Body::from(body))
                .expect("req"),
        )
        .await;
    assert_eq!(es.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(es.body.contains("Vuelva a intentarlo en"), "{}", es.body);

    // Failures are counted by the login string (its hash), never stored as typed.
    let rows = pathways_store::audit::recent(app.db.store.reader(), 100).await.expect("audit");
    let key = pathways_domain::throttle::login_key(unknown);
    assert_eq!(rows.iter().filter(|r| r.action == "sign_in_failed" && r.detail.as_deref() == Some(&key)).count(), 5);
    assert!(rows.iter().all(|r| !r.detail.as_deref().unwrap_or("").contains("nobody")));
    assert!(rows.iter().any(|r| r.action == "sign_in_throttled" && r.detail.as_deref() == Some(&key)));
    // Another account is not slowed by someone else's failures.
    let other = app.staff(app.org, Role::Coach).await;
    assert_eq!(sign_in(&app, &other.email, PASSWORD, "").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_right_password_works_once_the_delay_passes_and_early_tries_do_not_extend_it() {
    use chrono::Duration;
    use pathways_domain::throttle::SignInPolicy;
    let policy = SignInPolicy {
        free_failures_per_login: 2,
        first_delay: Duration::milliseconds(600),
        max_delay: Duration::milliseconds(1200),
        ..SignInPolicy::default()
    };
    let app = TestApp::new().await.with_sign_in_policy(policy);
    let coach = app.staff(app.org, Role::Coach).await;
    for _ in 0..2 {
        assert_eq!(sign_in(&app, &coach.email, "wrong password, again", "").await.status, StatusCode::UNAUTHORIZED);
    }
    let last_failure = std::time::Instant::now();
    // Tries within the delay are refused — the right password too — and are not failures.
    for _ in 0..3 {
        let early = sign_in(&app, &coach.email, PASSWORD, "").await;
        assert_eq!(early.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(early.header("retry-after"), "1");
    }
    let failures = app.audit_actions().await.iter().filter(|(a, _, _)| a == "sign_in_failed").count();
    assert_eq!(failures, 2, "throttled tries are not counted");
    // Waiting out the delay from the last *failure* is enough, however recent the last early try was.
    let waited = last_failure.elapsed();
    tokio::time::sleep(std::time::Duration::from_millis(650).saturating_sub(waited)).await;
    let ok = sign_in(&app, &coach.email, PASSWORD, "").await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let out = app.post_form(&coach, "/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(out.location(), "/login");
    // Replaying the old cookie is no longer signed in.
    let again = app.page(&coach, "/persons").await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert!(again.location().starts_with("/login?next="), "{}", again.location());
    assert!(app.audit_actions().await.iter().any(|(a, _, _)| a == "sign_out"));
}

async fn age_session(app: &TestApp, created_minutes_ago: i64, seen_minutes_ago: i64) {
    let now = pathways_store::now();
    let db = app.db.store.writer();
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => "UPDATE session SET created_at = $1, last_seen_at = $2",
        _ => "UPDATE session SET created_at = ?, last_seen_at = ?",
    };
    let created = now - chrono::Duration::minutes(created_minutes_ago);
    let seen = now - chrono::Duration::minutes(seen_minutes_ago);
    db.execute_raw(Statement::from_sql_and_values(db.get_database_backend(), sql, [created.into(), seen.into()]))
        .await
        .expect("age");
}

#[tokio::test]
async fn sessions_end_after_15_idle_minutes_and_12_hours() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    age_session(&app, 30, 14).await;
    assert_eq!(app.page(&coach, "/persons").await.status, StatusCode::OK, "14 idle minutes is still active");
    age_session(&app, 30, 15).await;
    let idle = app.page(&coach, "/persons").await;
    assert_eq!(idle.status, StatusCode::SEE_OTHER, "15 idle minutes ends it");
    assert!(set_cookies(&idle.headers).contains(&"pathways_session=".to_owned()), "the dead cookie is cleared");

    let busy = app.staff(app.org, Role::Coach).await;
    age_session(&app, 12 * 60, 0).await;
    assert_eq!(app.page(&busy, "/persons").await.status, StatusCode::SEE_OTHER, "12 hours ends even a busy session");
    assert!(app.audit_actions().await.iter().filter(|(a, _, _)| a == "session_expired").count() >= 2);
}

#[tokio::test]
async fn disabling_an_account_ends_its_sessions_and_tokens() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(app.page(&coach, "/persons").await.status, StatusCode::OK);
    pathways_store::accounts::disable(app.db.store.writer(), coach.id).await.expect("disable");
    assert_eq!(app.page(&coach, "/persons").await.status, StatusCode::SEE_OTHER);
    let api = app.api(&coach, axum::http::Method::GET, "/api/v1/persons", None).await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);
    assert_eq!(sign_in(&app, &coach.email, PASSWORD, "").await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn forms_without_the_csrf_token_or_from_another_site_are_refused() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let post = |csrf: &str, origin: Option<&str>| {
        let mut req = Request::post("/persons")
            .header(header::COOKIE, &coach.cookie)
            .header(header::HOST, "localhost")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(o) = origin {
            req = req.header(header::ORIGIN, o);
        }
        req.body(Body::from(format!("csrf={csrf}&preferred_name=Forged"))).expect("req")
    };
    assert_eq!(app.send(post("", None)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.send(post("wrong-token-wrong-token-wrong-token-wrong-t", None)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.send(post(&coach.csrf, Some("https://evil.example"))).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.send(post(&coach.csrf, Some("http://localhost"))).await.status, StatusCode::SEE_OTHER);
    let listed = app.api(&coach, axum::http::Method::GET, "/api/v1/persons", None).await.json();
    assert_eq!(listed["total"], 1, "only the genuine post created a person");
}

#[tokio::test]
async fn a_session_made_by_one_server_works_on_another() {
    let app = TestApp::new().await;
    let second = app.second_instance().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let resp = sign_in(&app, &coach.email, PASSWORD, "").await;
    let cookie = session_cookie(&resp);
    let req = Request::get("/persons").header(header::COOKIE, cookie).body(Body::empty()).expect("req");
    assert_eq!(crate::util::send_to(&second, req).await.status, StatusCode::OK);
}
