//! Public pages, languages, security headers, and the promise that no page loads anything from elsewhere.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use pathways_domain::Role;

use crate::util::{TestApp, TestResponse, set_cookies};

async fn get(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> TestResponse {
    let mut req = Request::get(path);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    app.send(req.body(Body::empty()).expect("req")).await
}

#[tokio::test]
async fn the_home_page_has_the_crisis_lines_and_one_heading() {
    let app = TestApp::new().await;
    let home = get(&app, "/", &[]).await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("<html lang=\"en\">"));
    assert!(home.body.contains("href=\"tel:988\""));
    assert!(home.body.contains("href=\"sms:988\""));
    assert!(home.body.contains("href=\"tel:+18005634086\""));
    assert!(home.body.contains("1-800-563-4086"));
    assert_eq!(home.body.matches("<h1").count(), 1);
    assert!(home.body.contains("class=\"skip-link\" href=\"#main\""));
    assert!(home.body.contains("<main id=\"main\""));
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    for resp in [
        get(&app, "/", &[]).await,
        get(&app, "/login", &[]).await,
        app.page(&coach, "/persons").await,
        get(&app, "/nowhere", &[]).await,
    ] {
        let csp = resp.header("content-security-policy");
        assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(!csp.contains("http"), "no other origin is allowed: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert_eq!(resp.header("x-content-type-options"), "nosniff");
        assert_eq!(resp.header("referrer-policy"), "no-referrer");
        assert!(!resp.header("x-request-id").is_empty());
    }
    assert_eq!(app.page(&coach, "/persons").await.header("cache-control"), "no-store");
    assert_eq!(app.page(&coach, "/").await.header("cache-control"), "no-store");
}

/// Every `src=` and `href=` in our pages points at our own origin (or is a `tel:`/`sms:` link).
#[tokio::test]
async fn no_page_refers_to_another_origin() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let id = app.person(app.org, "Origin Check", None).await;
    let pages = vec![
        get(&app, "/", &[]).await,
        get(&app, "/login", &[]).await,
        app.page(&admin, "/staff").await,
        app.page(&admin, "/persons").await,
        app.page(&admin, "/persons/new").await,
        app.page(&admin, &format!("/persons/{id}")).await,
        app.page(&admin, &format!("/persons/{id}/edit")).await,
    ];
    for page in pages {
        assert_eq!(page.status, StatusCode::OK);
        for attr in ["src=\"", "href=\"", "action=\""] {
            for piece in page.body.split(attr).skip(1) {
                let target = piece.split('"').next().unwrap_or_default();
                let local = target.starts_with('/') && !target.starts_with("//")
                    || target.starts_with('#')
                    || target.starts_with("tel:")
                    || target.starts_with("sms:");
                assert!(local, "{attr}{target}");
            }
        }
    }
}

