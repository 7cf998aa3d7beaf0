//! Peer services and their financing (issue 21): the form shows every problem of the payer's check before
//! signing; the person sees the services they received in plain words; the API records and signs, and a
//! voucher that runs out refuses (409) and saves nothing; the month's report, the funder's and the claims CSV,
//! and who may read them; bad input names its fields.

use axum::http::{Method, StatusCode};
use pathways_domain::financing::{Funding, PayerProfile, Voucher};
use pathways_domain::{OrgId, PersonId, Role};
use pathways_store::audit::Actor;
use pathways_store::financing::{add_funding_source, add_profile, issue_voucher};
use serde_json::json;
use uuid::Uuid;

use crate::util::TestApp;

fn today() -> String {
    chrono::Utc::now().date_naive().to_string()
}

pub(crate) async fn source(app: &TestApp, org: OrgId, profile: &PayerProfile, funding: &Funding) -> Uuid {
    let tx = app.db.store.begin().await.expect("tx");
    let p = add_profile(&tx, &Actor::default(), org, profile).await.expect("profile");
    let id = add_funding_source(&tx, &Actor::default(), org, &profile.name, p, funding)
        .await
        .expect("source")
        .expect("the organization's profile");
    tx.commit().await.expect("commit");
    id
}

async fn voucher(app: &TestApp, org: OrgId, source: Uuid, person: PersonId, units: u32) {
    let tx = app.db.store.begin().await.expect("tx");
    let v = Voucher {
        number: "V-100".into(),
        authorized_units: units,
        balance_units: units,
        expires_on: chrono::Utc::now().date_naive() + chrono::Duration::days(60),
        withdrawn: false,
    };
    issue_voucher(&tx, &Actor::default(), org, source, person, &v).await.expect("voucher").expect("program");
    tx.commit().await.expect("commit");
}

fn strict() -> PayerProfile {
    PayerProfile {
        daily_cap_units: Some(4),
        credential_required: true,
        supervision_within_days: Some(30),
        cosign_required: true,
        authorization_required: true,
        ..PayerProfile::peer_services("Medicaid-like", 2_000)
    }
}

#[tokio::test]
async fn the_form_names_every_problem_before_signing_and_the_person_sees_plain_words() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let person = app.person(app.org, "Dana Person", Some(coach.id)).await;
    let src = source(&app, app.org, &strict(), &Funding::Payer).await;
    let base = format!("/persons/{person}/service-events");
    let page = app.page(&coach, &base).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Medicaid-like"), "the funding source is offered");

    let today = today();
    let src = src.to_string();
    let fields = [
        ("date", today.as_str()),
        ("starts_at", "09:00"),
        ("minutes", "90"),
        ("place_of_service", "12"),
        ("funding_source", src.as_str()),
        ("intent", "check"),
    ];
    let checked = app.post_form(&coach, &base, &fields).await;
    assert_eq!(checked.status, StatusCode::OK, "{}", checked.body);
    for problem in [
        "Over the payer&#39;s daily limit of units for this person.",
        "The staff member has no credential on file for that day.",
        "No supervision contact within the days the payer requires.",
        "A supervisor&#39;s co-signature is required.",
        "No authorization or voucher number.",
    ] {
        assert!(checked.body.contains(problem), "{problem} in {}", checked.body);
    }
    assert!(checked.body.contains("Units: 4"), "90 minutes are 6 units, the cap leaves 4");
    let listed = app.api(&coach, Method::GET, &format!("/api/v1/persons/{person}/service-events"), None).await;
    assert_eq!(listed.json().as_array().map(Vec::len), Some(0), "a check saves nothing");

    let mut sign = fields;
    sign[5] = ("intent", "sign");
    let signed = app.post_form(&coach, &base, &sign).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    let listed = app.api(&coach, Method::GET, &format!("/api/v1/persons/{person}/service-events"), None).await.json();
    assert_eq!(listed[0]["state"], "signed");
    assert_eq!(listed[0]["units"], 4);
    assert_eq!(listed[0]["code"], "H0038");
    assert!(listed[0]["problems"].as_array().is_some_and(|p| p.iter().any(|p| p["code"] == "cosignature-missing")));

    let own = app.person_login(app.org, person).await;
    let mine = app.page(&own, "/me/service-events").await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.body.contains("Peer recovery support") && mine.body.contains("90 minutes"), "{}", mine.body);
    assert!(!mine.body.contains("H0038") && !mine.body.contains("co-signature"), "no billing jargon for the person");
    let refused = app.post_form(&own, "/me/service-events", &fields).await;
    assert_ne!(refused.status, StatusCode::SEE_OTHER, "a person records no services");
}

