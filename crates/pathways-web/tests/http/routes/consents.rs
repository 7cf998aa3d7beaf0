//! Consents under 42 CFR Part 2, allies, disclosures and the access log (issue 7).

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use pathways_domain::Role;
use serde_json::json;

use crate::util::{TestApp, csrf_in, set_cookies};

/// A person with a plan (one goal) and a check-in whose private words must never reach an ally.
async fn person_with_records(app: &TestApp, coach: &crate::util::Staff, name: &str) -> pathways_domain::PersonId {
    let p = app.person(app.org, name, Some(coach.id)).await;
    let goal = json!({"id": uuid::Uuid::now_v7(), "dimension": "home", "text": "Find my own apartment",
        "status": "in_progress", "steps": [{"what": "Visit the housing office", "done": true}],
        "notes": [{"date": "2026-11-01", "text": "private progress note"}]});
    let plan = app
        .api(
            coach,
            Method::PUT,
            &format!("/api/v1/persons/{p}/plan"),
            Some(json!({"version": 0, "plan": {"goals": [goal]}})),
        )
        .await;
    assert_eq!(plan.status, StatusCode::OK, "{}", plan.body);
    let checkin = json!({"mood": 4, "craving": 2, "meetings_attended": 3, "used_since_last": true,
        "use_note": "private words about using", "safe": true});
    let c = app.api(coach, Method::POST, &format!("/api/v1/persons/{p}/checkins"), Some(checkin)).await;
    assert_eq!(c.status, StatusCode::CREATED, "{}", c.body);
    p
}

fn paper(categories: &[&str]) -> serde_json::Value {
    json!({"categories": categories, "recipient": {"kind": "organization", "name": "Rushford Center"},
        "purpose": "Coordinate my care", "expires_on": "2030-01-01", "signed_on": "2026-11-01", "paper_on_file": true})
}

fn fields(r: &crate::util::TestResponse) -> Vec<String> {
    r.error_fields()
}

#[tokio::test]
async fn a_consent_missing_an_element_is_refused_with_the_element_named() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Consent Person", Some(coach.id)).await;
    let path = format!("/api/v1/persons/{p}/consents");

    let empty = app.api(&coach, Method::POST, &path, Some(json!({}))).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&empty), ["information", "recipient", "purpose", "expiration", "signature", "date_signed"]);

    let mut general = paper(&["referral_information"]);
    general["recipient"] = json!({"kind": "general"});
    general.as_object_mut().expect("object").remove("expires_on");
    assert_eq!(fields(&app.api(&coach, Method::POST, &path, Some(general.clone())).await), ["recipient", "expiration"]);
    general["tpo"] = json!(true);
    let tpo = app.api(&coach, Method::POST, &path, Some(general)).await;
    assert_eq!(tpo.status, StatusCode::CREATED, "{}", tpo.body);
    let doc = &tpo.json()["document"];
    assert_eq!(doc["person_name"], "Consent Person");
    assert!(doc["statements"]["hipaa_redisclosure"].as_str().is_some_and(|s| s.contains("HIPAA")));
    assert_eq!(doc["expiry"]["kind"], "none");

    let notes = paper(&["counseling_notes", "recovery_plan"]);
    assert_eq!(fields(&app.api(&coach, Method::POST, &path, Some(notes)).await), ["information"]);
    let mut unsigned = paper(&["recovery_plan"]);
    unsigned["paper_on_file"] = json!(false);
    assert_eq!(fields(&app.api(&coach, Method::POST, &path, Some(unsigned)).await), ["signature"]);

    let ok = app.api(&coach, Method::POST, &path, Some(paper(&["recovery_plan"]))).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.body);
    let id = ok.json()["id"].as_str().expect("id").to_owned();
    let list = app.api(&coach, Method::GET, &path, None).await.json();
    assert_eq!(list.as_array().map(Vec::len), Some(2));
    assert_eq!(list[0]["in_force"], true);
    assert_eq!(list[0]["signature_kind"], "paper");

    // Another organization: neither the person's consents nor the revocation.
    let stranger = app.staff(app.other_org, Role::Admin).await;
    assert_eq!(app.api(&stranger, Method::GET, &path, None).await.status, StatusCode::NOT_FOUND);
    let theirs = app.api(&stranger, Method::POST, &format!("/api/v1/consents/{id}/revoke"), None).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    let revoked = app.api(&coach, Method::POST, &format!("/api/v1/consents/{id}/revoke"), None).await;
    assert_eq!(revoked.status, StatusCode::OK, "{}", revoked.body);
    assert_eq!(revoked.json()["in_force"], false);
    assert_eq!(revoked.json()["revoked_via"], "written_request");
    let again = app.api(&coach, Method::POST, &format!("/api/v1/consents/{id}/revoke"), None).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "revoked once");
    let audit = app.audit_actions().await;
    assert!(audit.iter().any(|(a, o, _)| a == "consent_create" && o == "success"));
    assert!(audit.iter().any(|(a, o, _)| a == "consent_revoke" && o == "success"));
}

