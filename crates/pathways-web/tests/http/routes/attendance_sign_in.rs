//! Signing a known person in from the attendance page (issue 20, branch kiosk-staff): a center's staff member picks
//! what the person came for (one of today's groups, or another reason), finds them by name among the persons they
//! may see (a coach their caseload, a supervisor the organization), and taps once. The visit is on the person's
//! record, audited on it in the same transaction with the staff member as actor, and counted once in people
//! served — as a check-in code's at the kiosk; a double tap, or a tap after the person signed in with their code
//! for the same thing, counts once. The counts name nobody until the staff member searches. Another organization's
//! person, or one a coach may not see, is 404; clinicians and the other roles 403.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{Duration, Timelike as _};
use pathways_domain::Role;

use crate::util::{Staff, TestApp, TestResponse, csrf_in, set_cookies};

const NY: chrono_tz::Tz = chrono_tz::America::New_York;

/// Adds a weekly group starting in a few minutes — or, in the last minutes of the day, one that started half an hour
/// ago — so it is one of today's; its id, read from the desk form.
async fn group_today(app: &TestApp, staff: &Staff, title: &str) -> String {
    let now = pathways_store::now().with_timezone(&NY);
    let soon = now + Duration::minutes(5);
    let at = if soon.date_naive() == now.date_naive() { soon } else { now - Duration::minutes(30) };
    let form = [
        ("kind", "group".to_owned()),
        ("title", title.to_owned()),
        ("description", "Peer-led; all pathways welcome".to_owned()),
        ("starts_on", at.date_naive().to_string()),
        ("starts_at", format!("{:02}:{:02}", at.hour(), at.minute())),
        ("duration_minutes", "60".to_owned()),
        ("repeat", "weekly".to_owned()),
        ("address", "198 Wethersfield Avenue, Hartford".to_owned()),
        ("language", "en".to_owned()),
        ("audience", "everyone".to_owned()),
    ];
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let made = app.post_form(staff, "/community/events", &fields).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let page = app.page(staff, "/community/attendance").await;
    let at = page.body.find(&format!(">{title} (")).expect("the group offered on the desk form");
    let start = page.body[..at].rfind("<option value=\"").expect("its option") + "<option value=\"".len();
    page.body[start..].chars().take_while(|c| *c != '"').collect()
}

/// A tablet's request with its cookies.
fn tablet(method: &str, path: &str, cookies: &str, body: Option<String>) -> Request<Body> {
    let r = Request::builder().method(method).uri(path).header(header::COOKIE, cookies);
    match body {
        Some(b) => {
            r.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(Body::from(b)).expect("request")
        }
        None => r.body(Body::empty()).expect("request"),
    }
}

/// The person signs in at a kiosk with their check-in code, for `group`.
async fn code_sign_in(app: &TestApp, issuer: &Staff, person: &str, group: &str) {
    let issued = app.post_form(issuer, &format!("/persons/{person}/kiosk-code"), &[]).await;
    assert_eq!(issued.status, StatusCode::OK, "{}", issued.body);
    let at = issued.body.find("id=\"kiosk-code\">").expect("the code") + "id=\"kiosk-code\">".len();
    let code: String = issued.body[at..].chars().take_while(|c| *c != '<').collect();
    let opener = app.staff(app.org, Role::Supervisor).await;
    let opened = app.post_form(&opener, "/community/kiosks", &[]).await;
    let kiosk = set_cookies(&opened.headers).into_iter().find(|c| c.starts_with("pathways_kiosk=")).expect("kiosk");
    let form = app.send(tablet("GET", "/kiosk", &kiosk, None)).await;
    let cookies = format!("{kiosk}; {}", set_cookies(&form.headers).join("; "));
    let body = serde_urlencoded::to_string([
        ("csrf", csrf_in(&form.body).as_str()),
        ("code", &code),
        ("reason", "group"),
        ("group", group),
    ])
    .expect("form");
    let signed = app.send(tablet("POST", "/kiosk", &cookies, Some(body))).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
}

async fn tap(app: &TestApp, who: &Staff, person: &str, what: &str) -> TestResponse {
    app.post_form(who, "/community/attendance/sign-ins", &[("person", person), ("for", what), ("q", "qui")]).await
}

fn visit_count(page: &TestResponse) -> u32 {
    let at = page.body.find("<span id=\"visit-count\">").expect("the count") + "<span id=\"visit-count\">".len();
    page.body[at..].chars().take_while(char::is_ascii_digit).collect::<String>().parse().expect("a number")
}

