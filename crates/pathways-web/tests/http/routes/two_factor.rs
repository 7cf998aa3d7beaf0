//! Two-factor sign-in: enrollment required by role before any page, the second step with a code (once) or a
//! recovery code (once), wrong codes slowed, the account page, and an administrator's reset.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use pathways_domain::two_factor::{DIGITS, STEP_SECS, code_at, secret_from_base32};
use pathways_domain::{AccountId, Role};

use super::auth::{get_with, session_cookie, sign_in};
use crate::util::{PASSWORD, Staff, TestApp, TestResponse, csrf_in, set_cookies};

/// The cookie a response set by this name (`name=value`), if any.
fn cookie_named(resp: &TestResponse, name: &str) -> Option<String> {
    set_cookies(&resp.headers).into_iter().find(|c| c.starts_with(&format!("{name}=")) && c.len() > name.len() + 1)
}

/// Posts a pre-sign-in form (the second step, enrollment) with the waiting sign-in's cookie and a fresh CSRF pair.
async fn post_step(app: &TestApp, pending: &str, path: &str, code: &str) -> TestResponse {
    let form = get_with(app, pending, path).await;
    let csrf = csrf_in(&form.body);
    let mut cookies = set_cookies(&form.headers);
    cookies.push(pending.to_owned());
    let body = serde_urlencoded::to_string([("csrf", csrf.as_str()), ("code", code), ("next", "")]).expect("form");
    app.send(
        Request::post(path)
            .header(header::COOKIE, cookies.join("; "))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ORIGIN, "http://localhost")
            .header(header::HOST, "localhost")
            .body(Body::from(body))
            .expect("req"),
    )
    .await
}

/// The setup key shown on an enrollment page, as bytes.
fn secret_on(page: &str) -> Vec<u8> {
    let at = page.find("id=\"two-factor-secret\"").expect("a setup key");
    let text = page[at..].split('>').nth(1).and_then(|s| s.split('<').next()).expect("key text");
    secret_from_base32(text).expect("base32")
}

fn now() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).expect("time")
}

/// The code of the step after the last one used (always within a step of now): a fresh, valid code.
async fn fresh_code(app: &TestApp, account: AccountId, secret: &[u8]) -> String {
    let tf = pathways_store::two_factor::find(app.db.store.reader(), account).await.expect("query").expect("enrolled");
    let current = now() / STEP_SECS;
    let step = tf.last_used_step.map_or(current, |last| (last as u64 + 1).max(current));
    code_at(secret, DIGITS, step * STEP_SECS)
}

/// Signs a clinician in through enrollment; returns the secret, the recovery codes and the session cookie.
async fn enroll_at_sign_in(app: &TestApp, who: &Staff) -> (Vec<u8>, Vec<String>, String) {
    let resp = sign_in(app, &who.email, PASSWORD, "").await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.body);
    assert_eq!(resp.location(), "/login/enroll");
    let pending = cookie_named(&resp, "pathways_pending").expect("a waiting sign-in");
    let page = get_with(app, &pending, "/login/enroll").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("data:image/svg+xml;base64,"), "the QR code is drawn here");
    let secret = secret_on(&page.body);
    let done = post_step(app, &pending, "/login/enroll", &code_at(&secret, DIGITS, now())).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    let codes: Vec<String> =
        done.body.split("<li><code>").skip(1).map(|s| s.split('<').next().unwrap_or_default().to_owned()).collect();
    (secret, codes, session_cookie(&done))
}

#[tokio::test]
async fn a_clinician_sets_up_an_authenticator_before_reaching_any_page() {
    let app = TestApp::new().await;
    let clinician = app.staff(app.org, Role::Clinician).await;
    let resp = sign_in(&app, &clinician.email, PASSWORD, "/persons").await;
    assert_eq!(resp.status, StatusCode::SEE_OTHER);
    assert_eq!(resp.location(), "/login/enroll?next=%2Fpersons");
    assert!(set_cookies(&resp.headers).iter().all(|c| !c.starts_with("pathways_session=") || c.len() < 20));
    let pending = cookie_named(&resp, "pathways_pending").expect("a waiting sign-in");
    // The waiting sign-in opens nothing but its own steps.
    assert!(get_with(&app, &pending, "/persons").await.location().starts_with("/login?next="));
    assert_eq!(get_with(&app, &pending, "/login/two-factor").await.location(), "/login/enroll");
    let page = get_with(&app, &pending, "/login/enroll").await;
    let secret = secret_on(&page.body);
    assert_eq!(secret_on(&get_with(&app, &pending, "/login/enroll").await.body), secret, "a reload keeps the key");

    let wrong = post_step(&app, &pending, "/login/enroll", "000000").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.body.contains("That code didn") && wrong.body.contains("role=\"alert\""), "{}", wrong.body);
    let done = post_step(&app, &pending, "/login/enroll", &code_at(&secret, DIGITS, now())).await;
    assert_eq!(done.status, StatusCode::OK);
    assert_eq!(done.body.matches("<li><code>").count(), 10, "ten recovery codes");
    let session = session_cookie(&done);
    assert_eq!(get_with(&app, &session, "/persons").await.status, StatusCode::OK);
    // The waiting sign-in is spent.
    assert_eq!(get_with(&app, &pending, "/login/enroll").await.location(), "/login");
    let actions: Vec<String> = app.audit_actions().await.into_iter().map(|(a, _, _)| a).collect();
    assert!(actions.contains(&"two_factor_enroll".to_owned()) && actions.contains(&"two_factor_failed".to_owned()));
}