/// The issue's story over HTTP: the person invites an ally, who opens an account and sees nothing; the person
/// consents to "goals and progress"; the ally sees the goal but no check-in words and no plan notes; the person
/// revokes and the ally's next request shows nothing; the person sees the disclosure and the accesses.
#[tokio::test]
async fn an_ally_sees_only_what_is_consented_and_nothing_after_revocation() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = person_with_records(&app, &coach, "Sam Rivera").await;
    let me = app.person_login(app.org, p).await;

    let bad = app.post_form(&me, "/me/allies", &[("ally_name", " ")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let made = app.post_form(&me, "/me/allies", &[("ally_name", "Maria Rivera"), ("relationship", "sister")]).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let code = made.body.split("class=\"code\">").nth(1).and_then(|r| r.split('<').next()).expect("code").to_owned();

    // Maria opens the invitation and makes her account.
    let form = app.send(Request::get("/invite").body(Body::empty()).expect("req")).await;
    let cookies = set_cookies(&form.headers).join("; ");
    let fields = [
        ("csrf", csrf_in(&form.body)),
        ("code", code),
        ("username", "maria.r".into()),
        ("password", "maple river lantern orbit".into()),
        ("password_again", "maple river lantern orbit".into()),
    ];
    let accepted = app
        .send(
            Request::post("/invite")
                .header(header::COOKIE, &cookies)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(serde_urlencoded::to_string(fields).expect("form")))
                .expect("req"),
        )
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
    assert_eq!(accepted.location(), "/ally");
    let session = set_cookies(&accepted.headers)
        .into_iter()
        .find(|c| c.starts_with("pathways_session=") && c.len() > 20)
        .expect("session");
    let ally_page = || async {
        app.send(Request::get("/ally").header(header::COOKIE, &session).body(Body::empty()).expect("req")).await
    };
    let before = ally_page().await;
    assert_eq!(before.status, StatusCode::OK);
    assert!(before.body.contains("Nothing is shared with you right now"), "no consent yet");
    // An ally reaches no staff or portal page.
    let staff = app
        .send(Request::get(format!("/persons/{p}")).header(header::COOKIE, &session).body(Body::empty()).expect("req"))
        .await;
    assert_ne!(staff.status, StatusCode::OK);
    let portal =
        app.send(Request::get("/me/plan").header(header::COOKIE, &session).body(Body::empty()).expect("req")).await;
    assert_eq!(portal.status, StatusCode::NOT_FOUND);

    // Sam signs a consent for Maria: goals and progress only.
    let consents = app.page(&me, "/me/consents").await.body;
    let ally_id = consents
        .split("<select id=\"ally\" name=\"ally\"><option value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("ally option")
        .to_owned();
    let sign = |signature: &'static str| {
        vec![
            ("recipient_kind", "ally".to_owned()),
            ("ally", ally_id.clone()),
            ("category", "recovery_plan".into()),
            ("purpose", "To support my recovery".into()),
            ("expiry_kind", "date".into()),
            ("expires_on", "2030-06-30".into()),
            ("signature", signature.into()),
            ("confirmed", "yes".into()),
        ]
    };
    let (app_r, me_r) = (&app, &me);
    let post = |fields: Vec<(&'static str, String)>| async move {
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        app_r.post_form(me_r, "/me/consents", &refs).await
    };
    let refused = post(sign("Somebody Else")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("href=\"#signature\""), "the signature must be the person's name");
    let signed = post(sign("  sam   RIVERA")).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);

    let shared = ally_page().await.body;
    assert!(shared.contains("Find my own apartment") && shared.contains("Visit the housing office"), "{shared}");
    assert!(!shared.contains("private words about using"), "never the check-in's words");
    assert!(!shared.contains("private progress note"), "never the plan's notes");
    assert!(!shared.contains("Check-ins"), "check-ins were not consented");
    assert!(shared.contains("42 CFR part 2"), "the §2.32 notice");
    let relied = shared.split("Goals and progress (recovery plan), for ").nth(1).unwrap_or_default();
    assert!(relied.contains("To support my recovery"), "{relied}");

    // Sam takes it back; Maria's very next request shows nothing.
    let mine = app.page(&me, "/me/consents").await.body;
    let consent =
        mine.split("/me/consents/").nth(1).and_then(|r| r.split('/').next()).expect("a revoke form").to_owned();
    let revoked = app.post_form(&me, &format!("/me/consents/{consent}/revoke"), &[]).await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    let after = ally_page().await.body;
    assert!(after.contains("Nothing is shared with you right now"));
    assert!(!after.contains("Find my own apartment"));

    // Sam sees the disclosure and every access.
    let disclosures = app.page(&me, "/me/disclosures").await.body;
    assert!(disclosures.contains("One disclosure") && disclosures.contains("Maria Rivera"), "{disclosures}");
    assert!(disclosures.contains("Goals and progress (recovery plan)"));
    let log = app.page(&me, "/me/access-log").await.body;
    assert!(log.contains("Maria Rivera (Ally,") && log.contains("saw what you share with them"), "{log}");
    assert!(log.contains("Test coach (Peer recovery coach,") && log.contains("changed your recovery plan"));
    assert!(log.contains("tried to open your record and was refused"), "the ally's refused view after revocation");
    let api = app.api(&coach, Method::GET, &format!("/api/v1/persons/{p}/disclosures"), None).await.json();
    assert_eq!(api["total"], 1);
    assert_eq!(api["items"][0]["channel"], "ally_view");
    assert_eq!(api["items"][0]["categories"], json!(["recovery_plan"]));
    let access = app.api(&coach, Method::GET, &format!("/api/v1/persons/{p}/access-log"), None).await.json();
    assert!(access["items"].as_array().into_iter().flatten().any(|i| i["action"] == "ally_view"));
}

