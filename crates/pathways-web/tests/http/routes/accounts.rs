//! Accounts (issue 22): changing a password, reset links issued by an administrator or a person's coach and used
//! once, the administrator's list with disable and enable, a person removing an ally, invitations limited per
//! invitation and silent about usernames, and the reset mailed through a real local SMTP server.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use pathways_domain::Role;
use pathways_store::sea_orm::{ConnectionTrait, Statement};
use serde_json::json;

use crate::util::{PASSWORD, Staff, TestApp, TestResponse, csrf_in, set_cookies};

const NEW_PASSWORD: &str = "violet harbor pinecone tundra 7";

/// An anonymous browser: opens `page` (for its CSRF cookie and token), then posts `fields` to `to`.
async fn anonymous_post(app: &TestApp, page: &str, to: &str, fields: &[(&str, &str)]) -> TestResponse {
    let form = app.send(Request::get(page).body(Body::empty()).expect("req")).await;
    assert!(form.status.is_success(), "{page}: {}", form.status);
    let cookies = set_cookies(&form.headers).join("; ");
    let csrf = csrf_in(&form.body);
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    app.send(
        Request::post(to)
            .header(header::COOKIE, cookies)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ORIGIN, "http://localhost")
            .header(header::HOST, "localhost")
            .body(Body::from(serde_urlencoded::to_string(&all).expect("form")))
            .expect("req"),
    )
    .await
}

async fn sign_in(app: &TestApp, login: &str, password: &str) -> TestResponse {
    anonymous_post(app, "/login", "/login", &[("login", login), ("password", password), ("next", "")]).await
}

fn session_of(resp: &TestResponse) -> String {
    set_cookies(&resp.headers)
        .into_iter()
        .find(|c| c.starts_with("pathways_session=") && c.len() > 20)
        .unwrap_or_else(|| panic!("a session cookie: {:?}", resp.headers))
}

/// The same browser with another cookie (a new session after a password change).
fn with_cookie(who: &Staff, cookie: String) -> Staff {
    Staff { cookie, ..who.clone() }
}

/// A second signed-in session of the same account (another phone or computer).
async fn another_session(app: &TestApp, who: &Staff) -> Staff {
    let token = pathways_web::auth::secret::random_token();
    let csrf = pathways_web::auth::secret::random_token();
    let hash = pathways_web::auth::secret::token_hash(&token);
    pathways_store::sessions::create(app.db.store.writer(), who.id, &hash, &csrf).await.expect("session");
    Staff { cookie: format!("pathways_session={token}"), csrf, ..who.clone() }
}

/// The text between `start` and the next `end` in `body`.
fn between<'a>(body: &'a str, start: &str, end: &str) -> &'a str {
    let at = body.find(start).unwrap_or_else(|| panic!("{start:?} in {body}")) + start.len();
    body[at..].split(end).next().unwrap_or_default()
}

/// The token of the reset link and its code, from the page it is shown on once.
fn issued(body: &str) -> (String, String) {
    (between(body, "/reset/", "<").to_owned(), between(body, "<strong class=\"code\">", "<").to_owned())
}

async fn signed_out(app: &TestApp, who: &Staff, path: &str) -> bool {
    let r = app.page(who, path).await;
    r.status == StatusCode::SEE_OTHER && r.location().starts_with("/login")
}

