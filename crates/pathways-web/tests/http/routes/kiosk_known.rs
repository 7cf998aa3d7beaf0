//! The quick sign-in of a person already known at a center's kiosk (issue 20, branch kiosk-known): staff issue a
//! person their check-in code from the record (shown once); at the kiosk the person types it instead of a name —
//! the tablet says only "you are signed in"; the visit is counted, on the person's record, audited on it with the
//! kiosk's actor, and counts them once in people served however many visits; a wrong, replaced, removed or another
//! organization's code is "not recognised", and too many wrong codes stop the kiosk taking codes (names still
//! sign in).

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use pathways_domain::Role;
use pathways_domain::community::kiosk_code::WRONG_CODES_PER_WINDOW;

use crate::util::{Staff, TestApp, TestResponse, csrf_in, set_cookies};

/// A request from a kiosk tablet, with its cookies.
fn tablet(method: &str, path: &str, cookies: &str, body: Option<String>) -> Request<Body> {
    let r = Request::builder().method(method).uri(path).header(header::COOKIE, cookies);
    match body {
        Some(b) => {
            r.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(Body::from(b)).expect("request")
        }
        None => r.body(Body::empty()).expect("request"),
    }
}

/// A kiosk opened by `opener` (whose session on the tablet ends): its cookies and the form's CSRF token.
struct Tablet {
    cookies: String,
    csrf: String,
}

async fn open_kiosk(app: &TestApp, opener: &Staff) -> Tablet {
    let opened = app.post_form(opener, "/community/kiosks", &[]).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    let kiosk =
        set_cookies(&opened.headers).into_iter().find(|c| c.starts_with("pathways_kiosk=")).expect("a kiosk cookie");
    let form = app.send(tablet("GET", "/kiosk", &kiosk, None)).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    Tablet { cookies: format!("{kiosk}; {}", set_cookies(&form.headers).join("; ")), csrf: csrf_in(&form.body) }
}