/// Each category an ally can be given shows its own section and nothing of the others.
#[tokio::test]
async fn each_category_shows_only_itself_to_an_ally() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let sections = [
        ("recovery_plan", "Goals and progress</h2>"),
        ("checkins_assessments", "Check-ins</h2>"),
        ("attendance_engagement", "Check-ups and attendance</h2>"),
    ];
    for (category, heading) in sections {
        let p = person_with_records(&app, &coach, "Category Person").await;
        let ally = app.ally_login(app.org, p, "Category Ally").await;
        let mut body = paper(&[category]);
        body["recipient"] = json!({"kind": "ally", "account_id": ally.id.as_uuid()});
        let made = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/consents"), Some(body)).await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        let page = app.page(&ally, "/ally").await.body;
        for (_, other) in sections {
            assert_eq!(page.contains(other), other == heading, "{category}: {other}");
        }
        assert!(!page.contains("private words about using"));
        // An ally of another person (or another organization) is not given this one's record.
        let q = app.person(app.org, "Someone Else", Some(coach.id)).await;
        let stranger = app.ally_login(app.org, q, "Not Theirs").await;
        assert!(app.page(&stranger, "/ally").await.body.contains("Nothing is shared with you right now"));
    }
    // A consent to an ally for what allies can't be given is refused by name.
    let p = app.person(app.org, "Notes Person", Some(coach.id)).await;
    let ally = app.ally_login(app.org, p, "Notes Ally").await;
    let mut body = paper(&["encounter_summaries"]);
    body["recipient"] = json!({"kind": "ally", "account_id": ally.id.as_uuid()});
    let refused = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/consents"), Some(body)).await;
    assert_eq!(fields(&refused), ["information"]);
}