#[tokio::test]
async fn a_password_change_needs_the_current_password_and_ends_every_other_session() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let phone = another_session(&app, &coach).await;
    let form = app.page(&coach, "/account/password").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("autocomplete=\"current-password\""));
    assert!(app.page(&coach, "/staff").await.body.contains("href=\"/account/password\""), "linked from every page");

    let wrong = app
        .post_form(
            &coach,
            "/account/password",
            &[("current", "not my password at all"), ("password", NEW_PASSWORD), ("password_again", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("not the password you use now"), "{}", wrong.body);
    let weak = app
        .post_form(
            &coach,
            "/account/password",
            &[("current", PASSWORD), ("password", "password1234"), ("password_again", "password1234")],
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.body.contains("too easy to guess"));
    let differ = app
        .post_form(
            &coach,
            "/account/password",
            &[("current", PASSWORD), ("password", NEW_PASSWORD), ("password_again", "something else")],
        )
        .await;
    assert!(differ.body.contains("not the same"));
    assert!(!signed_out(&app, &phone, "/staff").await, "nothing ended while the change was refused");

    let done = app
        .post_form(
            &coach,
            "/account/password",
            &[("current", PASSWORD), ("password", NEW_PASSWORD), ("password_again", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), "/staff");
    let fresh = with_cookie(&coach, session_of(&done));
    assert_ne!(fresh.cookie, coach.cookie, "this browser gets a fresh token");
    assert_eq!(app.page(&fresh, "/staff").await.status, StatusCode::OK, "this browser stays signed in");
    assert!(signed_out(&app, &phone, "/staff").await, "the other session ended");
    assert!(signed_out(&app, &coach, "/staff").await, "the old token of this browser ended too");
    assert_eq!(sign_in(&app, &coach.email, PASSWORD).await.status, StatusCode::UNAUTHORIZED, "the old password");
    assert_eq!(sign_in(&app, &coach.email, NEW_PASSWORD).await.status, StatusCode::SEE_OTHER, "the new one");
    let actions = app.audit_actions().await;
    assert!(
        actions.iter().any(|(a, o, id)| a == "password_change" && o == "failed" && *id == Some(coach.id.as_uuid()))
    );
    assert!(actions.iter().any(|(a, o, _)| a == "password_change" && o == "success"));
}

#[tokio::test]
async fn persons_and_allies_change_their_own_passwords_too_and_wrong_ones_are_throttled() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Sam Rivera", Some(coach.id)).await;
    let me = app.person_login(app.org, p).await;
    let ally = app.ally_login(app.org, p, "Maria").await;
    for who in [&me, &ally] {
        let page = app.page(who, "/account/password").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Change your password"));
    }
    let done = app
        .post_form(
            &ally,
            "/account/password",
            &[("current", PASSWORD), ("password", NEW_PASSWORD), ("password_again", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(done.location(), "/ally", "an ally goes back to their own home");
    let nobody = app.send(Request::get("/account/password").body(Body::empty()).expect("req")).await;
    assert!(nobody.location().starts_with("/login"), "nobody signed in is sent to sign in");

    for _ in 0..5 {
        let r =
            app.post_form(&me, "/account/password", &[("current", "a wrong guess"), ("password", NEW_PASSWORD)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let right = app
        .post_form(
            &me,
            "/account/password",
            &[("current", PASSWORD), ("password", NEW_PASSWORD), ("password_again", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS, "five wrong current passwords: wait");
}

/// The story: a person forgets their password; their coach makes a reset link; the person sets a new
/// password with it (every session ends) and signs in; the link works once.
#[tokio::test]
async fn a_coach_gives_an_assigned_person_a_reset_link_that_works_once() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Sam Rivera", Some(coach.id)).await;
    let me = app.person_login(app.org, p).await;
    let person_page = app.page(&coach, &format!("/persons/{p}")).await.body;
    assert!(person_page.contains(&format!("action=\"/persons/{p}/reset\"")), "the coach sees the reset button");

    let made = app.post_form(&coach, &format!("/persons/{p}/reset"), &[]).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let (token, code) = issued(&made.body);
    assert_eq!(token.len(), 43);
    assert_eq!(code.len(), 9);
    let stored = pathways_store::resets::find(app.db.store.reader(), &token).await.expect("query");
    assert!(stored.is_none(), "only the hash is stored");
    assert!(!signed_out(&app, &me, "/me").await, "issuing alone ends nothing");

    let form = app.send(Request::get(format!("/reset/{token}")).body(Body::empty()).expect("req")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Choose a new password"));
    let weak = anonymous_post(
        &app,
        &format!("/reset/{token}"),
        "/reset",
        &[("token", &token), ("password", "password1234"), ("password_again", "password1234")],
    )
    .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.body.contains("too easy to guess"));
    let set = anonymous_post(
        &app,
        &format!("/reset/{token}"),
        "/reset",
        &[("token", &token), ("password", NEW_PASSWORD), ("password_again", NEW_PASSWORD)],
    )
    .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    assert_eq!(set.location(), "/login");
    assert!(signed_out(&app, &me, "/me").await, "every session of the account ended");
    let signed = sign_in(&app, &me.email, NEW_PASSWORD).await;
    assert_eq!((signed.status, signed.location()), (StatusCode::SEE_OTHER, "/me"));

    let again = app.send(Request::get(format!("/reset/{token}")).body(Body::empty()).expect("req")).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "used once is used up");
    let replay = anonymous_post(
        &app,
        "/reset",
        "/reset",
        &[
            ("code", &code),
            ("password", "another good passphrase 42"),
            ("password_again", "another good passphrase 42"),
        ],
    )
    .await;
    assert_eq!(replay.status, StatusCode::NOT_FOUND, "nor its code");
    // A code is tried only where tries are counted (the form), never as a link.
    let fresh = app.post_form(&coach, &format!("/persons/{p}/reset"), &[]).await;
    let (_, fresh_code) = issued(&fresh.body);
    let as_link = format!("/reset/{}", fresh_code.replace('-', ""));
    assert_eq!(app.send(Request::get(as_link).body(Body::empty()).expect("req")).await.status, StatusCode::NOT_FOUND);
    let unknown = app.send(Request::get("/reset/not-a-real-token").body(Body::empty()).expect("req")).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(
        between(&unknown.body, "<main", "</main>"),
        between(&again.body, "<main", "</main>"),
        "one answer for unknown and used"
    );

    let actions = app.audit_actions().await;
    assert!(actions.iter().any(|(a, _, id)| a == "password_reset_issue" && *id == Some(p.as_uuid())));
    assert!(actions.iter().any(|(a, o, _)| a == "password_reset_use" && o == "success"));
    assert!(actions.iter().any(|(a, o, _)| a == "password_reset_use" && o == "failed"));
    let log = app.page(&with_cookie(&me, session_of(&signed)), "/me/access-log").await.body;
    assert!(log.contains("made a password reset link for your portal account"), "in the person's access log");
}

#[tokio::test]
async fn a_reset_code_works_instead_of_the_link_and_a_reset_expires_after_24_hours() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let coach = app.staff(app.org, Role::Coach).await;
    let made = app.post_form(&admin, &format!("/accounts/{}/reset", coach.id), &[]).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let (_, code) = issued(&made.body);
    let by_code = anonymous_post(
        &app,
        "/reset",
        "/reset",
        &[
            ("code", &code.to_lowercase().replace('-', " ")),
            ("password", NEW_PASSWORD),
            ("password_again", NEW_PASSWORD),
        ],
    )
    .await;
    assert_eq!(by_code.status, StatusCode::SEE_OTHER, "a typed code, in any case and spacing: {}", by_code.body);

    let made = app.post_form(&admin, &format!("/accounts/{}/reset", coach.id), &[]).await;
    let (token, _) = issued(&made.body);
    let newer = app.post_form(&admin, &format!("/accounts/{}/reset", coach.id), &[]).await;
    let (newest, _) = issued(&newer.body);
    let superseded = app.send(Request::get(format!("/reset/{token}")).body(Body::empty()).expect("req")).await;
    assert_eq!(superseded.status, StatusCode::NOT_FOUND, "a newer link ends the older one");

    let db = app.db.store.writer();
    let backend = db.get_database_backend();
    let sql = match backend {
        pathways_store::sea_orm::DbBackend::Postgres => "UPDATE password_reset SET expires_at = $1",
        _ => "UPDATE password_reset SET expires_at = ?",
    };
    let just_now = pathways_store::now() - chrono::Duration::seconds(1);
    db.execute_raw(Statement::from_sql_and_values(backend, sql, [just_now.into()])).await.expect("age");
    let expired = app.send(Request::get(format!("/reset/{newest}")).body(Body::empty()).expect("req")).await;
    assert_eq!(expired.status, StatusCode::NOT_FOUND);
    assert!(expired.body.contains("more than 24 hours old"));
}

#[tokio::test]
async fn only_a_persons_coach_or_an_admin_may_reset_and_other_organizations_are_not_found() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let other_coach = app.staff(app.org, Role::Coach).await;
    let clinician = app.staff(app.org, Role::Clinician).await;
    let admin = app.staff(app.org, Role::Admin).await;
    let far_admin = app.staff(app.other_org, Role::Admin).await;
    let p = app.person(app.org, "Sam Rivera", Some(coach.id)).await;
    let me = app.person_login(app.org, p).await;
    let path = format!("/persons/{p}/reset");
    assert_eq!(app.post_form(&other_coach, &path, &[]).await.status, StatusCode::NOT_FOUND, "not their person");
    assert_eq!(app.post_form(&far_admin, &path, &[]).await.status, StatusCode::NOT_FOUND, "another organization");
    assert_eq!(app.post_form(&clinician, &path, &[]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post_form(&admin, &path, &[]).await.status, StatusCode::OK);
    let csrf_less = app
        .send(
            Request::post(&path)
                .header(header::COOKIE, &coach.cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::empty())
                .expect("req"),
        )
        .await;
    assert_eq!(csrf_less.status, StatusCode::FORBIDDEN, "the form needs its CSRF token");
    let far = app.post_form(&far_admin, &format!("/accounts/{}/reset", me.id), &[]).await;
    assert_eq!(far.status, StatusCode::NOT_FOUND, "another organization's account");
    assert_eq!(app.post_form(&coach, &format!("/accounts/{}/reset", me.id), &[]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post_form(&me, &path, &[]).await.status, StatusCode::NOT_FOUND, "a person is not staff");
    let denied = app.audit_actions().await.iter().filter(|(a, _, _)| a == "access_denied").count();
    assert!(denied >= 3, "refusals are audited");

    // A person with no account yet: nothing is made, and the page says to invite them.
    let q = app.person(app.org, "No Account Yet", Some(coach.id)).await;
    let none = app.post_form(&coach, &format!("/persons/{q}/reset"), &[]).await;
    assert_eq!(none.status, StatusCode::OK);
    assert!(none.body.contains("has no portal account yet"));
    // Inviting a person who already has an account offers a reset instead of a second account.
    let already = app.post_form(&coach, &format!("/persons/{p}/invite"), &[]).await;
    assert!(already.body.contains(&format!("action=\"/persons/{p}/reset\"")), "{}", already.body);
}

#[tokio::test]
async fn an_admin_lists_disables_enables_and_resets_the_organizations_accounts() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let coach = app.staff(app.org, Role::Coach).await;
    let far = app.staff(app.other_org, Role::Coach).await;
    let p = app.person(app.org, "Sam Rivera", Some(coach.id)).await;
    let me = app.person_login(app.org, p).await;
    let ally = app.ally_login(app.org, p, "Maria Ally").await;

    let list = app.page(&admin, "/accounts").await;
    assert_eq!(list.status, StatusCode::OK);
    for login in [&coach.email, &me.email, &ally.email] {
        assert!(list.body.contains(login.as_str()), "{login}");
    }
    assert!(!list.body.contains(&far.email), "only this organization's accounts");
    assert!(!list.body.contains(&format!("/accounts/{}/disable", admin.id)), "not one's own account");
    assert!(app.page(&admin, "/staff").await.body.contains("href=\"/accounts\""), "linked from the admin's home");
    assert_eq!(app.page(&coach, "/accounts").await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.page(&me, "/accounts").await.status, StatusCode::NOT_FOUND);

    let off = app.post_form(&admin, &format!("/accounts/{}/disable", ally.id), &[]).await;
    assert_eq!((off.status, off.location()), (StatusCode::SEE_OTHER, "/accounts"));
    assert!(signed_out(&app, &ally, "/ally").await, "the ally's session ended at once");
    assert_eq!(sign_in(&app, &ally.email, PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    let listed = app.page(&admin, "/accounts").await.body;
    assert!(!listed.contains(&format!("/accounts/{}/enable", ally.id)), "an ally comes back only by invitation");
    let ally_on = app.post_form(&admin, &format!("/accounts/{}/enable", ally.id), &[]).await;
    assert_eq!(ally_on.status, StatusCode::CONFLICT);
    assert_eq!(sign_in(&app, &ally.email, PASSWORD).await.status, StatusCode::UNAUTHORIZED);

    let off = app.post_form(&admin, &format!("/accounts/{}/disable", me.id), &[]).await;
    assert_eq!(off.status, StatusCode::SEE_OTHER);
    assert!(signed_out(&app, &me, "/me").await);
    assert!(app.page(&admin, "/accounts").await.body.contains(&format!("/accounts/{}/enable", me.id)));
    let on = app.post_form(&admin, &format!("/accounts/{}/enable", me.id), &[]).await;
    assert_eq!(on.status, StatusCode::SEE_OTHER);
    assert_eq!(sign_in(&app, &me.email, PASSWORD).await.status, StatusCode::SEE_OTHER, "signs in again");

    assert_eq!(
        app.post_form(&admin, &format!("/accounts/{}/disable", far.id), &[]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post_form(&admin, &format!("/accounts/{}/disable", admin.id), &[]).await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(app.post_form(&coach, &format!("/accounts/{}/disable", me.id), &[]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post_form(&admin, "/accounts/not-an-id/disable", &[]).await.status, StatusCode::NOT_FOUND);

    let reset = app.post_form(&admin, &format!("/accounts/{}/reset", me.id), &[]).await;
    assert_eq!(reset.status, StatusCode::OK);
    assert!(reset.body.contains("/reset/"));
    let actions = app.audit_actions().await;
    for action in ["account_list", "account_disable", "account_enable", "password_reset_issue"] {
        assert!(actions.iter().any(|(a, o, _)| a == action && o == "success"), "{action}");
    }
}

/// A person removes an ally who was shown their goals: the ally's account closes and its session ends in the
/// same moment, so the ally's next request shows nothing of the person.
#[tokio::test]
async fn a_person_removes_an_ally_whose_next_request_shows_nothing() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Sam Rivera", Some(coach.id)).await;
    let me = app.person_login(app.org, p).await;
    let ally = app.ally_login(app.org, p, "Maria Ally").await;
    let other = app.ally_login(app.org, p, "Jo Ally").await;
    let consent = json!({"categories": ["recovery_plan"], "recipient": {"kind": "ally", "account_id": ally.id.as_uuid()},
        "purpose": "Support my recovery", "expires_on": "2030-01-01", "signed_on": "2026-11-01", "paper_on_file": true});
    let made = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/consents"), Some(consent)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let before = app.page(&ally, "/ally").await;
    assert!(before.body.contains("Sam Rivera"), "the ally sees what the consent shares");

    let allies = app.page(&me, "/me/allies").await.body;
    assert!(allies.contains(&format!("action=\"/me/allies/{}/remove\"", ally.id)));
    // Another person can't remove this person's ally; a staff member has no such door.
    let q = app.person(app.org, "Someone Else", Some(coach.id)).await;
    let stranger = app.person_login(app.org, q).await;
    let path = format!("/me/allies/{}/remove", ally.id);
    assert_eq!(app.post_form(&stranger, &path, &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.post_form(&coach, &path, &[]).await.status, StatusCode::NOT_FOUND);
    assert!(!signed_out(&app, &ally, "/ally").await);

    let removed = app.post_form(&me, &path, &[]).await;
    assert_eq!((removed.status, removed.location()), (StatusCode::SEE_OTHER, "/me/allies"));
    let next = app.page(&ally, "/ally").await;
    assert_eq!(next.status, StatusCode::SEE_OTHER, "the ally's next request is not signed in");
    assert!(next.location().starts_with("/login"));
    assert!(!next.body.contains("Sam Rivera"));
    assert_eq!(sign_in(&app, &ally.email, PASSWORD).await.status, StatusCode::UNAUTHORIZED, "nor can they sign in");
    let allies = app.page(&me, "/me/allies").await.body;
    assert!(!allies.contains("Maria Ally") && allies.contains("Jo Ally"), "only the removed ally is gone");
    assert!(!signed_out(&app, &other, "/ally").await, "the other ally is untouched");
    assert_eq!(app.post_form(&me, &path, &[]).await.status, StatusCode::NOT_FOUND, "removed once");
    let actions = app.audit_actions().await;
    assert!(actions.iter().any(|(a, _, id)| a == "ally_remove" && *id == Some(p.as_uuid())));
    assert!(actions.iter().any(|(a, _, id)| a == "account_disable" && *id == Some(ally.id.as_uuid())));
}

/// Invitation acceptance says the same thing of a taken username as of a malformed one, and one invitation
/// survives five refusals: then it is used up and must be made again.
#[tokio::test]
async fn an_invitation_is_limited_and_says_nothing_about_which_usernames_exist() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let taken = app.person_login(app.org, app.person(app.org, "Existing", Some(coach.id)).await).await;
    let p = app.person(app.org, "Newcomer", Some(coach.id)).await;
    let made = app.post_form(&coach, &format!("/persons/{p}/invite"), &[]).await;
    let token = between(&made.body, "/invite/", "<").to_owned();
    let page = format!("/invite/{token}");
    let accept = |username: String| {
        let (app, page, token) = (&app, page.clone(), token.clone());
        async move {
            let fields = [
                ("token", token.as_str()),
                ("username", &username),
                ("password", NEW_PASSWORD),
                ("password_again", NEW_PASSWORD),
            ];
            anonymous_post(app, &page, "/invite", &fields).await
        }
    };
    let taken_answer = accept(taken.email.clone()).await;
    let malformed_answer = accept("No Such Shape!".into()).await;
    assert_eq!(taken_answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let message = |r: &TestResponse| between(&r.body, "role=\"alert\"", "</div>").to_owned();
    assert_eq!(message(&taken_answer), message(&malformed_answer), "the same answer: nothing tells a taken name");
    assert!(!taken_answer.body.contains("taken"));
    for _ in 0..2 {
        accept(taken.email.clone()).await;
    }
    let last = accept(taken.email.clone()).await;
    assert!(last.body.contains("tried too many times"), "the fifth refusal uses the invitation up");
    let even_good = accept("a-free-username".into()).await;
    assert!(even_good.body.contains("not valid"), "a used-up invitation opens nothing");
    assert!(
        pathways_store::accounts::find_by_username(app.db.store.reader(), "a-free-username")
            .await
            .expect("q")
            .is_none()
    );

    // A new invitation works with a free username.
    let made = app.post_form(&coach, &format!("/persons/{p}/invite"), &[]).await;
    let token = between(&made.body, "/invite/", "<").to_owned();
    let fields = [
        ("token", token.as_str()),
        ("username", "a-free-username"),
        ("password", NEW_PASSWORD),
        ("password_again", NEW_PASSWORD),
    ];
    let ok = anonymous_post(&app, &format!("/invite/{token}"), "/invite", &fields).await;
    assert_eq!((ok.status, ok.location()), (StatusCode::SEE_OTHER, "/me"), "{}", ok.body);
    let refused = app.audit_actions().await.iter().filter(|(a, o, _)| a == "invite_accept" && o == "failed").count();
    assert!(refused >= 6, "every refusal is audited (and counted per address): {refused}");
}

/// Whether Python's aiosmtpd (the local SMTP server of the mail test) can run; else why not. Under CI (`CI` set)
/// it must: `scripts/setup.sh` installs it.
pub(crate) fn aiosmtpd_missing() -> Option<String> {
    let probe = std::process::Command::new("python3").args(["-c", "import aiosmtpd"]).output();
    let reason = match probe {
        Ok(o) if o.status.success() => return None,
        Ok(o) => format!("aiosmtpd is not importable ({})", String::from_utf8_lossy(&o.stderr).trim()),
        Err(e) => format!("python3 cannot run ({e})"),
    };
    assert!(std::env::var_os("CI").is_none(), "CI must run the SMTP test, but {reason} (run scripts/setup.sh)");
    Some(reason)
}

/// A real SMTP server on a free local port, writing each message it receives into a Maildir.
pub(crate) struct SmtpServer {
    child: std::process::Child,
    pub(crate) port: u16,
    dir: tempfile::TempDir,
}

impl SmtpServer {
    pub(crate) async fn start() -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
        let dir = tempfile::tempdir().expect("dir");
        let child = std::process::Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
            .arg(dir.path().join("mail"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start aiosmtpd");
        let started = std::time::Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < std::time::Duration::from_secs(20), "the SMTP server did not start");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        Self { child, port, dir }
    }

    /// The messages received so far, as raw text with quoted-printable soft line breaks joined.
    pub(crate) fn messages(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.dir.path().join("mail").join("new")) else { return Vec::new() };
        entries
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .map(|m| m.replace("=\r\n", "").replace("=\n", ""))
            .collect()
    }

    pub(crate) fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// With `[smtp]` configured, a staff member's reset link is also mailed — through a real SMTP server — and the
/// message holds the link and code and nothing about anyone's care. A relay that is down is said on the page.
#[tokio::test]
async fn a_reset_link_is_mailed_through_a_real_smtp_server_without_health_information() {
    if let Some(why) = aiosmtpd_missing() {
        eprintln!("skipped: {why}");
        return;
    }
    let mut smtp = SmtpServer::start().await;
    let port = smtp.port;
    let app = TestApp::configured(|c| {
        c.public_url = Some("http://localhost".into());
        c.smtp = Some(pathways_web::config::SmtpSettings {
            host: "127.0.0.1".into(),
            port,
            from: "Pathways <no-reply@pathways.example.org>".into(),
            username: None,
            password: None,
            starttls: false,
        });
    })
    .await;
    let admin = app.staff(app.org, Role::Admin).await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Sam Rivera", Some(coach.id)).await;
    let consent = json!({"categories": ["recovery_plan"], "recipient": {"kind": "organization", "name": "Rushford Center"},
        "purpose": "Coordinate my care", "expires_on": "2030-01-01", "signed_on": "2026-11-01", "paper_on_file": true});
    app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/consents"), Some(consent)).await;

    let made = app.post_form(&admin, &format!("/accounts/{}/reset", coach.id), &[]).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    assert!(made.body.contains("also sent to the account"), "{}", made.body);
    let (token, code) = issued(&made.body);
    let started = std::time::Instant::now();
    let mut received = smtp.messages();
    while received.is_empty() {
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "no message arrived");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        received = smtp.messages();
    }
    assert_eq!(received.len(), 1);
    let mail = &received[0];
    assert!(mail.contains(&format!("To: {}", coach.email)), "{mail}");
    assert!(mail.contains("no-reply@pathways.example.org"));
    assert!(mail.contains(&format!("http://localhost/reset/{token}")), "the link: {mail}");
    assert!(mail.contains(&code), "the code: {mail}");
    for private in ["Sam Rivera", "Rushford", "Test coach", "recovery", "consent"] {
        assert!(!mail.to_lowercase().contains(&private.to_lowercase()), "{private} must not be in the email: {mail}");
    }
    // The mailed link works like the one on the page.
    let form = app.send(Request::get(format!("/reset/{token}")).body(Body::empty()).expect("req")).await;
    assert_eq!(form.status, StatusCode::OK);

    // A person's account has no email: the link is shown, nothing is sent.
    let me = app.person_login(app.org, p).await;
    let shown = app.post_form(&admin, &format!("/accounts/{}/reset", me.id), &[]).await;
    assert!(!shown.body.contains("also sent") && shown.body.contains("/reset/"));
    assert_eq!(smtp.messages().len(), 1);

    smtp.stop();
    let down = app.post_form(&admin, &format!("/accounts/{}/reset", coach.id), &[]).await;
    assert_eq!(down.status, StatusCode::OK, "a relay that is down is no error: the link is on the page");
    assert!(down.body.contains("could not be sent by email") && down.body.contains("/reset/"));
}

/// The account routes × every staff role × (assigned, a colleague's, another organization's person), and a
/// person and an ally: the status each gets, and the audit event a reset attempt leaves.
#[tokio::test]
async fn account_routes_answer_every_role_as_the_rules_say() {
    let app = TestApp::new().await;
    let colleague = app.staff(app.org, Role::Coach).await;
    let far_coach = app.staff(app.other_org, Role::Coach).await;
    let mut failures = Vec::new();
    for role in Role::ALL {
        let who = app.staff(app.org, role).await;
        let check = |failures: &mut Vec<String>, what: &str, got: StatusCode, want: StatusCode| {
            if got != want {
                failures.push(format!("{role:?} {what}: got {got}, want {want}"));
            }
        };
        check(&mut failures, "GET /account/password", app.page(&who, "/account/password").await.status, StatusCode::OK);
        let admin = role == Role::Admin;
        let want = if admin { StatusCode::OK } else { StatusCode::FORBIDDEN };
        check(&mut failures, "GET /accounts", app.page(&who, "/accounts").await.status, want);
        for (target, coach, org) in [
            ("assigned", who.id, app.org),
            ("colleague's", colleague.id, app.org),
            ("other org", far_coach.id, app.other_org),
        ] {
            let p = app.person(org, "Matrix Person", Some(coach)).await;
            let account = app.person_login(org, p).await;
            let reach = match role {
                Role::Admin => Some(target != "other org"),
                Role::Coach => Some(target == "assigned"),
                _ => None,
            };
            let want = match reach {
                Some(true) => StatusCode::OK,
                Some(false) => StatusCode::NOT_FOUND,
                None => StatusCode::FORBIDDEN,
            };
            let before = app.audit_actions().await.len();
            let got = app.post_form(&who, &format!("/persons/{p}/reset"), &[]).await;
            check(&mut failures, &format!("POST /persons/{{id}}/reset ({target})"), got.status, want);
            let after = app.audit_actions().await;
            let new: Vec<_> = after[before..].iter().map(|(a, o, s)| (a.clone(), o.clone(), *s)).collect();
            let want_audit = if reach == Some(true) {
                ("password_reset_issue".to_owned(), "success".to_owned(), Some(p.as_uuid()))
            } else {
                ("access_denied".to_owned(), "denied".to_owned(), Some(p.as_uuid()))
            };
            if new != [want_audit.clone()] {
                failures.push(format!("{role:?} reset ({target}): audit {new:?}, want [{want_audit:?}]"));
            }
            if reach != Some(true) && got.body.contains("/reset/") {
                failures.push(format!("{role:?} reset ({target}): a refused answer carries a link"));
            }
            let want = match (admin, target) {
                (true, "other org") => StatusCode::NOT_FOUND,
                (true, _) => StatusCode::SEE_OTHER,
                _ => StatusCode::FORBIDDEN,
            };
            let got = app.post_form(&who, &format!("/accounts/{}/disable", account.id), &[]).await.status;
            check(&mut failures, &format!("POST /accounts/{{account}}/disable ({target})"), got, want);
        }
    }
    let p = app.person(app.org, "Portal Person", Some(colleague.id)).await;
    let me = app.person_login(app.org, p).await;
    let ally = app.ally_login(app.org, p, "Portal Ally").await;
    for who in [&me, &ally] {
        assert_eq!(app.page(who, "/account/password").await.status, StatusCode::OK);
        assert_eq!(app.page(who, "/accounts").await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.post_form(who, &format!("/persons/{p}/reset"), &[]).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.post_form(who, &format!("/accounts/{}/reset", me.id), &[]).await.status, StatusCode::NOT_FOUND);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