impl Tablet {
    async fn sign_in(&self, app: &TestApp, fields: &[(&str, &str)]) -> TestResponse {
        let mut all = vec![("csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        let body = serde_urlencoded::to_string(&all).expect("form");
        app.send(tablet("POST", "/kiosk", &self.cookies, Some(body))).await
    }

    async fn code(&self, app: &TestApp, code: &str, client_ref: &str) -> TestResponse {
        self.sign_in(app, &[("code", code), ("reason", "coach"), ("client_ref", client_ref)]).await
    }
}

/// Issues the person a code from their record: the code as shown, once.
async fn issue(app: &TestApp, staff: &Staff, person: &str) -> String {
    let r = app.post_form(staff, &format!("/persons/{person}/kiosk-code"), &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let at = r.body.find("id=\"kiosk-code\">").expect("the code shown") + "id=\"kiosk-code\">".len();
    let code: String = r.body[at..].chars().take_while(|c| *c != '<').collect();
    assert_eq!(code.len(), 11, "ten symbols in two groups: {code}");
    code
}

#[tokio::test]
async fn a_known_person_signs_in_with_their_code_and_it_feeds_their_record_and_people_served() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let person = app.person(app.org, "Rosalind Quill", Some(coach.id)).await;
    let p = person.to_string();

    let record = app.page(&coach, &format!("/persons/{p}/kiosk")).await;
    assert_eq!(record.status, StatusCode::OK, "{}", record.body);
    assert!(record.body.contains("No check-in code."));
    let code = issue(&app, &coach, &p).await;
    let page = app.page(&coach, &format!("/persons/{p}/kiosk")).await;
    assert!(page.body.contains("A check-in code is in force since"));
    assert!(!page.body.contains(&code), "the code is shown only once");

    let opener = app.staff(app.org, Role::Supervisor).await;
    let kiosk = open_kiosk(&app, &opener).await;
    // Typed as people type it: lower case, a space for the hyphen.
    let typed = code.to_lowercase().replace('-', " ");
    let signed = kiosk.code(&app, &typed, "known-1").await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    assert_eq!(signed.location(), "/kiosk");
    let flash = set_cookies(&signed.headers).join("; ");
    let thanks = app.send(tablet("GET", "/kiosk", &format!("{}; {flash}", kiosk.cookies), None)).await;
    assert!(thanks.body.contains("Thank you, you are signed in"), "{}", thanks.body);
    assert!(!thanks.body.contains("Rosalind") && !thanks.body.contains("Quill"), "the tablet names no one");
    // The tablet's queue sends it again: answered the same, counted once.
    assert_eq!(kiosk.code(&app, &typed, "known-1").await.status, StatusCode::SEE_OTHER);
    let second = kiosk.sign_in(&app, &[("code", &code), ("reason", "computer"), ("client_ref", "known-2")]).await;
    assert_eq!(second.status, StatusCode::SEE_OTHER, "{}", second.body);
    // An anonymous drop-in beside them: a visit, no one's record.
    let anon = kiosk.sign_in(&app, &[("first_name", "J.R."), ("reason", "naloxone")]).await;
    assert_eq!(anon.status, StatusCode::SEE_OTHER);

    // On the person's record, for staff who pass the gate.
    let page = app.page(&coach, &format!("/persons/{p}/kiosk")).await;
    assert!(page.body.contains("2 visits"), "{}", page.body);
    assert!(page.body.contains("Talk to a recovery coach") && page.body.contains("Computer use"));
    let elsewhere = app.staff(app.other_org, Role::Admin).await;
    assert_eq!(app.page(&elsewhere, &format!("/persons/{p}/kiosk")).await.status, StatusCode::NOT_FOUND);

    // Audited on the person, in the visit's transaction, with the kiosk's actor (the staff member who opened it).
    let events = pathways_store::audit::recent(app.db.store.reader(), 10_000).await.expect("audit");
    let on_person: Vec<_> = events
        .iter()
        .filter(|e| e.action == "kiosk_sign_in" && e.subject_person_id == Some(person.as_uuid()))
        .collect();
    assert_eq!(on_person.len(), 2, "one event per visit counted");
    for e in &on_person {
        assert_eq!(e.actor_account_id, Some(opener.id.as_uuid()));
        assert_eq!(e.actor_role.as_deref(), Some("kiosk"));
        assert_eq!(e.entity.as_deref(), Some("kiosk"));
        assert_eq!(e.outcome, "success");
    }
    let issued =
        events.iter().filter(|e| e.action == "kiosk_code_save" && e.subject_person_id == Some(person.as_uuid()));
    assert_eq!(issued.count(), 1);
    assert!(events.iter().all(|e| e.detail.as_deref().is_none_or(|d| !d.contains(&code))), "no code in the trail");

    // The day's attendance counts all three visits.
    let attendance = app.page(&supervisor, "/community/attendance").await;
    assert!(attendance.body.contains("<span id=\"visit-count\">3</span>"), "{}", attendance.body);
    assert!(!attendance.body.contains("Rosalind"));

    // People served: the person once in every period holding today, however many visits.
    let cells = pathways_store::served::all(app.db.store.reader()).await.expect("served");
    let ours: Vec<_> = cells.iter().filter(|((org, _), _)| *org == app.org.as_uuid()).collect();
    assert!(!ours.is_empty(), "the visit counts them as served");
    for (cell, counts) in &ours {
        assert_eq!(**counts, (1, 0), "{cell:?}: one new person");
    }
    // And the kept count agrees with a recount from the episodes.
    let kept = cells.clone();
    pathways_store::served::rebuild(app.db.store.writer()).await.expect("rebuild");
    assert_eq!(pathways_store::served::all(app.db.store.reader()).await.expect("served"), kept);
}

#[tokio::test]
async fn a_wrong_replaced_removed_or_other_organizations_code_is_not_recognised_and_wrong_codes_are_limited() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let person = app.person(app.org, "Ximena Holt", Some(coach.id)).await;
    let p = person.to_string();
    let old = issue(&app, &coach, &p).await;
    let code = issue(&app, &coach, &p).await;
    assert_ne!(old, code, "issued again: a new code");

    // Another organization's kiosk: the code is its organization's.
    let other = open_kiosk(&app, &app.staff(app.other_org, Role::Supervisor).await).await;
    let refused = other.code(&app, &code, "").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("That code was not recognised"), "{}", refused.body);
    assert!(refused.body.contains("href=\"#code\""), "the error summary names the field");