/// A revocation racing a stream of ally requests (on PostgreSQL through two server instances): no request that
/// starts after the revocation has committed shows anything, and every request that did show something is in the
/// accounting of disclosures.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_revocation_racing_ally_requests_never_leaks_after_it_commits() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, Instant};

    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = person_with_records(&app, &coach, "Race Person").await;
    let ally = app.ally_login(app.org, p, "Race Ally").await;
    let mut body = paper(&["recovery_plan"]);
    body["recipient"] = json!({"kind": "ally", "account_id": ally.id.as_uuid()});
    let made = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/consents"), Some(body)).await;
    let consent = made.json()["id"].as_str().expect("id").to_owned();
    let second = if app.db.is_postgres() { app.second_instance().await } else { app.router.clone() };
    let routers = [app.router.clone(), second];
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::new();
    for i in 0..6 {
        let router = routers[i % 2].clone();
        let cookie = ally.cookie.clone();
        let stop = stop.clone();
        tasks.push(tokio::spawn(async move {
            let mut seen = Vec::new();
            while !stop.load(Ordering::SeqCst) {
                let started = Instant::now();
                let req = Request::get("/ally").header(header::COOKIE, &cookie).body(Body::empty()).expect("req");
                let r = crate::util::send_to(&router, req).await;
                assert_eq!(r.status, StatusCode::OK, "{}", r.body);
                seen.push((started, r.body.contains("Find my own apartment")));
            }
            seen
        }));
    }
    tokio::time::sleep(Duration::from_millis(150)).await;
    let revoked = app.api(&coach, Method::POST, &format!("/api/v1/consents/{consent}/revoke"), None).await;
    assert_eq!(revoked.status, StatusCode::OK, "{}", revoked.body);
    let committed = Instant::now();
    tokio::time::sleep(Duration::from_millis(150)).await;
    stop.store(true, Ordering::SeqCst);
    let mut shown = 0;
    let mut after = 0;
    for t in tasks {
        for (started, showed) in t.await.expect("task") {
            if started > committed {
                after += 1;
                assert!(!showed, "a request that started after the revocation committed saw the plan");
            }
            shown += usize::from(showed);
        }
    }
    assert!(shown > 0, "some requests before the revocation saw the plan");
    assert!(after > 0, "some requests came after the revocation");
    let accounted = app.api(&coach, Method::GET, &format!("/api/v1/persons/{p}/disclosures?limit=500"), None).await;
    assert_eq!(accounted.json()["total"], shown, "every disclosure is accounted for");
}

/// A consent that ends on an event ("end of treatment") ends when staff record that the event happened: the
/// ally's next request shows nothing.
#[tokio::test]
async fn a_consent_ending_on_an_event_ends_when_it_happens() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = person_with_records(&app, &coach, "Event Person").await;
    let ally = app.ally_login(app.org, p, "Event Ally").await;
    let mut body = paper(&["recovery_plan"]);
    body["recipient"] = json!({"kind": "ally", "account_id": ally.id.as_uuid()});
    body.as_object_mut().expect("object").remove("expires_on");
    body["expiry_event"] = json!("end of treatment");
    let made = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/consents"), Some(body)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let id = made.json()["id"].as_str().expect("id").to_owned();
    assert!(app.page(&ally, "/ally").await.body.contains("Find my own apartment"));
    let page = app.page(&coach, &format!("/persons/{p}/consents")).await.body;
    assert!(page.contains(&format!("/persons/{p}/consents/{id}/end")), "staff can record the event");
    let ended = app.post_form(&coach, &format!("/persons/{p}/consents/{id}/end"), &[]).await;
    assert_eq!(ended.status, StatusCode::SEE_OTHER);
    assert!(app.page(&ally, "/ally").await.body.contains("Nothing is shared with you right now"));
    let again = app.post_form(&coach, &format!("/persons/{p}/consents/{id}/end"), &[]).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "ended once");
    let me = app.person_login(app.org, p).await;
    assert_eq!(app.post_form(&me, &format!("/me/consents/{id}/end"), &[]).await.status, StatusCode::NOT_FOUND);
}