#[tokio::test]
async fn a_code_signs_in_once_and_a_recovery_code_once() {
    let app = TestApp::new().await;
    let clinician = app.staff(app.org, Role::Clinician).await;
    let (secret, codes, _) = enroll_at_sign_in(&app, &clinician).await;
    assert_eq!(codes.len(), 10);

    let resp = sign_in(&app, &clinician.email, PASSWORD, "").await;
    assert_eq!(resp.location(), "/login/two-factor");
    let pending = cookie_named(&resp, "pathways_pending").expect("pending");
    assert!(get_with(&app, &pending, "/login/two-factor").await.body.contains("Enter your sign-in code"));
    // The code used to enroll is spent.
    let tf = pathways_store::two_factor::find(app.db.store.reader(), clinician.id).await.expect("q").expect("tf");
    let used = code_at(&secret, DIGITS, tf.last_used_step.expect("step") as u64 * STEP_SECS);
    let reused = post_step(&app, &pending, "/login/two-factor", &used).await;
    assert_eq!(reused.status, StatusCode::UNAUTHORIZED);
    assert!(reused.body.contains("already used"), "{}", reused.body);
    let ok = post_step(&app, &pending, "/login/two-factor", &fresh_code(&app, clinician.id, &secret).await).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    assert_eq!(ok.location(), "/staff");
    assert_eq!(get_with(&app, &session_cookie(&ok), "/persons").await.status, StatusCode::OK);

    // A recovery code instead of the app, once.
    for (expected, code) in
        [(StatusCode::SEE_OTHER, codes[3].to_uppercase()), (StatusCode::UNAUTHORIZED, codes[3].clone())]
    {
        let resp = sign_in(&app, &clinician.email, PASSWORD, "").await;
        let pending = cookie_named(&resp, "pathways_pending").expect("pending");
        assert_eq!(post_step(&app, &pending, "/login/two-factor", &code).await.status, expected);
    }
    let audit = pathways_store::audit::recent(app.db.store.reader(), 50).await.expect("audit");
    assert!(audit.iter().any(|r| r.action == "sign_in" && r.detail.as_deref() == Some("second_factor=recovery_code")));
}

#[tokio::test]
async fn wrong_codes_are_slowed_like_wrong_passwords() {
    let app = TestApp::new().await;
    let clinician = app.staff(app.org, Role::Clinician).await;
    let (secret, _, _) = enroll_at_sign_in(&app, &clinician).await;
    let resp = sign_in(&app, &clinician.email, PASSWORD, "").await;
    let pending = cookie_named(&resp, "pathways_pending").expect("pending");
    for _ in 0..5 {
        assert_eq!(post_step(&app, &pending, "/login/two-factor", "123 456").await.status, StatusCode::UNAUTHORIZED);
    }
    let slowed = post_step(&app, &pending, "/login/two-factor", &fresh_code(&app, clinician.id, &secret).await).await;
    assert_eq!(slowed.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(slowed.header("retry-after"), "30");
    assert!(slowed.body.contains("Please try again in 30 seconds."));
}

#[tokio::test]
async fn a_coach_may_turn_two_factor_on_and_off_and_a_clinician_may_not_turn_it_off() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let page = app.page(&coach, "/account/two-factor").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("is off for your account"));
    // A coach signs in with the password alone until they choose otherwise.
    assert_eq!(sign_in(&app, &coach.email, PASSWORD, "").await.location(), "/staff");
    let setup = app.post_form(&coach, "/account/two-factor/start", &[]).await;
    assert_eq!(setup.status, StatusCode::OK);
    let secret = secret_on(&setup.body);
    let wrong = app.post_form(&coach, "/account/two-factor", &[("code", "999999")]).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(secret_on(&wrong.body), secret);
    let on = app.post_form(&coach, "/account/two-factor", &[("code", &code_at(&secret, DIGITS, now()))]).await;
    assert_eq!(on.status, StatusCode::OK);
    let codes: Vec<&str> = on.body.split("<li><code>").skip(1).filter_map(|s| s.split('<').next()).collect();
    assert_eq!(codes.len(), 10);
    assert!(app.page(&coach, "/account/two-factor").await.body.contains("10 recovery codes left."));
    assert_eq!(sign_in(&app, &coach.email, PASSWORD, "").await.location(), "/login/two-factor");

    let off = app.post_form(&coach, "/account/two-factor/off", &[("code", codes[0])]).await;
    assert_eq!(off.status, StatusCode::SEE_OTHER, "{}", off.body);
    assert!(app.page(&coach, "/account/two-factor").await.body.contains("is off for your account"));
    assert_eq!(sign_in(&app, &coach.email, PASSWORD, "").await.location(), "/staff");

    let clinician = app.staff(app.org, Role::Clinician).await;
    let (secret, _, session) = enroll_at_sign_in(&app, &clinician).await;
    let clinician = Staff {
        cookie: session.clone(),
        csrf: csrf_in(&get_with(&app, &session, "/account/two-factor").await.body),
        ..clinician
    };
    let code = fresh_code(&app, clinician.id, &secret).await;
    assert_eq!(
        app.post_form(&clinician, "/account/two-factor/off", &[("code", &code)]).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(app.page(&clinician, "/account/two-factor").await.body.contains("requires two-factor sign-in"));
}