#[tokio::test]
async fn language_comes_from_the_switch_then_accept_language() {
    let app = TestApp::new().await;
    let es = get(&app, "/", &[("accept-language", "es-MX,es;q=0.9,en;q=0.5")]).await;
    assert!(es.body.contains("<html lang=\"es\">"));
    assert!(es.body.contains("Llame al 988"));
    assert!(es.body.contains("lang=\"en\" hreflang=\"en\">English</a>"));
    let switch = get(&app, "/lang/en?next=%2Flogin", &[("accept-language", "es")]).await;
    assert_eq!(switch.status, StatusCode::SEE_OTHER);
    assert_eq!(switch.location(), "/login");
    let cookie =
        set_cookies(&switch.headers).into_iter().find(|c| c.starts_with("pathways_lang=")).expect("lang cookie");
    assert_eq!(cookie, "pathways_lang=en");
    let en = get(&app, "/login", &[("accept-language", "es"), ("cookie", &cookie)]).await;
    assert!(en.body.contains("<html lang=\"en\">"));
    assert_eq!(get(&app, "/lang/fr", &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/lang/es?next=https://evil.example", &[]).await.location(), "/");
}

#[tokio::test]
async fn a_signed_in_account_keeps_its_language() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let switched = app
        .send(
            Request::get("/lang/es?next=/staff")
                .header(header::COOKIE, &coach.cookie)
                .body(Body::empty())
                .expect("req"),
        )
        .await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    // Even from a browser without the cookie and asking for English.
    let page = app
        .send(
            Request::get("/staff")
                .header(header::COOKIE, &coach.cookie)
                .header("accept-language", "en")
                .body(Body::empty())
                .expect("req"),
        )
        .await;
    assert!(page.body.contains("<html lang=\"es\">"), "{}", &page.body[..200]);
    assert!(page.body.contains("Bienvenido/a"));
}

/// Every page this capability adds renders fully in both languages (no missing message).
#[tokio::test]
async fn every_page_renders_in_both_languages() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let id = app.person(app.org, "Both Languages", None).await;
    for lang in ["en", "es"] {
        let pages = [
            get(&app, "/", &[("cookie", &format!("pathways_lang={lang}"))]).await,
            get(&app, "/login", &[("cookie", &format!("pathways_lang={lang}"))]).await,
            get(&app, "/nowhere", &[("cookie", &format!("pathways_lang={lang}"))]).await,
        ];
        pathways_store::accounts::set_locale(app.db.store.writer(), admin.id, lang).await.expect("locale");
        let signed_in = [
            app.page(&admin, "/staff").await,
            app.page(&admin, "/persons").await,
            app.page(&admin, "/persons/new").await,
            app.page(&admin, &format!("/persons/{id}")).await,
            app.page(&admin, &format!("/persons/{id}/edit")).await,
        ];
        for page in pages.iter().chain(signed_in.iter()) {
            assert!(page.body.contains(&format!("<html lang=\"{lang}\">")));
            assert!(!page.body.contains("Unknown localization"), "{lang}: {}", page.body);
        }
    }
}

#[tokio::test]
async fn signed_out_visitors_are_sent_to_sign_in_and_back() {
    let app = TestApp::new().await;
    let resp = get(&app, "/persons?q=a", &[]).await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    assert_eq!(resp.location(), "/login?next=%2Fpersons%3Fq%3Da");
    let login = get(&app, resp.location(), &[]).await;
    assert!(login.body.contains("name=\"next\" value=\"/persons?q=a\""));
}

#[tokio::test]
async fn static_assets_are_served_by_us_and_cacheable() {
    let app = TestApp::new().await;
    let css = get(&app, "/static/app.css", &[]).await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.header("content-type").starts_with("text/css"));
    assert!(css.header("cache-control").contains("max-age"));
    assert!(!css.body.contains("@import") && !css.body.contains("url(http"), "no outside resources");
    assert_eq!(get(&app, "/static/../Cargo.toml", &[]).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn pages_are_compressed_when_asked() {
    let app = TestApp::new().await;
    let resp = get(&app, "/", &[("accept-encoding", "gzip")]).await;
    assert_eq!(resp.header("content-encoding"), "gzip");
}

/// Each role's home starts its real work: the access line sees what waits (follow-ups, rides) and its console,
/// provider staff their programs' counts and the referral inbox, an analyst the figures, a directory editor the
/// directory — and nobody is told only what they can't open.
#[tokio::test]
async fn each_roles_home_starts_its_work() {
    use pathways_domain::Role;
    let app = crate::util::TestApp::new().await;
    let home = |body: &str, wanted: &[&str], role: &str| {
        for w in wanted {
            assert!(body.contains(w), "{role}'s home lacks {w}: {body}");
        }
    };
    let line = app.staff(app.org, Role::AccessLine).await;
    let body = app.page(&line, "/staff").await.body;
    home(&body, &["No ride is waiting.", "href=\"/access-line\"", "href=\"/transport\""], "access line");
    assert!(!body.contains("Your role doesn"), "{body}");
    let provider = app.staff(app.org, Role::ProviderStaff).await;
    let body = app.page(&provider, "/staff").await.body;
    home(&body, &["href=\"/programs\"", "href=\"/referrals\"", "No bed is held for a caller."], "provider staff");
    let analyst = app.staff(app.org, Role::Analyst).await;
    home(
        &app.page(&analyst, "/staff").await.body,
        &["href=\"/outreach/figures\"", "href=\"/access-line/figures\""],
        "analyst",
    );
    let editor = app.staff(app.org, Role::DirectoryEditor).await;
    home(&app.page(&editor, "/staff").await.body, &["href=\"/directory/corrections\""], "directory editor");
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    home(&app.page(&supervisor, "/staff").await.body, &["href=\"/outreach\"", "href=\"/persons\""], "supervisor");
}