#[tokio::test]
async fn a_voucher_that_runs_out_refuses_the_signature_and_saves_nothing() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let person = app.person(app.org, "Voucher Person", Some(coach.id)).await;
    let src =
        source(&app, app.org, &PayerProfile::peer_services("Recovery vouchers", 1_500), &Funding::VoucherProgram).await;
    voucher(&app, app.org, src, person, 2).await;
    let path = format!("/api/v1/persons/{person}/service-events");
    let body = |start: &str| {
        json!({"date": today(), "starts_at": start, "minutes": 30, "place_of_service": "11",
            "funding_source": src.to_string(), "authorization": "V-100", "sign": true})
    };
    let first = app.api(&coach, Method::POST, &path, Some(body("09:00"))).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    let j = first.json();
    assert_eq!((j["event"]["units"].as_i64(), j["check"]["ready_to_bill"].as_bool()), (Some(2), Some(true)));
    assert_eq!(j["check"]["cents"], 3_000);
    let second = app.api(&coach, Method::POST, &path, Some(body("11:00"))).await;
    assert_eq!(second.status, StatusCode::CONFLICT, "{}", second.body);
    let listed = app.api(&coach, Method::GET, &path, None).await.json();
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "the refused event was not saved");
    let preview = app.api(&coach, Method::POST, &format!("{path}/check"), Some(body("11:00"))).await.json();
    let codes: Vec<_> = preview["problems"].as_array().into_iter().flatten().map(|p| p["code"].clone()).collect();
    assert_eq!(codes, [json!("voucher-exhausted")]);
}