    let kiosk = open_kiosk(&app, &app.staff(app.org, Role::Supervisor).await).await;
    // The replaced code.
    let r = kiosk.code(&app, &old, "").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!r.body.contains("Ximena") && !r.body.contains(&old), "nothing about anyone, the code not echoed");
    // Not a code at all: said so, and not counted as a guess.
    let shape = kiosk.code(&app, "Maria", "").await;
    assert_eq!(shape.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shape.body.contains("ten letters and numbers"), "{}", shape.body);
    // The new code works.
    assert_eq!(kiosk.code(&app, &code, "").await.status, StatusCode::SEE_OTHER);

    // Removed, the person not wanting one: it stops working.
    let removed = app.post_form(&coach, &format!("/persons/{p}/kiosk-code/remove"), &[("declined", "yes")]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.body);
    assert!(app.page(&coach, &format!("/persons/{p}/kiosk")).await.body.contains("they do not want a check-in code"));
    assert_eq!(kiosk.code(&app, &code, "").await.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Two wrong codes so far on this kiosk; the rest of the window's allowance, then every code is refused.
    let code = issue(&app, &coach, &p).await;
    for i in 2..WRONG_CODES_PER_WINDOW {
        let wrong = kiosk.code(&app, "ZZZZZ-ZZZZ2", &format!("wrong-{i}")).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "wrong code {i}");
    }
    let limited = kiosk.code(&app, &code, "").await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS, "even the right code, once the kiosk is at its limit");
    assert!(limited.body.contains("Too many codes were tried"), "{}", limited.body);
    assert!(!limited.header("retry-after").is_empty());
    // Names still sign in, and another kiosk still takes codes.
    assert_eq!(kiosk.sign_in(&app, &[("first_name", "Ana"), ("reason", "group")]).await.status, StatusCode::SEE_OTHER);
    let fresh = open_kiosk(&app, &app.staff(app.org, Role::Coach).await).await;
    assert_eq!(fresh.code(&app, &code, "").await.status, StatusCode::SEE_OTHER);

    let events = pathways_store::audit::recent(app.db.store.reader(), 10_000).await.expect("audit");
    let failed = events.iter().filter(|e| e.action == "kiosk_sign_in" && e.outcome == "failed").count();
    assert_eq!(failed, WRONG_CODES_PER_WINDOW + 1, "every code naming no one audited, naming the kiosk only");
    assert!(
        events
            .iter()
            .filter(|e| e.outcome == "failed" && e.action == "kiosk_sign_in")
            .all(|e| e.subject_person_id.is_none())
    );
    let saves =
        events.iter().filter(|e| e.action == "kiosk_code_save" && e.subject_person_id == Some(person.as_uuid()));
    assert_eq!(saves.count(), 4, "issued, issued again, declined, issued: each one event on the record");
}

#[tokio::test]
async fn the_kiosk_page_asks_for_a_code_in_english_and_spanish() {
    let app = TestApp::new().await;
    let kiosk = open_kiosk(&app, &app.staff(app.org, Role::Coach).await).await;
    let en = app.send(tablet("GET", "/kiosk", &kiosk.cookies, None)).await;
    assert!(en.body.contains("<label for=\"code\">Check-in code</label>"), "{}", en.body);
    let es = app.send(tablet("GET", "/kiosk", &format!("{}; pathways_lang=es", kiosk.cookies), None)).await;
    assert!(es.body.contains("Código de registro"), "{}", es.body);
}

#[tokio::test]
async fn the_person_sees_their_code_and_visits_in_their_portal_and_can_stop_it() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let person = app.person(app.org, "Odile Marsh", Some(coach.id)).await;
    let code = issue(&app, &coach, &person.to_string()).await;
    let kiosk = open_kiosk(&app, &app.staff(app.org, Role::Supervisor).await).await;
    assert_eq!(kiosk.code(&app, &code, "").await.status, StatusCode::SEE_OTHER);

    let me = app.person_login(app.org, person).await;
    let page = app.page(&me, "/me/kiosk").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("My check-in code and drop-in visits") && page.body.contains("One visit"));
    assert!(!page.body.contains("/kiosk-code\""), "issuing is staff's");
    let stopped = app.post_form(&me, "/me/kiosk-code/remove", &[]).await;
    assert_eq!(stopped.status, StatusCode::SEE_OTHER, "{}", stopped.body);
    assert_eq!(stopped.location(), "/me/kiosk");
    assert_eq!(kiosk.code(&app, &code, "").await.status, StatusCode::UNPROCESSABLE_ENTITY, "stopped at once");
    // Their access log says who signed them in: the kiosk.
    let log = app.page(&me, "/me/access-log").await;
    assert!(log.body.contains("(Drop-in kiosk they opened, "), "{}", log.body);
    assert!(log.body.contains("drop-in kiosk with your check-in code"), "{}", log.body);
}
