//! Redirects that stay on this site, the client address behind proxies, our own request ids and HSTS (issue 22's
//! findings 3, 5 and 7, as a browser or a forger meets them).

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use pathways_domain::Role;

use crate::util::{TestApp, TestResponse, csrf_in, set_cookies};

/// The `Location` a redirect carries must be a single-slash path on this site, as a browser would resolve it.
fn assert_stays_here(resp: &TestResponse, asked: &str) {
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{asked}: {}", resp.body);
    let to = resp.location();
    let resolved = url::Url::parse("http://localhost/").expect("base").join(to).expect("a URL");
    assert_eq!(resolved.host_str(), Some("localhost"), "{asked} sent the browser to {to:?}");
    assert!(to.starts_with('/') && !to.starts_with("//"), "{asked} → {to:?}");
    assert!(to.bytes().all(|b| b.is_ascii_graphic()), "{asked} → {to:?}");
}

const BYPASSES: [&str; 14] = [
    "//evil.example",
    "/%2Fevil.example",
    "/%09/evil.example",
    "/%5Cevil.example",
    "/%5C%5Cevil.example",
    "%5C%5Cevil.example",
    "https:evil.example",
    "https://evil.example",
    "/%252F%252Fevil.example",
    "/%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "/%EF%BC%8Fevil.example",
    "%EF%BC%8F%EF%BC%8Fevil.example",
    "/%0D%0ALocation:%20https://evil.example",
];

#[tokio::test]
async fn the_language_switch_never_leaves_the_site() {
    let app = TestApp::new().await;
    for next in BYPASSES {
        let resp = app.send(Request::get(format!("/lang/es?next={next}")).body(Body::empty()).expect("req")).await;
        assert_stays_here(&resp, next);
        assert_eq!(resp.location(), "/", "{next}: a refused target goes home");
    }
    let resp =
        app.send(Request::get("/lang/es?next=%2Ffind%3Fq%3Dcaf%25C3%25A9").body(Body::empty()).expect("r")).await;
    assert_eq!(resp.location(), "/find?q=caf%C3%A9", "a real target is followed");
}

#[tokio::test]
async fn no_byte_in_next_is_a_server_error() {
    let app = TestApp::new().await;
    for b in 0..=255u8 {
        for shape in [format!("/%{b:02X}"), format!("/%{b:02X}/evil.example"), format!("%{b:02X}%{b:02X}evil")] {
            let resp = app.send(Request::get(format!("/lang/en?next={shape}")).body(Body::empty()).expect("r")).await;
            assert_stays_here(&resp, &shape);
            let resp = app.send(Request::get(format!("/login?next={shape}")).body(Body::empty()).expect("r")).await;
            assert_eq!(resp.status, StatusCode::OK, "{shape}");
            let field = "name=\"next\" value=\"";
            let at = resp.body.find(field).expect("the next field") + field.len();
            let kept = resp.body[at..].split('"').next().unwrap_or_default();
            let resolved = url::Url::parse("http://localhost/").expect("base").join(kept).expect("a URL");
            assert_eq!(resolved.host_str(), Some("localhost"), "{shape}: the form kept {kept:?}");
            assert!(kept.is_empty() || (kept.starts_with('/') && !kept.starts_with("//")), "{shape}: {kept:?}");
        }
    }
}

#[tokio::test]
async fn signing_in_follows_only_a_local_next() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    for next in ["//evil.example", "/\t/evil.example", "/\\evil.example", "https:evil.example", "/%2F%2Fevil"] {
        let form = app.send(Request::get("/login").body(Body::empty()).expect("req")).await;
        let cookies = set_cookies(&form.headers).join("; ");
        let body = serde_urlencoded::to_string([
            ("csrf", csrf_in(&form.body).as_str()),
            ("login", coach.email.as_str()),
            ("password", crate::util::PASSWORD),
            ("next", next),
        ])
        .expect("form");
        let resp = app
            .send(
                Request::post("/login")
                    .header(header::COOKIE, cookies)
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .header(header::ORIGIN, "http://localhost")
                    .header(header::HOST, "localhost")
                    .body(Body::from(body))
                    .expect("req"),
            )
            .await;
        assert_stays_here(&resp, next);
        assert_eq!(resp.location(), "/staff", "{next:?}: a refused target goes to the account's home");
    }
}