#[tokio::test]
async fn staff_sign_a_known_person_in_once_and_it_feeds_their_record_and_people_served() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let colleague = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let group = group_today(&app, &supervisor, "Tuesday all-recovery group").await;
    let person = app.person(app.org, "Rosalind Quill", Some(coach.id)).await;
    let theirs = app.person(app.org, "Quincy Marsh", Some(colleague.id)).await;
    let p = person.to_string();

    // The counts name nobody; the desk form offers today's group and the other reasons.
    let page = app.page(&coach, "/community/attendance").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Sign someone in") && page.body.contains("Tuesday all-recovery group ("));
    assert!(page.body.contains("for the same group or reason today counts once"), "the page says a tap counts once");
    assert!(page.body.contains("<option value=\"coach\">Talk to a recovery coach</option>"), "{}", page.body);
    assert!(!page.body.contains("Rosalind") && !page.body.contains("Quincy"), "nobody named before a search");

    // A coach finds only their own caseload; a supervisor the organization's.
    let found = app.page(&coach, &format!("/community/attendance?for={group}&q=qui")).await;
    assert!(found.body.contains(">Sign in Rosalind Quill</button>"), "{}", found.body);
    assert!(!found.body.contains("Quincy"), "a colleague's person is not the coach's to see");
    assert!(found.body.contains("One person found."), "{}", found.body);
    let all = app.page(&supervisor, "/community/attendance?q=").await;
    assert!(all.body.contains("Sign in Rosalind Quill") && all.body.contains("Sign in Quincy Marsh"));
    assert!(all.body.contains("2 people found."), "{}", all.body);
    let none = app.page(&coach, "/community/attendance?q=zzz").await;
    assert!(none.body.contains("Nobody you may see has that name."), "{}", none.body);

    // One tap: back to the same search, the visit counted and marked.
    let signed = tap(&app, &coach, &p, &group).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    assert_eq!(signed.location(), format!("/community/attendance?for={group}&q=qui#sign-in"));
    let flash = set_cookies(&signed.headers).join("; ");
    let back = signed.location().split('#').next().expect("a path").to_owned();
    let shown = app
        .send(
            Request::get(back)
                .header(header::COOKIE, format!("{}; {flash}", coach.cookie))
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert!(shown.body.contains("Signed in. The visit is on their record."), "the flash says so: {}", shown.body);
    let after = app.page(&coach, &format!("/community/attendance?for={group}&q=qui")).await;
    assert!(after.body.contains("Already signed in today for this"), "{}", after.body);
    assert_eq!(visit_count(&after), 1);
    // A double tap, and the supervisor tapping too: counted once.
    for who in [&coach, &supervisor] {
        let again = tap(&app, who, &p, &group).await;
        assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
        let flash = set_cookies(&again.headers).join("; ");
        let back = again.location().split('#').next().expect("a path").to_owned();
        let shown = app
            .send(
                Request::get(back)
                    .header(header::COOKIE, format!("{}; {flash}", who.cookie))
                    .body(Body::empty())
                    .expect("request"),
            )
            .await;
        assert!(shown.body.contains("already signed in today for this. It is counted once."), "{}", shown.body);
    }
    let page = app.page(&supervisor, "/community/attendance").await;
    assert_eq!(visit_count(&page), 1, "one visit however many taps");
    assert!(page.body.contains("<th scope=\"row\">Tuesday all-recovery group</th><td>"));
    assert!(page.body.contains("<th scope=\"row\">A group</th><td>1</td>"), "{}", page.body);
    // Another reason the same day is another visit.
    assert_eq!(tap(&app, &coach, &p, "naloxone").await.status, StatusCode::SEE_OTHER);
    assert_eq!(visit_count(&app.page(&supervisor, "/community/attendance").await), 2);

    // On the person's record, with the group.
    let record = app.page(&coach, &format!("/persons/{p}/kiosk")).await;
    assert!(record.body.contains("2 visits"), "{}", record.body);
    assert!(record.body.contains("Tuesday all-recovery group") && record.body.contains("Naloxone"));

    // Audited on the person, once per visit counted, with the staff member as actor.
    let events = pathways_store::audit::recent(app.db.store.reader(), 10_000).await.expect("audit");
    let on_person: Vec<_> = events
        .iter()
        .filter(|e| e.action == "attendance_sign_in" && e.subject_person_id == Some(person.as_uuid()))
        .collect();
    assert_eq!(on_person.len(), 2, "the repeated taps left nothing: {on_person:?}");
    for e in &on_person {
        assert_eq!(e.actor_account_id, Some(coach.id.as_uuid()));
        assert_eq!(e.actor_role.as_deref(), Some("coach"));
        assert_eq!(e.outcome, "success");
    }
    // The person's access log says who and where.
    let me = app.person_login(app.org, person).await;
    let log = app.page(&me, "/me/access-log").await;
    assert!(log.body.contains("signed you in at the center&#39;s front desk"), "{}", log.body);

    // People served: once in every period holding today, equal to a recount.
    let cells = pathways_store::served::all(app.db.store.reader()).await.expect("served");
    let ours: Vec<_> = cells.iter().filter(|((org, _), _)| *org == app.org.as_uuid()).collect();
    assert!(!ours.is_empty(), "the visit counts them as served");
    for (cell, counts) in &ours {
        assert_eq!(**counts, (1, 0), "{cell:?}: one new person");
    }
    let kept = cells.clone();
    pathways_store::served::rebuild(app.db.store.writer()).await.expect("rebuild");
    assert_eq!(pathways_store::served::all(app.db.store.reader()).await.expect("served"), kept);

    // The colleague's person is not the coach's to sign in: 404, audited, nothing counted.
    let refused = tap(&app, &coach, &theirs.to_string(), &group).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    assert!(!refused.body.contains("Quincy"));
    let denied = pathways_store::audit::recent(app.db.store.reader(), 10).await.expect("audit");
    assert!(denied.iter().any(|e| e.action == "access_denied" && e.detail.as_deref() == Some("attendance_sign_in")));
    assert_eq!(visit_count(&app.page(&supervisor, "/community/attendance").await), 2);
}

#[tokio::test]
async fn a_code_sign_in_for_the_same_group_counts_once_and_the_rest_is_refused_by_name() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let group = group_today(&app, &supervisor, "Family group").await;
    let person = app.person(app.org, "Odile Quinn", Some(coach.id)).await;
    let p = person.to_string();
    code_sign_in(&app, &coach, &p, &group).await;
    // Already signed in at the kiosk with their code for this group: the tap counts nothing more.
    let found = app.page(&coach, &format!("/community/attendance?for={group}&q=odile")).await;
    assert!(found.body.contains("Already signed in today for this"), "{}", found.body);
    let again = tap(&app, &coach, &p, &group).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert!(set_cookies(&again.headers).iter().any(|c| c.contains("attendance-already-signed-in")));
    assert_eq!(visit_count(&app.page(&supervisor, "/community/attendance").await), 1);

    // What for: blank, unknown, a group that is not today's — each named, nothing counted.
    for bad in ["", "group", "dance", &uuid::Uuid::now_v7().to_string()] {
        let r = tap(&app, &coach, &p, bad).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}: {}", r.body);
        assert!(r.body.contains("href=\"#for\""), "the error summary names the field: {}", r.body);
        assert!(r.body.contains("What for:"), "{}", r.body);
    }
    // Not a person's id, an unknown person, another organization's: 404.
    let elsewhere = app.person(app.other_org, "Quentin Other", None).await;
    for who in ["not-an-id".to_owned(), uuid::Uuid::now_v7().to_string(), elsewhere.to_string()] {
        assert_eq!(tap(&app, &supervisor, &who, "coach").await.status, StatusCode::NOT_FOUND, "{who}");
    }
    // The other organization's administrator can't sign our person in, nor find them.
    let their_admin = app.staff(app.other_org, Role::Admin).await;
    assert_eq!(tap(&app, &their_admin, &p, "coach").await.status, StatusCode::NOT_FOUND);
    assert!(!app.page(&their_admin, "/community/attendance?q=").await.body.contains("Odile"));
    // Roles that don't run the center: 403, on the page and the sign-in.
    for role in [Role::Clinician, Role::Analyst, Role::AccessLine, Role::ProviderStaff, Role::DirectoryEditor] {
        let who = app.staff(app.org, role).await;
        assert_eq!(tap(&app, &who, &p, "coach").await.status, StatusCode::FORBIDDEN, "{role:?}");
        assert_eq!(app.page(&who, "/community/attendance?q=").await.status, StatusCode::FORBIDDEN, "{role:?}");
    }
    assert_eq!(visit_count(&app.page(&supervisor, "/community/attendance").await), 1);
}

#[tokio::test]
async fn the_desk_form_is_in_english_and_spanish() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    app.person(app.org, "Rosalind Quill", Some(coach.id)).await;
    let en = app.page(&coach, "/community/attendance?q=ros").await;
    assert!(en.body.contains("<label for=\"for\">What did they come for?</label>"), "{}", en.body);
    assert!(en.body.contains("Sign in Rosalind Quill"));
    assert!(app.page(&coach, "/lang/es?next=/staff").await.status.is_redirection());
    let es = app.page(&coach, "/community/attendance?q=ros").await;
    assert!(es.body.contains("Registrar a una persona") && es.body.contains("¿A qué vino?"), "{}", es.body);
    assert!(es.body.contains("Registrar a Rosalind Quill") && es.body.contains("Se encontró una persona."));
    assert!(es.body.contains("cuenta una sola vez"));
    let person = app.person(app.org, "Odile Ros", Some(coach.id)).await;
    let refused = tap(&app, &coach, &person.to_string(), "").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Para qué:"), "{}", refused.body);
}