#[tokio::test]
async fn the_months_report_and_its_files_are_for_supervisors_and_administrators() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let analyst = app.staff(app.org, Role::Analyst).await;
    let person = app.person(app.org, "Report Person", Some(coach.id)).await;
    let src = source(&app, app.org, &PayerProfile::peer_services("State grant", 2_500), &Funding::Payer).await;
    let path = format!("/api/v1/persons/{person}/service-events");
    let body = json!({"date": today(), "starts_at": "13:00", "minutes": 45, "place_of_service": "11",
        "modifiers": ["HF"], "funding_source": src.to_string(), "sign": true});
    let made = app.api(&coach, Method::POST, &path, Some(body)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    assert!(made.body.contains("modifier-not-accepted"), "the profile accepts no modifier: {}", made.body);
    let clean = json!({"date": today(), "starts_at": "15:00", "minutes": 45, "place_of_service": "11",
        "funding_source": src.to_string(), "sign": true});
    assert_eq!(app.api(&coach, Method::POST, &path, Some(clean)).await.status, StatusCode::CREATED);

    let report = app.api(&supervisor, Method::GET, "/api/v1/financing/report", None).await;
    assert_eq!(report.status, StatusCode::OK, "{}", report.body);
    let r = report.json();
    assert_eq!(r["lines"][0]["units"], 6);
    assert_eq!(r["lines"][0]["cents"], 15_000);
    assert_eq!(r["lines"][0]["funding_source_name"], "State grant");
    assert_eq!((r["ready_to_bill"].as_u64(), r["with_problems"].as_u64()), (Some(1), Some(1)));
    let page = app.page(&supervisor, "/financing").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("$150.00") && page.body.contains("State grant"), "{}", page.body);

    let claims = app.page(&supervisor, "/financing/claims.csv").await;
    assert_eq!(claims.status, StatusCode::OK);
    let lines: Vec<&str> = claims.body.lines().collect();
    assert_eq!(lines.len(), 2, "the header and the one line ready to bill: {}", claims.body);
    assert!(lines[0].starts_with("patient_name,patient_birth_date,prior_authorization,date_of_service"));
    assert!(lines[1].starts_with("Report Person,") && lines[1].contains(",H0038,,75.00,3,"), "{}", lines[1]);
    let funder = app.page(&supervisor, &format!("/financing/funder.csv?source={src}")).await;
    assert_eq!(funder.body.lines().count(), 3, "both services, ready or not: {}", funder.body);
    assert!(!funder.body.contains("Report Person"), "a funder's report names no one");

    assert_eq!(app.page(&analyst, "/financing").await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.api(&coach, Method::GET, "/api/v1/financing/report", None).await.status, StatusCode::FORBIDDEN);
    let bad = app.api(&supervisor, Method::GET, "/api/v1/financing/report?month=13", None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(app.page(&supervisor, "/financing?month=2026-13").await.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn bad_input_names_its_fields_and_another_organizations_source_is_unknown() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let person = app.person(app.org, "Input Person", Some(coach.id)).await;
    let theirs = source(&app, app.other_org, &PayerProfile::peer_services("Theirs", 100), &Funding::Payer).await;
    let path = format!("/api/v1/persons/{person}/service-events");
    let bad = json!({"date": "2999-01-01", "starts_at": "9am", "minutes": 0, "code": "PEER", "modifiers": ["H"],
        "place_of_service": "00", "funding_source": "nope"});
    let r = app.api(&coach, Method::POST, &path, Some(bad)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.error_fields(),
        ["date", "starts_at", "minutes", "code", "modifiers", "place_of_service", "funding_source"]
    );
    let other = json!({"date": today(), "starts_at": "10:00", "minutes": 30, "place_of_service": "11",
        "funding_source": theirs.to_string()});
    let r = app.api(&coach, Method::POST, &path, Some(other)).await;
    assert_eq!((r.status, r.error_fields()), (StatusCode::UNPROCESSABLE_ENTITY, vec!["funding_source".to_owned()]));
    let form = app
        .post_form(&coach, &format!("/persons/{person}/service-events"), &[("minutes", "x"), ("intent", "check")])
        .await;
    assert_eq!(form.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(form.body.contains("Start time: This is required."), "{}", form.body);
}

/// A signed service by the coach, against a payer that requires a co-signature.
async fn signed_service(app: &TestApp, coach: &crate::util::Staff, person: PersonId, src: Uuid, sign: bool) -> String {
    let body = json!({"date": today(), "starts_at": "09:00", "minutes": 30, "place_of_service": "11",
        "funding_source": src.to_string(), "authorization": "PA-1", "sign": sign});
    let made = app.api(coach, Method::POST, &format!("/api/v1/persons/{person}/service-events"), Some(body)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    made.json()["event"]["id"].as_str().expect("id").to_owned()
}

#[tokio::test]
async fn a_supervisor_cosigns_on_the_page_and_no_one_else_may() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let admin = app.staff(app.org, Role::Admin).await;
    let person = app.person(app.org, "Cosign Person", Some(coach.id)).await;
    let profile = PayerProfile { cosign_required: true, ..PayerProfile::peer_services("Needs co-signing", 2_000) };
    let src = source(&app, app.org, &profile, &Funding::Payer).await;
    let event = signed_service(&app, &coach, person, src, true).await;
    let base = format!("/persons/{person}/service-events");

    let page = app.page(&supervisor, &base).await;
    assert!(page.body.contains(&format!("{base}/{event}/cosign")), "the supervisor is offered co-signing");
    assert!(!app.page(&coach, &base).await.body.contains("/cosign"), "the coach is not");

    let refused = app.post_form(&coach, &format!("{base}/{event}/cosign"), &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "a coach co-signs nothing");
    let audit = app.audit_actions().await;
    assert!(
        audit.iter().any(|(a, o, s)| a == "access_denied" && o == "denied" && *s == Some(person.as_uuid())),
        "the refusal is in the person's trail: {audit:?}"
    );
    let api = format!("/api/v1/persons/{person}/service-events/{event}/cosign");
    assert_eq!(app.api(&admin, Method::POST, &api, None).await.status, StatusCode::FORBIDDEN, "nor an administrator");

    let counts = |r: serde_json::Value| (r["ready_to_bill"].as_u64(), r["with_problems"].as_u64());
    let report = app.api(&supervisor, Method::GET, "/api/v1/financing/report", None).await.json();
    assert_eq!(counts(report), (Some(0), Some(1)), "waiting for the co-signature");
    let done = app.post_form(&supervisor, &format!("{base}/{event}/cosign"), &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let listed = app.api(&coach, Method::GET, &format!("/api/v1/persons/{person}/service-events"), None).await.json();
    assert!(listed[0]["cosigned_at"].is_string());
    assert_eq!(listed[0]["problems"], json!([]), "co-signed: ready to bill");
    let report = app.api(&supervisor, Method::GET, "/api/v1/financing/report", None).await.json();
    assert_eq!(counts(report), (Some(1), Some(0)), "the co-signature is counted in the same transaction");
    assert_eq!(app.api(&supervisor, Method::POST, &api, None).await.status, StatusCode::CONFLICT, "once");

    // Another person's event under this person's path is not found.
    let other = app.person(app.org, "Other Person", Some(coach.id)).await;
    let theirs = signed_service(&app, &coach, other, src, true).await;
    let wrong = format!("/api/v1/persons/{person}/service-events/{theirs}/cosign");
    assert_eq!(app.api(&supervisor, Method::POST, &wrong, None).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn only_who_gave_the_service_signs_the_draft() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let person = app.person(app.org, "Draft Person", Some(coach.id)).await;
    let src = source(&app, app.org, &PayerProfile::peer_services("Plain payer", 2_000), &Funding::Payer).await;
    let draft = signed_service(&app, &coach, person, src, false).await;
    let base = format!("/persons/{person}/service-events");
    assert!(app.page(&coach, &base).await.body.contains(&format!("{base}/{draft}/sign")));
    let api = format!("/api/v1/persons/{person}/service-events/{draft}/sign");
    assert_eq!(app.api(&supervisor, Method::POST, &api, None).await.status, StatusCode::FORBIDDEN);
    let signed = app.post_form(&coach, &format!("{base}/{draft}/sign"), &[]).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    let again = app.api(&coach, Method::POST, &api, None).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "a signed event is signed once: {}", again.body);
}

#[tokio::test]
async fn a_correction_is_a_new_version_with_its_reason_and_the_old_one_is_kept() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let colleague = app.staff(app.org, Role::Coach).await;
    let clinician = app.staff(app.org, Role::Clinician).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let person = app.person(app.org, "Correct Person", Some(coach.id)).await;
    let src = source(&app, app.org, &PayerProfile::peer_services("Plain payer", 2_000), &Funding::Payer).await;
    let event = signed_service(&app, &coach, person, src, true).await;
    let base = format!("/persons/{person}/service-events");
    let form_path = format!("{base}/{event}/correct");

    let form = app.page(&coach, &form_path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains(r#"value="09:00""#) && form.body.contains(r#"value="PA-1""#), "filled in");
    assert_eq!(app.page(&clinician, &form_path).await.status, StatusCode::FORBIDDEN, "not a clinician's service");
    assert_eq!(app.page(&colleague, &form_path).await.status, StatusCode::NOT_FOUND, "outside the caseload");

    let src = src.to_string();
    let mut fields = vec![
        ("reason", ""),
        ("date", "2999-01-01"),
        ("starts_at", "09:00"),
        ("minutes", "45"),
        ("place_of_service", "12"),
        ("funding_source", src.as_str()),
        ("authorization", "PA-1"),
        ("intent", "sign"),
    ];
    let bad = app.post_form(&coach, &form_path, &fields).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Reason: This is required."), "{}", bad.body);
    assert!(bad.body.contains(r##"href="#date""##), "every field's problem at once: {}", bad.body);

    let today = today();
    fields[0] = ("reason", "It lasted 45 minutes, not 30");
    fields[1] = ("date", today.as_str());
    let done = app.post_form(&coach, &form_path, &fields).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let listed = app.api(&coach, Method::GET, &format!("/api/v1/persons/{person}/service-events"), None).await.json();
    let listed = listed.as_array().expect("list");
    assert_eq!(listed.len(), 1, "the superseded version is not listed");
    assert_eq!((listed[0]["version"].as_i64(), listed[0]["minutes"].as_i64()), (Some(2), Some(45)));
    assert_eq!(listed[0]["state"], "signed", "signed at once by the coach who gave it");
    assert_eq!(listed[0]["supersedes"].as_str(), Some(event.as_str()));
    assert_eq!(listed[0]["correction_reason"], "It lasted 45 minutes, not 30");
    let again = app.post_form(&coach, &form_path, &fields).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "the old version is corrected once");

    // A supervisor corrects over the API: a draft, for the coach to sign.
    let second = listed[0]["id"].as_str().expect("id").to_owned();
    let api = format!("/api/v1/persons/{person}/service-events/{second}/corrections");
    let body = json!({"reason": "Home visit, not the office", "event": {"date": today, "starts_at": "09:00",
        "minutes": 45, "place_of_service": "12", "funding_source": src, "sign": true}});
    let r = app.api(&supervisor, Method::POST, &api, Some(body.clone())).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!((r.json()["event"]["version"].as_i64(), r.json()["event"]["state"].as_str()), (Some(3), Some("draft")));
    let blank = json!({"reason": " ", "event": {"minutes": 0}});
    let r = app.api(&supervisor, Method::POST, &api, Some(blank)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.error_fields().contains(&"reason".to_owned()) && r.error_fields().contains(&"minutes".to_owned()));
    let audit = app.audit_actions().await;
    let corrections = audit.iter().filter(|(a, o, _)| a == "service_event_correct" && o == "success").count();
    assert!(corrections >= 2, "each correction audited: {audit:?}");
    // The month's kept lines (m0037) followed every step through the pages and the API: the report reads them, and
    // they are the events recounted — here none signed any more (version 3 is a draft).
    let db = app.db.store.reader();
    let kept = pathways_store::financing::kept::all(db).await.expect("kept");
    assert_eq!(kept, pathways_store::financing::kept::recount(db).await.expect("recount"));
    let report = app.api(&supervisor, Method::GET, "/api/v1/financing/report", None).await.json();
    assert_eq!(report["lines"].as_array().map(Vec::len), Some(0), "{report}");
}

#[tokio::test]
async fn credentials_kept_by_a_supervisor_remind_on_the_home_and_count_in_the_check() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let person = app.person(app.org, "Credential Person", Some(coach.id)).await;
    let profile = PayerProfile {
        credential_required: true,
        supervision_within_days: Some(30),
        ..PayerProfile::peer_services("Needs credentials", 2_000)
    };
    let src = source(&app, app.org, &profile, &Funding::Payer).await;
    let check = || async {
        let body = json!({"date": today(), "starts_at": "09:00", "minutes": 30, "place_of_service": "11",
            "funding_source": src.to_string()});
        let path = format!("/api/v1/persons/{person}/service-events/check");
        let r = app.api(&coach, Method::POST, &path, Some(body)).await.json();
        r["problems"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| p["code"].as_str().unwrap_or("").to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(check().await, ["no-credential", "supervision-overdue"]);

    let page = app.page(&supervisor, "/financing/credentials").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("No credential on file."));
    let coach_id = coach.id.to_string();
    let soon = (chrono::Utc::now().date_naive() + chrono::Duration::days(20)).to_string();
    let today = today();
    let bad = app
        .post_form(&supervisor, "/financing/credentials", &[("staff_member", "nobody"), ("issued_on", "2999-01-01")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["Staff member: Choose one of the options.", "Credential: This is required.", "Issued on: "] {
        assert!(bad.body.contains(field), "{field} in {}", bad.body);
    }
    let added = app
        .post_form(
            &supervisor,
            "/financing/credentials",
            &[
                ("staff_member", &coach_id),
                ("credential_kind", "Recovery support specialist certification"),
                ("credential_number", "RSS-7"),
                ("issued_on", "2025-01-15"),
                ("expires_on", &soon),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let logged = app
        .post_form(
            &supervisor,
            "/financing/supervision",
            &[("staff_member", &coach_id), ("held_on", &today), ("minutes", "60"), ("topics", "boundaries")],
        )
        .await;
    assert_eq!(logged.status, StatusCode::SEE_OTHER, "{}", logged.body);
    assert_eq!(check().await, Vec::<String>::new(), "a current credential and a recent supervision contact");

    let home = app.page(&coach, "/staff").await;
    assert!(
        home.body.contains(&format!("Your Recovery support specialist certification expires on {soon}.")),
        "the coach is reminded: {}",
        home.body
    );
    let lead = app.page(&supervisor, "/staff").await;
    assert!(lead.body.contains("1 staff credential has expired or expires within 60 days."), "{}", lead.body);
    let page = app.page(&supervisor, "/financing/credentials").await;
    assert!(page.body.contains("RSS-7") && page.body.contains("expires soon") && page.body.contains(&today));

    let refused = app
        .post_form(&coach, "/financing/credentials", &[("staff_member", &coach_id), ("credential_kind", "Mine")])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "a coach keeps no one's credentials, not even their own");
}

/// `n` service events of October 2026 by `staff` for `persons` (a group when several), stored as the store writes
/// them: the check's problems (here: the co-signature missing when `problems`) beside their count.
fn bulk_events(
    org: OrgId,
    staff: Uuid,
    src: Uuid,
    persons: &[PersonId],
    n: usize,
    state: &str,
    problems: bool,
) -> (Vec<pathways_store::entities::service_event::Model>, Vec<pathways_store::entities::service_event_person::Model>) {
    let mut events = Vec::with_capacity(n);
    let mut people = Vec::with_capacity(n * persons.len());
    let stamp = pathways_store::now();
    for i in 0..n {
        let id = Uuid::now_v7();
        let date = chrono::NaiveDate::from_ymd_opt(2026, 10, u32::try_from(i % 31).unwrap_or(0) + 1).expect("date");
        events.push(pathways_store::entities::service_event::Model {
            id,
            org_id: org.as_uuid(),
            encounter_id: None,
            staff_account_id: staff,
            occurred_on: date,
            start_minute: 480,
            minutes: 30,
            code: "H0038".into(),
            modifiers: json!([]),
            place_of_service: "11".into(),
            goal_id: None,
            funding_source_id: src,
            authorization: None,
            diagnosis_on_file: true,
            units: 2 * i32::try_from(persons.len()).expect("persons"),
            cents: 4_000 * i64::try_from(persons.len()).expect("persons"),
            problems: if problems { json!([{"problem": "cosignature_missing"}]) } else { json!([]) },
            state: state.into(),
            signed_by: (state != "draft").then_some(staff),
            signed_at: (state != "draft").then_some(stamp),
            cosigned_by: None,
            cosigned_at: None,
            version: 1,
            supersedes: None,
            correction_reason: None,
            created_by: staff,
            created_at: stamp,
            problem_count: i32::from(problems),
            person_count: i32::try_from(persons.len()).expect("persons"),
        });
        for p in persons {
            people.push(pathways_store::entities::service_event_person::Model {
                event_id: id,
                person_id: p.as_uuid(),
                org_id: org.as_uuid(),
                occurred_on: date,
                units: 2,
            });
        }
    }
    (events, people)
}

/// The report's counts are the whole month's, however many lines it has: before, they were counted over the
/// claim lines the page loaded (at most 5,000), so a month past that was under-counted.
#[tokio::test]
async fn the_months_counts_are_exact_past_five_thousand_lines() {
    use pathways_store::bulk::insert_all;
    use pathways_store::entities::{service_event, service_event_person};
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let a = app.person(app.org, "Many Services", Some(coach.id)).await;
    let b = app.person(app.org, "Group Member", Some(coach.id)).await;
    let src = source(&app, app.org, &PayerProfile::peer_services("Busy payer", 2_000), &Funding::Payer).await;
    let staff = coach.id.as_uuid();
    let mut events = Vec::new();
    let mut people = Vec::new();
    for (persons, n, state, problems) in [
        (vec![a], 5_100, "signed", false),
        (vec![a], 200, "signed", true),
        (vec![a, b], 50, "signed", false),
        (vec![a], 30, "draft", false),
        (vec![a], 30, "superseded", false),
    ] {
        let (e, p) = bulk_events(app.org, staff, src, &persons, n, state, problems);
        events.extend(e);
        people.extend(p);
    }
    insert_all::<service_event::Entity, _>(app.db.store.writer(), events).await.expect("events");
    insert_all::<service_event_person::Entity, _>(app.db.store.writer(), people).await.expect("persons");
    // A bulk load passes by the signing that keeps the month's lines (m0037): they are counted again, as the demo
    // generator does; the report reads them.
    pathways_store::financing::kept::rebuild(app.db.store.writer()).await.expect("month lines");

    let r = app.api(&supervisor, Method::GET, "/api/v1/financing/report?year=2026&month=10", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = r.json();
    assert_eq!(
        (r["ready_to_bill"].as_u64(), r["with_problems"].as_u64()),
        (Some(5_100 + 2 * 50), Some(200)),
        "every signed line of the month, a group's once per person; drafts and superseded versions left out"
    );
    assert_eq!((r["lines"][0]["events"].as_i64(), r["lines"][0]["units"].as_i64()), (Some(5_350), Some(10_800)));
    let page = app.page(&supervisor, "/financing?month=2026-10").await;
    assert!(page.body.contains(": 5200 ·") && page.body.contains(": 200</p>"), "{}", page.body);
    let funder = app.page(&supervisor, &format!("/financing/funder.csv?month=2026-10&source={src}")).await;
    assert_eq!(funder.body.lines().count(), 1 + 5_200 + 200, "every line, ready or not");
    let claims = app.page(&supervisor, "/financing/claims.csv?month=2026-10").await;
    assert_eq!(claims.body.lines().count(), 1 + 5_200, "every line ready to bill");
}

/// Credentials and supervision through the API (fifth pass): the page's use cases, the page's roles; another
/// organization's staff member is a field error; the list names where each credential stands and the latest
/// supervision contact, and the check then counts them.
#[tokio::test]
async fn credentials_and_supervision_are_kept_through_the_api_as_on_the_page() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let elsewhere = app.staff(app.other_org, Role::Coach).await;
    let person = app.person(app.org, "Api Credential Person", Some(coach.id)).await;
    let profile = PayerProfile {
        credential_required: true,
        supervision_within_days: Some(30),
        ..PayerProfile::peer_services("Needs credentials", 2_000)
    };
    let src = source(&app, app.org, &profile, &Funding::Payer).await;
    let problems = || async {
        let body = json!({"date": today(), "starts_at": "09:00", "minutes": 30, "place_of_service": "11",
            "funding_source": src.to_string()});
        let path = format!("/api/v1/persons/{person}/service-events/check");
        let r = app.api(&coach, Method::POST, &path, Some(body)).await.json();
        r["problems"].as_array().into_iter().flatten().map(|p| p["code"].clone()).collect::<Vec<_>>()
    };
    assert_eq!(problems().await, [json!("no-credential"), json!("supervision-overdue")]);

    let list = app.api(&supervisor, Method::GET, "/api/v1/financing/credentials", None).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    let mine = |v: &serde_json::Value| {
        v.as_array().into_iter().flatten().find(|m| m["staff_member"] == coach.id.to_string()).cloned()
    };
    let row = mine(&list.json()).expect("the coach is listed");
    assert_eq!((row["credentials"].as_array().map(Vec::len), &row["last_supervision"]), (Some(0), &json!(null)));
    assert!(
        list.json().as_array().into_iter().flatten().all(|m| m["staff_member"] != elsewhere.id.to_string()),
        "only the organization's staff"
    );

    let path = "/api/v1/financing/credentials";
    let soon = (chrono::Utc::now().date_naive() + chrono::Duration::days(20)).to_string();
    let other = app
        .api(
            &supervisor,
            Method::POST,
            path,
            Some(json!({"staff_member": elsewhere.id.to_string(), "credential_kind": "K", "issued_on": "2025-01-15"})),
        )
        .await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", other.body);
    assert_eq!(other.error_fields(), ["staff_member"], "another organization's staff member is not a choice");
    let bad = app
        .api(
            &supervisor,
            Method::POST,
            path,
            Some(json!({"staff_member": coach.id.to_string(), "issued_on": "2025-01-15", "expires_on": "2024-01-01"})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert_eq!(bad.error_fields(), ["credential_kind", "expires_on"]);
    let body = json!({"staff_member": coach.id.to_string(), "credential_kind": "Recovery support specialist",
        "credential_number": "RSS-9", "issued_on": "2025-01-15", "expires_on": soon});
    let refused = app.api(&coach, Method::POST, path, Some(body.clone())).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "a coach keeps no one's credentials");
    let added = app.api(&supervisor, Method::POST, path, Some(body)).await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    let j = added.json();
    assert_eq!(j["staff_member"], coach.id.to_string());
    assert_eq!((&j["credential"]["number"], &j["credential"]["standing"]), (&json!("RSS-9"), &json!("expiring")));

    let contact = |topics: serde_json::Value| json!({"staff_member": coach.id.to_string(), "held_on": today(), "minutes": 50, "topics": topics});
    let split =
        app.api(&supervisor, Method::POST, "/api/v1/financing/supervision", Some(contact(json!(["a,b"])))).await;
    assert_eq!(split.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", split.body);
    assert_eq!(split.error_fields(), ["topics"]);
    let logged = app
        .api(&supervisor, Method::POST, "/api/v1/financing/supervision", Some(contact(json!(["boundaries", " "]))))
        .await;
    assert_eq!(logged.status, StatusCode::CREATED, "{}", logged.body);
    let j = logged.json();
    assert_eq!(
        (&j["supervisor"], &j["topics"], &j["minutes"]),
        (&json!(supervisor.id.to_string()), &json!(["boundaries"]), &json!(50))
    );

    let row = mine(&app.api(&supervisor, Method::GET, path, None).await.json()).expect("listed");
    assert_eq!(row["last_supervision"], today());
    assert_eq!(row["credentials"][0]["standing"], "expiring");
    assert_eq!(problems().await, Vec::<serde_json::Value>::new(), "the check counts what the API kept");
    let page = app.page(&supervisor, "/financing/credentials").await;
    assert!(page.body.contains("RSS-9") && page.body.contains("expires soon"), "the page shows what the API added");
}

/// A group service through the API (fifth pass): its other persons are named in `group_persons`, each reached
/// through the gate and audited; one the caller can't reach (a colleague's, another organization's) or named twice
/// is a field error and nothing is saved; the check and the event count a claim line per person.
#[tokio::test]
async fn a_group_service_names_persons_the_caller_reaches_or_saves_nothing() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let colleague = app.staff(app.org, Role::Coach).await;
    let first = app.person(app.org, "Group First", Some(coach.id)).await;
    let second = app.person(app.org, "Group Second", Some(coach.id)).await;
    let theirs = app.person(app.org, "Colleague's Person", Some(colleague.id)).await;
    let elsewhere = app.person(app.other_org, "Elsewhere Person", None).await;
    let src = source(&app, app.org, &PayerProfile::peer_services("Group payer", 1_000), &Funding::Payer).await;
    let path = format!("/api/v1/persons/{first}/service-events");
    let body = |group: Vec<String>| {
        json!({"date": today(), "starts_at": "13:00", "minutes": 30, "place_of_service": "11",
            "funding_source": src.to_string(), "sign": true, "group_persons": group})
    };
    let events_of = |p: PersonId| {
        let app = &app;
        let coach = &coach;
        async move {
            let r = app.api(coach, Method::GET, &format!("/api/v1/persons/{p}/service-events"), None).await.json();
            r.as_array().map_or(0, Vec::len)
        }
    };

    for (group, why) in [
        (vec![theirs.to_string()], "a colleague's person"),
        (vec![second.to_string(), elsewhere.to_string()], "another organization's person"),
        (vec![second.to_string(), second.to_string()], "named twice"),
        (vec![first.to_string()], "the path's person again"),
        (vec!["not-an-id".to_string()], "not an id"),
    ] {
        let refused = app.api(&coach, Method::POST, &path, Some(body(group))).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{why}: {}", refused.body);
        assert_eq!(refused.error_fields(), ["group_persons"], "{why}");
    }
    assert_eq!((events_of(first).await, events_of(second).await), (0, 0), "nothing was saved");
    let actions = app.audit_actions().await;
    for p in [theirs, elsewhere] {
        assert!(
            actions.iter().any(|(a, o, id)| a == "access_denied" && o == "denied" && *id == Some(p.as_uuid())),
            "the refusal is audited: {p}"
        );
    }

    let check = app.api(&coach, Method::POST, &format!("{path}/check"), Some(body(vec![second.to_string()]))).await;
    assert_eq!(check.status, StatusCode::OK, "{}", check.body);
    assert_eq!(check.json()["units"], 4, "two units for each of two persons");
    let made = app.api(&coach, Method::POST, &path, Some(body(vec![second.to_string()]))).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let j = made.json();
    assert_eq!(j["event"]["persons"], json!([first.to_string(), second.to_string()]));
    assert_eq!((&j["event"]["state"], &j["event"]["units"]), (&json!("signed"), &json!(4)));
    assert_eq!((events_of(first).await, events_of(second).await), (1, 1), "each person's record shows the service");
    let actions = app.audit_actions().await;
    assert!(
        actions.iter().filter(|(a, _, id)| a == "service_event_record" && *id == Some(second.as_uuid())).count() >= 2,
        "the second person's record was opened through the gate and the event recorded on it"
    );

    let fix = json!({"reason": "Wrong place", "event": {"date": today(), "starts_at": "13:00", "minutes": 30,
        "place_of_service": "12", "funding_source": src.to_string(), "group_persons": [second.to_string()]}});
    let id = j["event"]["id"].as_str().unwrap_or_default();
    let refused = app.api(&coach, Method::POST, &format!("{path}/{id}/corrections"), Some(fix)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert_eq!(refused.error_fields(), ["group_persons"], "a correction keeps the event's persons");
}

/// The funder's and the claims files are written to the response page by page as they are read (issue 21): with
/// pages of 7 events, a month of 49 signed events (a group among them, drafts and superseded versions left out)
/// arrives in several pieces with no length announced, and the bytes are those of the whole file written at once
/// (the header, every line once, in the files' order — date, start, then the event — names quoted as CSV quotes
/// them). Each person named by the claims file is audited once, whatever the pages; a refused caller gets an
/// ordinary 403 and no file.
#[tokio::test]
async fn the_files_are_sent_page_by_page_complete_in_order_and_once_each() {
    use axum::body::Body;
    use axum::http::{Request, header};
    use http_body_util::BodyExt;
    use pathways_store::bulk::insert_all;
    use pathways_store::entities::{service_event, service_event_person};
    use tower::ServiceExt;

    const PAGE: usize = 7;
    let mut app = TestApp::new().await;
    app.state.file_page_events = PAGE as u64;
    app.router = pathways_web::router(app.state.clone());
    let coach = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let analyst = app.staff(app.org, Role::Analyst).await;
    let a = app.person(app.org, "Ruiz, Ana \"Annie\"", Some(coach.id)).await;
    let b = app.person(app.org, "Group Member", Some(coach.id)).await;
    let src = source(&app, app.org, &PayerProfile::peer_services("Payer, Inc.", 2_000), &Funding::Payer).await;
    let mut events = Vec::new();
    let mut people = Vec::new();
    for (persons, n, state, problems) in [
        (vec![a], 40, "signed", false),
        (vec![a], 5, "signed", true),
        (vec![a, b], 4, "signed", false),
        (vec![a], 3, "draft", false),
        (vec![a], 3, "superseded", false),
    ] {
        let (e, p) = bulk_events(app.org, coach.id.as_uuid(), src, &persons, n, state, problems);
        events.extend(e);
        people.extend(p);
    }
    insert_all::<service_event::Entity, _>(app.db.store.writer(), events.clone()).await.expect("events");
    insert_all::<service_event_person::Entity, _>(app.db.store.writer(), people.clone()).await.expect("persons");
    pathways_store::financing::kept::rebuild(app.db.store.writer()).await.expect("month lines");

    // The files as they were built whole before: every signed event in the files' order, a line per person.
    let mut signed: Vec<_> = events.iter().filter(|e| e.state == "signed").collect();
    signed.sort_by_key(|e| (e.occurred_on, e.start_minute, e.id));
    let persons_of = |e: &service_event::Model| {
        let mut of: Vec<_> = people.iter().filter(|p| p.event_id == e.id).map(|p| p.person_id).collect();
        of.sort();
        of
    };
    let whole = |rows: Vec<Vec<String>>| {
        let mut w = csv::Writer::from_writer(Vec::new());
        for r in rows {
            w.write_record(r).expect("a row");
        }
        String::from_utf8(w.into_inner().expect("bytes")).expect("UTF-8")
    };
    let cells_of = |h: &str| h.split(',').map(str::to_owned).collect::<Vec<_>>();
    let mut funder = vec![cells_of(
        "service_id,date,code,modifiers,place_of_service,minutes,units,amount,staff,funding_source,ready_to_bill",
    )];
    let mut claims = vec![cells_of(
        "patient_name,patient_birth_date,prior_authorization,date_of_service,place_of_service,procedure_code,\
         modifiers,charges,units,rendering_staff_id,service_id",
    )];
    for e in &signed {
        for p in persons_of(e) {
            let ready = e.problem_count == 0;
            let (id, date) = (e.id.to_string(), e.occurred_on.to_string());
            let cells =
                [id.as_str(), date.as_str(), "H0038", "", "11", "30", "2", "40.00", "Test coach", "Payer, Inc."];
            let mut row: Vec<String> = cells.iter().map(|c| (*c).to_owned()).collect();
            row.push(if ready { "yes" } else { "no" }.into());
            funder.push(row);
            if ready {
                let name = if p == a.as_uuid() { "Ruiz, Ana \"Annie\"" } else { "Group Member" };
                let staff = e.staff_account_id.to_string();
                let cells = [name, "", "", date.as_str(), "11", "H0038", "", "40.00", "2", staff.as_str(), id.as_str()];
                claims.push(cells.iter().map(|c| (*c).to_owned()).collect());
            }
        }
    }
    assert_eq!((funder.len(), claims.len()), (1 + 45 + 8, 1 + 40 + 8), "the drafts and superseded left out");
    let (funder, claims) = (whole(funder), whole(claims));
    assert!(claims.contains("\n\"Ruiz, Ana \"\"Annie\"\"\",,,"), "a name quoted as CSV quotes it: {claims}");

    let before = app.audit_actions().await.len();
    for (path, want, events, name) in [
        (format!("/financing/funder.csv?month=2026-10&source={src}"), &funder, 49_usize, "funder-2026-10.csv"),
        ("/financing/claims.csv?month=2026-10".to_owned(), &claims, 44, "claims-2026-10.csv"),
    ] {
        let req = Request::get(&path).header(header::COOKIE, &supervisor.cookie).body(Body::empty()).expect("req");
        let resp = app.router.clone().oneshot(req).await.expect("infallible");
        assert_eq!(resp.status(), StatusCode::OK, "{path}");
        let h = resp.headers();
        assert_eq!(h[header::CONTENT_TYPE], "text/csv; charset=utf-8");
        assert_eq!(h[header::CONTENT_DISPOSITION], format!("attachment; filename=\"{name}\"").as_str());
        assert!(h.get(header::CONTENT_LENGTH).is_none(), "streamed: no length announced");
        assert_eq!(axum::body::HttpBody::size_hint(resp.body()).exact(), None, "streamed: no length known");
        let mut body = resp.into_body();
        let mut pieces = Vec::new();
        while let Some(frame) = body.frame().await {
            pieces.push(frame.expect("a piece").into_data().expect("data"));
        }
        assert_eq!(pieces.len(), events.div_ceil(PAGE), "{path}: a piece per page of {PAGE} events");
        let got = String::from_utf8(pieces.concat()).expect("UTF-8");
        assert_eq!(&got, want, "{path}: the whole file, each line once, in order");
    }
    let reads: Vec<_> =
        app.audit_actions().await.split_off(before).into_iter().filter(|(a, _, _)| a == "service_event_read").collect();
    assert_eq!(reads.len(), 2, "each person the claims file names, audited once: {reads:?}");

    let refused = app.page(&analyst, "/financing/claims.csv?month=2026-10").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.header("content-type").starts_with("text/html"), "an ordinary error page");
    assert!(!refused.body.contains("patient_name") && !refused.body.contains("Ruiz"), "no file");
    let denied = app.audit_actions().await;
    assert_eq!(denied.last().map(|(a, o, _)| (a.as_str(), o.as_str())), Some(("access_denied", "denied")));
}