#[tokio::test]
async fn an_admin_resets_a_lost_authenticator_in_their_own_organization_only() {
    let app = TestApp::new().await;
    let clinician = app.staff(app.org, Role::Clinician).await;
    enroll_at_sign_in(&app, &clinician).await;
    let path = format!("/admin/two-factor/{}/reset", clinician.id);

    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(app.page(&coach, "/admin/two-factor").await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post_form(&coach, &path, &[]).await.status, StatusCode::FORBIDDEN);
    let outsider = app.staff(app.other_org, Role::Admin).await;
    assert_eq!(app.post_form(&outsider, &path, &[]).await.status, StatusCode::NOT_FOUND);
    assert!(!app.page(&outsider, "/admin/two-factor").await.body.contains(&clinician.email));

    let admin = app.staff(app.org, Role::Admin).await;
    let list = app.page(&admin, "/admin/two-factor").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains(&clinician.email));
    let reset = app.post_form(&admin, &path, &[]).await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER);
    assert!(pathways_store::two_factor::find(app.db.store.reader(), clinician.id).await.expect("q").is_none());
    assert!(
        app.audit_actions()
            .await
            .iter()
            .any(|(a, _, id)| a == "two_factor_reset" && *id == Some(clinician.id.as_uuid()))
    );
    // The clinician sets up a new authenticator at the next sign-in.
    assert_eq!(sign_in(&app, &clinician.email, PASSWORD, "").await.location(), "/login/enroll");
    assert_eq!(app.post_form(&admin, &path, &[]).await.status, StatusCode::NOT_FOUND, "nothing left to reset");
}

#[tokio::test]
async fn the_required_roles_are_a_setting() {
    let db_app = TestApp::new().await;
    let config = pathways_web::Config::for_database(&db_app.db.url).with_two_factor_required(&[Role::Coach]);
    let state = pathways_web::AppState::new(db_app.db.store.clone(), config);
    let app = TestApp { router: pathways_web::router(state.clone()), state, ..db_app };
    let clinician = app.staff(app.org, Role::Clinician).await;
    assert_eq!(sign_in(&app, &clinician.email, PASSWORD, "").await.location(), "/staff");
    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(sign_in(&app, &coach.email, PASSWORD, "").await.location(), "/login/enroll");
}

#[tokio::test]
async fn every_two_factor_route_answers_each_kind_of_account() {
    let app = TestApp::new().await;
    let someone = app.person(app.org, "Sam Doe", None).await;
    let person = app.person_login(app.org, someone).await;
    let ally = app.ally_login(app.org, someone, "Maria").await;
    let mut callers: Vec<(String, Staff)> = vec![("person".into(), person), ("ally".into(), ally)];
    for role in Role::ALL {
        callers.push((role.as_str().into(), app.staff(app.org, role).await));
    }
    let target = app.staff(app.org, Role::Clinician).await;
    let reset = format!("/admin/two-factor/{}/reset", target.id);
    for (who, caller) in &callers {
        let admin = who == "admin";
        let staff = !matches!(who.as_str(), "person" | "ally");
        // Everyone signed in has their own account page, and may start enrolling.
        assert_eq!(app.page(caller, "/account/two-factor").await.status, StatusCode::OK, "{who}");
        assert_eq!(app.post_form(caller, "/account/two-factor/start", &[]).await.status, StatusCode::OK, "{who}");
        // Only administrators reach the reset page; persons and allies are sent to the staff sign-in.
        let list = app.page(caller, "/admin/two-factor").await;
        let post = app.post_form(caller, &reset, &[]).await;
        let expected = match (admin, staff) {
            (true, _) => (StatusCode::OK, StatusCode::NOT_FOUND),
            (false, true) => (StatusCode::FORBIDDEN, StatusCode::FORBIDDEN),
            (false, false) => (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER),
        };
        assert_eq!((list.status, post.status), expected, "{who}");
    }
    // Nobody signed in: every page sends them to sign in; the sign-in steps without a waiting sign-in start over.
    for path in ["/account/two-factor", "/admin/two-factor"] {
        let resp = app.send(Request::get(path).body(Body::empty()).expect("req")).await;
        assert!(resp.location().starts_with("/login?next="), "{path}");
    }
    for path in ["/login/two-factor", "/login/enroll"] {
        let resp = app.send(Request::get(path).body(Body::empty()).expect("req")).await;
        assert_eq!((resp.status, resp.location()), (StatusCode::SEE_OTHER, "/login"), "{path}");
    }
}
