//! Closed-loop referrals behind the consent gate (issue 7).

use axum::http::{Method, StatusCode};
use pathways_domain::Role;
use serde_json::json;

use crate::util::TestApp;

fn tpo_consent() -> serde_json::Value {
    json!({"categories": ["referral_information"], "recipient": {"kind": "general"}, "tpo": true,
        "purpose": "Treatment", "signed_on": "2026-11-01", "paper_on_file": true})
}

fn fields(r: &crate::util::TestResponse) -> Vec<String> {
    r.error_fields()
}

#[tokio::test]
async fn a_referral_waits_for_consent_then_closes_the_loop() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let receiver = app.staff(app.other_org, Role::ProviderStaff).await;
    let p = app.person(app.org, "Referred Person", Some(coach.id)).await;
    let svc = app.directory_service("Withdrawal Management", "Receiving Treatment Center", Some(app.other_org)).await;
    let body = json!({"person_id": p.to_string(), "service_id": svc, "reason": "Needs detox this week"});

    // No consent: blocked, nothing sent, the page offers to record one.
    let blocked = app.api(&coach, Method::POST, "/api/v1/referrals", Some(body.clone())).await;
    assert_eq!(blocked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&blocked), ["consent"]);
    let page = app
        .post_form(&coach, &format!("/persons/{p}/referrals"), &[("service", &svc.to_string()), ("reason", "detox")])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains(&format!("href=\"/persons/{p}/consents#new-consent\"")), "a shortcut to record one");
    let sent = app.api(&coach, Method::GET, "/api/v1/referrals?box=sent", None).await.json();
    assert_eq!(sent.as_array().map(Vec::len), Some(0));
    assert!(app.audit_actions().await.iter().any(|(a, o, _)| a == "referral_create" && o == "denied"));

    // A treatment/payment/operations consent: the referral goes to the receiving organization's inbox.
    let c = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/consents"), Some(tpo_consent())).await;
    assert_eq!(c.status, StatusCode::CREATED, "{}", c.body);
    let made = app.api(&coach, Method::POST, "/api/v1/referrals", Some(body)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let r = made.json();
    let id = r["id"].as_str().expect("id").to_owned();
    assert_eq!(r["status"], "requested");
    assert_eq!(r["to_org_id"], app.other_org.as_uuid().to_string());
    assert_eq!(r["packet"]["person"]["name"], "Referred Person");

    // The receiving organization sees the packet and nothing else of the record.
    let inbox = app.api(&receiver, Method::GET, "/api/v1/referrals", None).await.json();
    assert_eq!(inbox[0]["id"], id.as_str());
    let shown = app.page(&receiver, &format!("/referrals/{id}")).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.body.contains("Referred Person") && shown.body.contains("Needs detox this week"));
    assert!(shown.body.contains("42 CFR part 2"));
    assert_eq!(app.page(&receiver, &format!("/persons/{p}")).await.status, StatusCode::FORBIDDEN);
    let clinician = app.staff(app.other_org, Role::Clinician).await;
    assert_eq!(app.page(&clinician, &format!("/referrals/{id}")).await.status, StatusCode::OK);
    assert_eq!(app.page(&clinician, &format!("/persons/{p}")).await.status, StatusCode::NOT_FOUND);
    let theirs = app.api(&clinician, Method::GET, &format!("/api/v1/persons/{p}/consents"), None).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND, "the referral opens nothing else of the record");

    // FHIR Task statuses, each side its own moves.
    let patch = |who: &crate::util::Staff, status: &str, reason: &str| {
        let who = who.clone();
        let (status, reason, path) = (status.to_owned(), reason.to_owned(), format!("/api/v1/referrals/{id}"));
        let app = &app;
        async move { app.api(&who, Method::PATCH, &path, Some(json!({"status": status, "reason": reason}))).await }
    };
    assert_eq!(fields(&patch(&receiver, "rejected", "").await), ["reason"]);
    let acked = patch(&receiver, "received", "").await;
    assert_eq!(acked.status, StatusCode::OK, "{}", acked.body);
    assert!(acked.json()["received_at"].is_string());
    assert_eq!(patch(&receiver, "accepted", "").await.status, StatusCode::OK);
    assert_eq!(fields(&patch(&coach, "in-progress", "").await), ["status"], "the sender can't start it");
    assert_eq!(patch(&receiver, "in-progress", "").await.status, StatusCode::OK);
    let done = patch(&receiver, "completed", "").await;
    assert_eq!(done.json()["status"], "completed");
    assert!(done.json()["closed_at"].is_string());
    assert_eq!(fields(&patch(&coach, "cancelled", "changed plans").await), ["status"], "completed is final");

    // A third organization finds nothing; analysts don't handle referrals.
    let third = app.staff(app.org, Role::Analyst).await;
    assert_eq!(app.page(&third, "/referrals").await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.page(&coach, &format!("/referrals/{id}")).await.status, StatusCode::OK, "the sender follows it");
    let colleague = app.staff(app.org, Role::Coach).await;
    let not_theirs = app.page(&colleague, &format!("/referrals/{id}")).await;
    assert_eq!(not_theirs.status, StatusCode::NOT_FOUND, "a coach follows their own caseload's referrals only");
    let cancel = json!({"status": "cancelled", "reason": "x"});
    let other_coach = app.api(&colleague, Method::PATCH, &format!("/api/v1/referrals/{id}"), Some(cancel)).await;
    assert_eq!(other_coach.status, StatusCode::NOT_FOUND);

    // Figures and history on the receiver's page; the disclosure and the access in the person's view.
    let list = app.page(&receiver, "/referrals").await.body;
    assert!(list.contains("<td>1</td><td>100%</td><td>100%</td><td>100%</td><td>0</td>"), "{list}");
    let d = app.api(&coach, Method::GET, &format!("/api/v1/persons/{p}/disclosures"), None).await.json();
    assert_eq!(d["items"][0]["channel"], "referral");
    assert_eq!(d["items"][0]["recipient_name"], "Receiving Treatment Center");
    let log = app.api(&coach, Method::GET, &format!("/api/v1/persons/{p}/access-log?limit=500"), None).await.json();
    let plain: Vec<String> =
        log["items"].as_array().into_iter().flatten().filter_map(|i| i["plain"].as_str().map(str::to_owned)).collect();
    assert!(
        plain.iter().any(|l| l.contains("Provider staff, Other") && l.contains("looked at a referral about you")),
        "{plain:?}"
    );
}