async fn upload(
    app: &TestApp,
    who: &crate::util::Staff,
    path: &str,
    csrf: &str,
    file: &[u8],
) -> crate::util::TestResponse {
    let b = "pathwaysboundary7";
    let mut body = format!("--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n").into_bytes();
    body.extend(
        format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"signed.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend(format!("\r\n--{b}--\r\n").as_bytes());
    app.send(
        Request::post(path)
            .header(header::COOKIE, &who.cookie)
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={b}"))
            .body(Body::from(body))
            .expect("request"),
    )
    .await
}

/// Staff attach the scan of a paper consent: only a PDF, PNG or JPEG (by its first bytes), with the form's CSRF
/// token; staff and the person see it; another organization finds nothing.
#[tokio::test]
async fn the_scan_of_a_paper_consent_is_kept_with_it() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Scan Person", Some(coach.id)).await;
    let made =
        app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/consents"), Some(paper(&["recovery_plan"]))).await;
    let id = made.json()["id"].as_str().expect("id").to_owned();
    let path = format!("/persons/{p}/consents/{id}/scan");
    let pdf = b"%PDF-1.4\n% a signed consent\n";

    assert_eq!(upload(&app, &coach, &path, "not-the-token", pdf).await.status, StatusCode::FORBIDDEN);
    let page = upload(&app, &coach, &path, &coach.csrf, b"<html><script>alert(1)</script>").await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("this is not a PDF, PNG or JPEG file"));
    assert_eq!(app.page(&coach, &path).await.status, StatusCode::NOT_FOUND, "nothing kept");

    let saved = upload(&app, &coach, &path, &coach.csrf, pdf).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert!(app.page(&coach, &format!("/persons/{p}/consents")).await.body.contains(&format!("href=\"{path}\"")));
    let shown = app.page(&coach, &path).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert_eq!(shown.header("content-type"), "application/pdf");
    assert_eq!(shown.body.as_bytes(), pdf);
    let me = app.person_login(app.org, p).await;
    assert_eq!(app.page(&me, &format!("/me/consents/{id}/scan")).await.status, StatusCode::OK, "the person sees it");
    let stranger = app.staff(app.other_org, Role::Admin).await;
    assert_eq!(app.page(&stranger, &path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(upload(&app, &stranger, &path, &stranger.csrf, pdf).await.status, StatusCode::NOT_FOUND);

    // Issue 23: a second upload becomes the current scan; the first is kept, and both are listed with their
    // SHA-256; each upload is an audit event of its own naming the consent and the hashes it replaced and added.
    use sha2::Digest as _;
    let first_sha = hex::encode(sha2::Sha256::digest(pdf));
    let corrected = b"%PDF-1.4\n% the same consent, signed again legibly\n";
    let second_sha = hex::encode(sha2::Sha256::digest(corrected));
    let saved = upload(&app, &coach, &path, &coach.csrf, corrected).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(app.page(&coach, &path).await.body.as_bytes(), corrected, "the new scan is the current one");
    let listed = app.page(&coach, &format!("/persons/{p}/consents")).await.body;
    assert!(listed.contains(&first_sha) && listed.contains(&second_sha), "both scans are listed");
    assert!(listed.contains("Replaced on") && listed.contains("Current"), "{listed}");
    assert!(listed.find(&second_sha) < listed.find(&first_sha), "the current scan is listed first");
    let mine = app.page(&me, "/me/consents").await.body;
    assert!(mine.contains(&first_sha) && mine.contains(&second_sha), "the person sees the history too");
    let events = pathways_store::audit::recent(app.db.store.reader(), 10_000).await.expect("audit");
    let uploads: Vec<&str> = events
        .iter()
        .rev()
        .filter(|e| e.action == "consent_scan_upload" && e.entity.as_deref() == Some("consent"))
        .map(|e| e.detail.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(
        uploads,
        [format!("old=none new={first_sha}"), format!("old={first_sha} new={second_sha}")],
        "one event per upload, naming the hashes"
    );
    assert!(events.iter().filter(|e| e.action == "consent_scan_upload").all(|e| e.entity_id.is_some()));
}