/// The audit trail's client address and request id of the newest event.
async fn last_audit(app: &TestApp) -> (Option<String>, Option<String>) {
    let rows = pathways_store::audit::recent(app.db.store.reader(), 1).await.expect("audit");
    let row = rows.into_iter().next().expect("an event");
    (row.client_addr, row.request_id)
}

async fn failed_sign_in(app: &TestApp, forwarded: &str, request_id: &str) -> TestResponse {
    let form = app.send(Request::get("/login").body(Body::empty()).expect("req")).await;
    let body = serde_urlencoded::to_string([
        ("csrf", csrf_in(&form.body).as_str()),
        ("login", "nobody@example.org"),
        ("password", "not the password at all"),
    ])
    .expect("form");
    app.send(
        Request::post("/login")
            .header(header::COOKIE, set_cookies(&form.headers).join("; "))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ORIGIN, "http://localhost")
            .header(header::HOST, "localhost")
            .header("x-forwarded-for", forwarded)
            .header("x-request-id", request_id)
            .body(Body::from(body))
            .expect("req"),
    )
    .await
}

#[tokio::test]
async fn behind_one_proxy_the_client_address_is_the_one_the_proxy_wrote() {
    let app = TestApp::configured(|c| c.trusted_proxy_hops = 1).await;
    let resp = failed_sign_in(&app, "6.6.6.6, 203.0.113.7", "forged-request-id-0001").await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    let (addr, id) = last_audit(&app).await;
    assert_eq!(addr.as_deref(), Some("203.0.113.7"), "the client-written 6.6.6.6 is never believed");
    assert_ne!(id.as_deref(), Some("forged-request-id-0001"), "the audit trail's request id is ours");
    assert_eq!(id.as_deref(), Some(resp.header("x-request-id")), "and it is the one the response names");

    // With no proxies configured the header is ignored altogether.
    let direct = TestApp::new().await;
    failed_sign_in(&direct, "6.6.6.6", "forged-request-id-0002").await;
    let (addr, _) = last_audit(&direct).await;
    assert_ne!(addr.as_deref(), Some("6.6.6.6"));
}

#[tokio::test]
async fn hsts_is_sent_only_when_the_site_is_https() {
    let https = TestApp::configured(|c| c.public_url = Some("https://pathways.example.org".into())).await;
    for path in ["/", "/login", "/healthz", "/api/v1/persons"] {
        let resp = https.send(Request::get(path).body(Body::empty()).expect("req")).await;
        assert_eq!(resp.header("strict-transport-security"), "max-age=31536000; includeSubDomains", "{path}");
    }
    let plain = TestApp::new().await;
    let resp = plain.send(Request::get("/").body(Body::empty()).expect("req")).await;
    assert_eq!(resp.header("strict-transport-security"), "");
}

/// A client's huge offset is an empty page up to what SQL's signed 64-bit numbers hold, and refused past it (400
/// naming the parameter, or 422 for the HSDS pages) — never a dropped connection (schemathesis found
/// `offset=9223372036854775808` panicking in the database driver).
#[tokio::test]
async fn huge_offsets_and_pages_answer_an_empty_page_or_a_refusal() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let person = app.person(app.org, "Big Offset", None).await;
    for n in ["9223372036854775807", "9223372036854775808", "18446744073709551615"] {
        for path in [
            format!("/api/v1/outreach?offset={n}"),
            format!("/api/v1/persons/{person}/disclosures?offset={n}"),
            format!("/api/v1/persons/{person}/access-log?offset={n}"),
            format!("/api/hsds/services?page={n}"),
            format!("/api/hsds/organizations?page={n}&per_page={n}"),
        ] {
            let resp = app.api(&admin, axum::http::Method::GET, &path, None).await;
            let expected = match (path.starts_with("/api/hsds"), n == "9223372036854775807") {
                (true, _) => StatusCode::UNPROCESSABLE_ENTITY,
                (false, true) => StatusCode::OK,
                (false, false) => StatusCode::BAD_REQUEST,
            };
            assert_eq!(resp.status, expected, "{path}: {}", resp.body);
            if resp.status == StatusCode::OK {
                assert!(resp.body.contains("[]"), "an empty page: {path}: {}", resp.body);
            }
        }
    }
}