#[tokio::test]
async fn an_organization_not_on_pathways_gets_a_printed_packet_on_a_consent_naming_it() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Outside Person", Some(coach.id)).await;
    let svc = app.directory_service("Intensive Outpatient", "Outside Clinic, Inc.", None).await;
    let named = json!({"categories": ["referral_information"],
        "recipient": {"kind": "organization", "name": "outside clinic inc"},
        "purpose": "Referral for care", "expires_on": "2030-01-01", "signed_on": "2026-11-01", "paper_on_file": true});
    let other = json!({"categories": ["referral_information"],
        "recipient": {"kind": "organization", "name": "Somewhere Else"},
        "purpose": "Referral for care", "expires_on": "2030-01-01", "signed_on": "2026-11-01", "paper_on_file": true});
    let body = json!({"person_id": p.to_string(), "service_id": svc, "reason": "Step down after detox"});
    app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/consents"), Some(other)).await;
    let blocked = app.api(&coach, Method::POST, "/api/v1/referrals", Some(body.clone())).await;
    assert_eq!(fields(&blocked), ["consent"], "a consent naming another organization does not count");
    app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/consents"), Some(named)).await;
    let made = app.api(&coach, Method::POST, "/api/v1/referrals", Some(body)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    assert!(made.json()["to_org_id"].is_null());
    let id = made.json()["id"].as_str().expect("id").to_owned();
    let page = app.page(&coach, &format!("/referrals/{id}")).await.body;
    assert!(page.contains("print this page"), "the sender prints the packet");
}

/// An access-line operator refers the person a call made (they reach no other record): blocked until the coach
/// records a consent, then sent; the operator follows it; another call's page can't be used for this person.
#[tokio::test]
async fn an_access_line_operator_refers_the_person_a_call_made() {
    let app = TestApp::new().await;
    let op = app.staff(app.org, Role::AccessLine).await;
    let coach = app.staff(app.org, Role::Coach).await;
    let svc = app.directory_service("Detox Unit", "Receiving Treatment Center", Some(app.other_org)).await;
    let made = app
        .post_form(
            &op,
            "/access-line/calls",
            &[("caller_type", "person"), ("first_name", "Ana"), ("callback", "860-555-0100")],
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let call = made.location().to_owned();
    let person = app.post_form(&op, &format!("{call}/person"), &[("coach", &coach.id.as_uuid().to_string())]).await;
    assert_eq!(person.status, StatusCode::SEE_OTHER);
    assert!(app.page(&op, &call).await.body.contains(&format!("href=\"{call}/referrals\"")));

    let search = app.page(&op, &format!("{call}/referrals?q=detox")).await;
    assert_eq!(search.status, StatusCode::OK);
    assert!(search.body.contains("Detox Unit"));
    let form = [("service", svc.to_string()), ("reason", "Withdrawal, needs a bed tonight".to_owned())];
    let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let blocked = app.post_form(&op, &format!("{call}/referrals"), &refs).await;
    assert_eq!(blocked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(blocked.body.contains("Ask the person&#39;s coach") || blocked.body.contains("Ask the person's coach"));

    let persons = app.api(&coach, Method::GET, "/api/v1/persons", None).await.json();
    let p = persons["items"][0]["id"].as_str().expect("the call's person").to_owned();
    let c = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/consents"), Some(tpo_consent())).await;
    assert_eq!(c.status, StatusCode::CREATED, "{}", c.body);
    let sent = app.post_form(&op, &format!("{call}/referrals"), &refs).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let referral = sent.location().to_owned();
    assert!(referral.starts_with("/referrals/"));
    assert_eq!(app.page(&op, &referral).await.status, StatusCode::OK, "the operator follows what they sent");
    // The operator still reaches nothing else of the record, and no other organization's call.
    assert_eq!(app.page(&op, &format!("/persons/{p}")).await.status, StatusCode::FORBIDDEN);
    let elsewhere = app.staff(app.other_org, Role::AccessLine).await;
    assert_eq!(app.page(&elsewhere, &format!("{call}/referrals")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.page(&coach, &format!("{call}/referrals")).await.status, StatusCode::FORBIDDEN);
}
