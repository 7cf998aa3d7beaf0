//! FHIR R4 (issue 18): the person's own copy, the consent-gated `$everything` export, the read-only API, and every
//! resource produced validated by the official R4 JSON Schema and read back with Pathways' R4 model.

use std::process::Command;

use axum::http::{Method, StatusCode};
use pathways_domain::{PersonId, Role};
use pathways_web::services::fhir::model::Resource;
use serde_json::{Value, json};

use crate::util::{Staff, TestApp, TestResponse};

const CLINIC: &str = "Outside Clinic, Inc.";

/// A person with a plan, a BARC-10, a check-in (with words), an encounter (with notes), a check-up interview.
async fn with_record(app: &TestApp, coach: &Staff, name: &str) -> PersonId {
    let p = app.person(app.org, name, Some(coach.id)).await;
    let goal = json!({"id": uuid::Uuid::now_v7(), "dimension": "purpose", "text": "Finish my GED",
        "status": "in_progress", "target_date": "2027-06-01",
        "steps": [{"what": "Sign up for classes", "who": "me", "done": true}]});
    let plan = app
        .api(
            coach,
            Method::PUT,
            &format!("/api/v1/persons/{p}/plan"),
            Some(json!({"version": 0, "plan": {"goals": [goal]}})),
        )
        .await;
    assert_eq!(plan.status, StatusCode::OK, "{}", plan.body);
    let barc = json!({"instrument": "barc10", "answers": [5, 5, 4, 4, 5, 5, 4, 6, 5, 5]});
    let made = app.api(coach, Method::POST, &format!("/api/v1/persons/{p}/assessments"), Some(barc)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let checkin = json!({"mood": 4, "craving": 2, "meetings_attended": 3, "safe": true, "supports": "My sister"});
    let made = app.api(coach, Method::POST, &format!("/api/v1/persons/{p}/checkins"), Some(checkin)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let today = chrono::Utc::now().date_naive().to_string();
    let enc = json!({"date": today, "type": "video", "minutes": 30, "topics": ["work"], "notes": "Private words"});
    let made = app.api(coach, Method::POST, &format!("/api/v1/persons/{p}/encounters"), Some(enc)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let checkup = json!({"days_alcohol_90": 14, "days_drugs_90": 0, "weekly_use_since_last": false,
        "past_month_problems": ["money", "legal"], "wants_treatment": false, "in_treatment": false,
        "housing": "temporary", "work_or_school": "looking"});
    let made = app.api(coach, Method::POST, &format!("/api/v1/persons/{p}/checkups"), Some(checkup)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    p
}

/// The check-up interview's response in a Bundle: its answers as codes and the rule's result.
fn checkup_response(bundle: &Value) -> Value {
    let entries = bundle["entry"].as_array().cloned().unwrap_or_default();
    entries
        .iter()
        .map(|e| e["resource"].clone())
        .find(|r| r["questionnaire"].as_str().is_some_and(|q| q.ends_with("/Questionnaire/checkup")))
        .unwrap_or_else(|| panic!("no check-up response in {bundle}"))
}

/// The codes of a `choice` item's answers.
fn codes_of(qr: &Value, link: &str) -> Vec<String> {
    answers_of(qr, link).iter().filter_map(|a| a["valueCoding"]["code"].as_str().map(str::to_owned)).collect()
}

fn answers_of(qr: &Value, link: &str) -> Vec<Value> {
    let items = qr["item"].as_array().cloned().unwrap_or_default();
    items.iter().find(|i| i["linkId"] == link).and_then(|i| i["answer"].as_array().cloned()).unwrap_or_default()
}

/// Records a paper consent naming `CLINIC` for `categories`; its id.
async fn consent(app: &TestApp, coach: &Staff, p: PersonId, categories: &[&str]) -> String {
    let body = json!({"categories": categories, "recipient": {"kind": "organization", "name": CLINIC},
        "purpose": "Continuing care", "expires_on": "2030-01-01", "signed_on": "2026-11-01", "paper_on_file": true});
    let made = app.api(coach, Method::POST, &format!("/api/v1/persons/{p}/consents"), Some(body)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    made.json()["id"].as_str().expect("id").to_owned()
}

async fn everything(app: &TestApp, who: &Staff, p: PersonId) -> TestResponse {
    let path = format!("/fhir/r4/Patient/{p}/$everything?recipient=Outside%20Clinic%20Inc");
    app.api(who, Method::GET, &path, None).await
}

async fn accounting(app: &TestApp, coach: &Staff, p: PersonId) -> Vec<Value> {
    let page = app.api(coach, Method::GET, &format!("/api/v1/persons/{p}/disclosures"), None).await.json();
    page["items"].as_array().cloned().unwrap_or_default()
}

fn kinds(bundle: &Value) -> Vec<String> {
    bundle["entry"]
        .as_array()
        .map(|e| e.iter().map(|x| x["resource"]["resourceType"].as_str().unwrap_or_default().to_owned()).collect())
        .unwrap_or_default()
}

/// The first resource of `kind` in a Bundle.
fn resource_of(bundle: &Value, kind: &str) -> Value {
    let entries = bundle["entry"].as_array().cloned().unwrap_or_default();
    entries
        .iter()
        .map(|e| e["resource"].clone())
        .find(|r| r["resourceType"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {bundle}"))
}

/// A DocumentReference's text (its attachment's base64 data, decoded).
fn note_text(doc: &Value) -> String {
    use base64::Engine as _;
    let data = doc["content"][0]["attachment"]["data"].as_str().expect("data");
    String::from_utf8(base64::engine::general_purpose::STANDARD.decode(data).expect("base64")).expect("utf-8")
}

fn is_fhir(r: &TestResponse) {
    assert!(r.header("content-type").starts_with("application/fhir+json"), "{:?}", r.header("content-type"));
}

/// Every resource (and the Bundle) carries the Part 2 labels, and reads back with Pathways' R4 model unchanged.
fn labelled_and_round_trips(doc: &Value) {
    let back: Resource = serde_json::from_value(doc.clone()).unwrap_or_else(|e| panic!("read back: {e}\n{doc}"));
    assert_eq!(&serde_json::to_value(&back).expect("write"), doc, "the round trip changed something");
    let mut all = vec![doc.clone()];
    if let Some(entries) = doc["entry"].as_array() {
        all.extend(entries.iter().map(|e| e["resource"].clone()));
    }
    for r in all {
        let security = r["meta"]["security"].as_array().cloned().unwrap_or_default();
        let has = |system: &str, code: &str| security.iter().any(|c| c["system"] == system && c["code"] == code);
        assert!(
            has("http://terminology.hl7.org/CodeSystem/v3-ActCode", "42CFRPart2")
                && has("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R"),
            "{} without the Part 2 labels",
            r["resourceType"]
        );
    }
}

#[tokio::test]
async fn a_person_downloads_and_prints_their_own_record_and_sees_it_in_their_access_log() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = with_record(&app, &coach, "Record Owner").await;
    let me = app.person_login(app.org, p).await;

    let page = app.page(&me, "/me/record").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for words in ["My record", "Finish my GED", "Total 48", "My sister", "Video, 30 minutes", "FHIR"] {
        assert!(page.body.contains(words), "{words:?} missing");
    }
    assert!(!page.body.contains("<script"), "no JavaScript");

    let file = app.page(&me, "/me/record?format=fhir").await;
    assert_eq!(file.status, StatusCode::OK);
    is_fhir(&file);
    assert!(file.header("content-disposition").starts_with("attachment"));
    let bundle = file.json();
    assert_eq!(bundle["type"], "collection");
    let k = kinds(&bundle);
    for kind in [
        "Patient",
        "CarePlan",
        "Goal",
        "Questionnaire",
        "QuestionnaireResponse",
        "Observation",
        "Encounter",
        "Provenance",
    ] {
        assert!(k.iter().any(|x| x == kind), "{kind} missing from {k:?}");
    }
    assert!(file.body.contains("My sister"), "the person's own words are in their own copy");
    assert!(!file.body.contains("Private words"), "encounter notes are never exported");
    assert!(file.body.contains("barc-10-total") && !file.body.contains("loinc"), "Pathways' own code, no LOINC");
    // The check-up interview as given, and what the rule made of it (14 days of alcohol use in 90: weekly use).
    let qr = checkup_response(&bundle);
    assert_eq!(answers_of(&qr, "days-alcohol-90"), [json!({"valueInteger": 14})]);
    assert_eq!(codes_of(&qr, "past-month-problems"), ["money", "legal"]);
    assert_eq!(answers_of(&qr, "housing")[0]["valueCoding"]["code"], "temporary");
    assert_eq!(answers_of(&qr, "needs-treatment"), [json!({"valueBoolean": true})]);
    assert_eq!(codes_of(&qr, "need-reasons"), ["weekly_use", "past_month_problems"]);
    assert!(answers_of(&qr, "treatment-status").is_empty(), "a question not asked is left out");
    assert!(file.body.contains("Dennis ML, Scott CK, Funk R"), "the check-up Questionnaire cites its source");
    labelled_and_round_trips(&bundle);

    let log = app.page(&me, "/me/access-log").await.body;
    assert!(log.contains("downloaded or printed your record"), "{log}");
    // In Spanish too (the language is remembered for the account).
    assert!(app.page(&me, "/lang/es?next=/me/record").await.status.is_redirection());
    let es = app.page(&me, "/me/record").await.body;
    assert!(es.contains("Mi expediente") && es.contains("Mi plan de recuperación"), "{es}");
    // Staff have no /persons/{id}/record; another person's copy is not reachable.
    assert_eq!(app.page(&coach, "/me/record").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_export_needs_a_consent_sends_only_what_it_names_and_is_accounted_for() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = with_record(&app, &coach, "Exported Person").await;

    // No consent: 403 with the reason, nothing disclosed.
    let blocked = everything(&app, &coach, p).await;
    assert_eq!(blocked.status, StatusCode::FORBIDDEN, "{}", blocked.body);
    is_fhir(&blocked);
    assert_eq!(blocked.json()["resourceType"], "OperationOutcome");
    assert!(blocked.json()["issue"][0]["diagnostics"].as_str().unwrap_or_default().contains("No consent in force"));
    assert!(accounting(&app, &coach, p).await.is_empty());
    assert!(app.audit_actions().await.iter().any(|(a, o, _)| a == "fhir_export" && o == "denied"));

    // A consent for another recipient does not count.
    let body = json!({"categories": ["checkins_assessments"], "recipient": {"kind": "organization", "name": "Elsewhere"},
        "purpose": "Care", "expires_on": "2030-01-01", "signed_on": "2026-11-01", "paper_on_file": true});
    app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/consents"), Some(body)).await;
    assert_eq!(everything(&app, &coach, p).await.status, StatusCode::FORBIDDEN);

    // Partial consent: only check-ins and assessments go; the note says what was left out; §2.32 travels with it.
    let partial = consent(&app, &coach, p, &["checkins_assessments"]).await;
    let sent = everything(&app, &coach, p).await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    is_fhir(&sent);
    let bundle = sent.json();
    assert_eq!(bundle["type"], "collection");
    let k = kinds(&bundle);
    for kind in ["Patient", "QuestionnaireResponse", "Observation", "Consent", "OperationOutcome", "Provenance"] {
        assert!(k.iter().any(|x| x == kind), "{kind} missing from {k:?}");
    }
    checkup_response(&bundle);
    for kind in ["CarePlan", "Goal", "Encounter", "ServiceRequest", "AuditEvent"] {
        assert!(!k.iter().any(|x| x == kind), "{kind} was not consented to: {k:?}");
    }
    assert!(!sent.body.contains("My sister"), "a check-in's words never leave in an export");
    assert!(sent.body.contains("Left out") && sent.body.contains("encounter_summaries"));
    assert!(sent.body.contains("42 CFR part 2") && sent.body.contains("NORDSCLCD"));
    labelled_and_round_trips(&bundle);
    let entries = accounting(&app, &coach, p).await;
    assert_eq!(entries.len(), 1, "one entry per export");
    assert_eq!(entries[0]["channel"], "export");
    assert_eq!(entries[0]["recipient_name"], "Outside Clinic Inc");
    assert_eq!(entries[0]["categories"], json!(["checkins_assessments"]));

    // A second export: a second entry.
    assert_eq!(everything(&app, &coach, p).await.status, StatusCode::OK);
    assert_eq!(accounting(&app, &coach, p).await.len(), 2);

    // Revoked: the next export is blocked and adds nothing.
    let revoked = app.api(&coach, Method::POST, &format!("/api/v1/consents/{partial}/revoke"), None).await;
    assert_eq!(revoked.status, StatusCode::OK, "{}", revoked.body);
    assert_eq!(everything(&app, &coach, p).await.status, StatusCode::FORBIDDEN);
    assert_eq!(accounting(&app, &coach, p).await.len(), 2);

    // Full consent: the plan, goals and encounters go too (never the encounter's notes).
    consent(&app, &coach, p, &["recovery_plan", "checkins_assessments", "referral_information", "encounter_summaries"])
        .await;
    let full = everything(&app, &coach, p).await;
    assert_eq!(full.status, StatusCode::OK, "{}", full.body);
    let k = kinds(&full.json());
    for kind in ["CarePlan", "Goal", "Encounter", "Observation"] {
        assert!(k.iter().any(|x| x == kind), "{kind} missing from {k:?}");
    }
    assert!(!full.body.contains("Private words"));
    assert!(!k.iter().any(|x| x == "DocumentReference"), "notes need a consent of their own: {k:?}");
    labelled_and_round_trips(&full.json());
    assert_eq!(accounting(&app, &coach, p).await.len(), 3);

    // Counseling notes go only under a consent that names them (and nothing else, §2.31(b)), as a DocumentReference
    // pointing at its Encounter when the encounter summaries go too.
    consent(&app, &coach, p, &["counseling_notes"]).await;
    let noted = everything(&app, &coach, p).await;
    assert_eq!(noted.status, StatusCode::OK, "{}", noted.body);
    let bundle = noted.json();
    let note = resource_of(&bundle, "DocumentReference");
    assert_eq!(note_text(&note), "Private words");
    let encounter = resource_of(&bundle, "Encounter");
    assert_eq!(
        note["context"]["encounter"][0]["reference"],
        format!("Encounter/{}", encounter["id"].as_str().expect("id"))
    );
    labelled_and_round_trips(&bundle);
    let entries = accounting(&app, &coach, p).await;
    assert_eq!(entries.len(), 5, "one entry per consent relied on");
    assert!(entries.iter().any(|e| e["categories"] == json!(["counseling_notes"])), "{entries:?}");

    // Notes alone: the notes without the encounters they belong to.
    let q = with_record(&app, &coach, "Notes Only").await;
    consent(&app, &coach, q, &["counseling_notes"]).await;
    let alone = everything(&app, &coach, q).await;
    assert_eq!(alone.status, StatusCode::OK, "{}", alone.body);
    let k = kinds(&alone.json());
    assert!(!k.iter().any(|x| x == "Encounter" || x == "CarePlan" || x == "QuestionnaireResponse"), "{k:?}");
    let note = resource_of(&alone.json(), "DocumentReference");
    assert_eq!(note_text(&note), "Private words");
    assert!(note["context"].get("encounter").is_none(), "{note}");

    // Bad input and reach, as OperationOutcomes.
    let no_recipient = app.api(&coach, Method::GET, &format!("/fhir/r4/Patient/{p}/$everything"), None).await;
    assert_eq!(no_recipient.status, StatusCode::BAD_REQUEST);
    assert_eq!(no_recipient.json()["resourceType"], "OperationOutcome");
    let stranger = app.staff(app.other_org, Role::Clinician).await;
    let theirs = everything(&app, &stranger, p).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    assert_eq!(theirs.json()["issue"][0]["code"], "not-found");
    let bad = app.api(&coach, Method::GET, "/fhir/r4/Patient/not-an-id/$everything?recipient=x", None).await;
    assert_eq!(bad.status, StatusCode::NOT_FOUND);
    assert_eq!(bad.json()["resourceType"], "OperationOutcome");
    let anonymous = app
        .send(axum::http::Request::get(format!("/fhir/r4/Patient/{p}")).body(axum::body::Body::empty()).expect("req"))
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.json()["issue"][0]["code"], "login");
    assert_eq!(accounting(&app, &coach, p).await.len(), 5, "refusals disclose nothing");
}

#[tokio::test]
async fn staff_send_the_record_from_the_persons_page_under_the_consent_and_are_told_why_when_they_cannot() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = with_record(&app, &coach, "Paged Person").await;
    let form = format!("/persons/{p}/export");
    assert!(app.page(&coach, &format!("/persons/{p}")).await.body.contains(&form), "linked from the person's page");

    // No consent yet: the page says so and offers to record one; an export is refused with the reason.
    let page = app.page(&coach, &form).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("No consent in force allows sending this record"), "{}", page.body);
    let refused = app.post_form(&coach, &form, &[("recipient", CLINIC)]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert!(refused.body.contains("Nothing was sent") && refused.body.contains("consents#new-consent"));
    assert!(accounting(&app, &coach, p).await.is_empty());
    let empty = app.post_form(&coach, &form, &[("recipient", "  ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", empty.body);
    assert!(empty.body.contains("Type the name of the provider"), "{}", empty.body);

    // With a consent: the page names the recipient and what may go; the export downloads as FHIR, only what the
    // consent names, and the accounting gains its entry.
    consent(&app, &coach, p, &["recovery_plan", "encounter_summaries"]).await;
    let page = app.page(&coach, &form).await;
    assert!(page.body.contains(CLINIC) && page.body.contains("<datalist"), "{}", page.body);
    let sent = app.post_form(&coach, &form, &[("recipient", "outside clinic inc")]).await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    is_fhir(&sent);
    assert!(sent.header("content-disposition").starts_with("attachment;"), "{}", sent.header("content-disposition"));
    let k = kinds(&sent.json());
    assert!(k.iter().any(|x| x == "CarePlan") && k.iter().any(|x| x == "Encounter"), "{k:?}");
    assert!(!k.iter().any(|x| x == "QuestionnaireResponse" || x == "DocumentReference"), "{k:?}");
    labelled_and_round_trips(&sent.json());
    let entries = accounting(&app, &coach, p).await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["channel"], "export");

    // Another organization's staff: not found; the person themselves has no such page.
    let stranger = app.staff(app.other_org, Role::Supervisor).await;
    assert_eq!(app.page(&stranger, &form).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.post_form(&stranger, &form, &[("recipient", CLINIC)]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(accounting(&app, &coach, p).await.len(), 1);
}

#[tokio::test]
async fn the_fhir_api_reads_and_searches_with_paging_as_its_capability_statement_says() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let p = with_record(&app, &admin, "Alpha Api").await;
    app.person(app.org, "Bravo Api", None).await;
    app.person(app.org, "Charlie Api", None).await;
    let elsewhere = app.person(app.other_org, "Delta Elsewhere", None).await;

    // The CapabilityStatement names what answers, and each named interaction answers 200.
    let meta = app.api(&admin, Method::GET, "/fhir/r4/metadata", None).await;
    assert_eq!(meta.status, StatusCode::OK);
    is_fhir(&meta);
    let cs = meta.json();
    assert_eq!(cs["fhirVersion"], "4.0.1");
    labelled_or_plain_round_trip(&cs);
    for r in cs["rest"][0]["resource"].as_array().expect("resources") {
        let kind = r["type"].as_str().expect("type");
        for i in r["interaction"].as_array().expect("interactions") {
            let path = match (kind, i["code"].as_str().expect("code")) {
                ("Patient", "read") => format!("/fhir/r4/Patient/{p}"),
                (k, "read") => {
                    let found = app.api(&admin, Method::GET, &format!("/fhir/r4/{k}?patient={p}"), None).await;
                    match found.json()["entry"][0]["resource"]["id"].as_str() {
                        Some(id) => format!("/fhir/r4/{k}/{id}"),
                        // No such record yet (a referral): a read of an unknown id is an OperationOutcome 404.
                        None => {
                            let none = app.api(&admin, Method::GET, &format!("/fhir/r4/{k}/{p}"), None).await;
                            assert_eq!(none.status, StatusCode::NOT_FOUND, "{k}");
                            continue;
                        }
                    }
                }
                ("Patient", "search-type") => format!("/fhir/r4/Patient?_id={p}"),
                (k, "search-type") => format!("/fhir/r4/{k}?patient=Patient/{p}"),
                other => panic!("the table names {other:?}, which this test does not know"),
            };
            let got = app.api(&admin, Method::GET, &path, None).await;
            assert_eq!(got.status, StatusCode::OK, "{path}: {}", got.body);
            is_fhir(&got);
        }
    }

    // Each kind of the record by person: the encounter without its notes, the goal, no referral yet.
    for (kind, total) in [
        ("CarePlan", 1),
        ("Goal", 1),
        ("QuestionnaireResponse", 3),
        ("Encounter", 1),
        ("Task", 0),
        ("ServiceRequest", 0),
        ("Consent", 0),
    ] {
        let found = app.api(&admin, Method::GET, &format!("/fhir/r4/{kind}?patient=Patient/{p}"), None).await;
        assert_eq!(found.json()["total"], total, "{kind}: {}", found.body);
        assert!(!found.body.contains("Private words") && !found.body.contains("My sister"), "{kind}");
        labelled_and_round_trips(&found.json());
        let theirs = app.api(&admin, Method::GET, &format!("/fhir/r4/{kind}?patient={elsewhere}"), None).await;
        assert_eq!(theirs.json()["total"], 0, "{kind}: another organization's person");
        let bad = app.api(&admin, Method::GET, &format!("/fhir/r4/{kind}"), None).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{kind}");
        assert!(bad.body.contains("patient is required"), "{kind}");
    }

    // Patient search: paging links, the other organization's person never listed.
    let first = app.api(&admin, Method::GET, "/fhir/r4/Patient?_count=2", None).await.json();
    assert_eq!(first["type"], "searchset");
    assert_eq!(first["total"], 3);
    assert_eq!(first["entry"].as_array().map(Vec::len), Some(2));
    let next = first["link"].as_array().expect("links").iter().find(|l| l["relation"] == "next").expect("next");
    let next_path = next["url"].as_str().expect("url").split_once("/fhir/r4").expect("base").1.to_owned();
    let second = app.api(&admin, Method::GET, &format!("/fhir/r4{next_path}"), None).await.json();
    assert_eq!(second["entry"].as_array().map(Vec::len), Some(1));
    assert!(second["link"].as_array().expect("links").iter().any(|l| l["relation"] == "previous"));
    assert!(!second["link"].as_array().expect("links").iter().any(|l| l["relation"] == "next"));
    let names: Vec<String> = [&first, &second]
        .iter()
        .flat_map(|b| b["entry"].as_array().cloned().unwrap_or_default())
        .map(|e| e["resource"]["name"][0]["text"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(names, ["Alpha Api", "Bravo Api", "Charlie Api"]);
    labelled_and_round_trips(&first);

    // Pages that do not start on a multiple of _count, and one far past the end.
    for (offset, want) in [(1, vec!["Bravo Api", "Charlie Api"]), (2, vec!["Charlie Api"]), (3, vec![])] {
        let page =
            app.api(&admin, Method::GET, &format!("/fhir/r4/Patient?_count=2&_offset={offset}"), None).await.json();
        let got: Vec<String> = page["entry"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|e| e["resource"]["name"][0]["text"].as_str().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(got, want, "_offset={offset}");
        assert_eq!(page["total"], 3);
    }
    let far = app.api(&admin, Method::GET, "/fhir/r4/Patient?_count=1&_offset=9223372036854775807", None).await;
    assert_eq!(far.status, StatusCode::OK, "{}", far.body);
    assert_eq!(far.json()["total"], 3);
    let one = app.api(&admin, Method::GET, &format!("/fhir/r4/Patient?_id={p}"), None).await.json();
    assert_eq!(one["total"], 1);
    let not_ours = app.api(&admin, Method::GET, &format!("/fhir/r4/Patient?_id={elsewhere}"), None).await.json();
    assert_eq!(not_ours["total"], 0);
    let read_theirs = app.api(&admin, Method::GET, &format!("/fhir/r4/Patient/{elsewhere}"), None).await;
    assert_eq!(read_theirs.status, StatusCode::NOT_FOUND);
    assert_eq!(read_theirs.json()["resourceType"], "OperationOutcome");

    // Observation search: the BARC-10 total, Pathways' code; `patient` required; bad _count named.
    let obs = app.api(&admin, Method::GET, &format!("/fhir/r4/Observation?patient={p}&_count=50"), None).await.json();
    assert_eq!(obs["total"], 1);
    assert_eq!(obs["entry"][0]["resource"]["valueInteger"], 48);
    assert_eq!(obs["entry"][0]["resource"]["code"]["coding"][0]["code"], "barc-10-total");
    labelled_and_round_trips(&obs);
    let theirs = app.api(&admin, Method::GET, &format!("/fhir/r4/Observation?patient={elsewhere}"), None).await;
    assert_eq!(theirs.json()["total"], 0);
    for (path, words) in [
        ("/fhir/r4/Observation".to_owned(), "patient is required"),
        (format!("/fhir/r4/Observation?patient={p}&_count=0"), "_count"),
        ("/fhir/r4/Patient?_count=many".to_owned(), "_count"),
        ("/fhir/r4/Patient?_offset=-1".to_owned(), "_offset"),
    ] {
        let bad = app.api(&admin, Method::GET, &path, None).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{path}");
        is_fhir(&bad);
        assert_eq!(bad.json()["issue"][0]["code"], "invalid");
        assert!(bad.body.contains(words), "{path}: {}", bad.body);
    }
    // Roles without person records: 403 OperationOutcome.
    let analyst = app.staff(app.org, Role::Analyst).await;
    let refused = app.api(&analyst, Method::GET, "/fhir/r4/Patient", None).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.json()["resourceType"], "OperationOutcome");
}

#[tokio::test]
async fn a_resource_is_read_by_id_through_the_person_gate_and_searches_filter_by_last_updated() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = with_record(&app, &coach, "Read By Id").await;
    let consent_id = consent(&app, &coach, p, &["checkins_assessments"]).await;
    let other_coach = app.staff(app.org, Role::Coach).await;
    let stranger = app.staff(app.other_org, Role::Coach).await;

    // Every kind of the record, read by the id its search gave: the same resource; out of reach: 404.
    for kind in ["CarePlan", "Goal", "QuestionnaireResponse", "Observation", "Encounter", "Consent"] {
        let found = app.api(&coach, Method::GET, &format!("/fhir/r4/{kind}?patient={p}"), None).await.json();
        for entry in found["entry"].as_array().cloned().unwrap_or_default() {
            let id = entry["resource"]["id"].as_str().expect("id").to_owned();
            let read = app.api(&coach, Method::GET, &format!("/fhir/r4/{kind}/{id}"), None).await;
            assert_eq!(read.status, StatusCode::OK, "{kind}/{id}: {}", read.body);
            is_fhir(&read);
            assert_eq!(read.json(), entry["resource"], "{kind}/{id}");
            labelled_or_plain_round_trip(&read.json());
            // Another organization's staff and a coach the person is not assigned to: not found, as for a person.
            for who in [&stranger, &other_coach] {
                let denied = app.api(who, Method::GET, &format!("/fhir/r4/{kind}/{id}"), None).await;
                assert_eq!(denied.status, StatusCode::NOT_FOUND, "{kind}/{id}");
                assert_eq!(denied.json()["issue"][0]["code"], "not-found");
            }
            // The id of one kind is not found as another.
            let wrong = if kind == "Encounter" { "Consent" } else { "Encounter" };
            let crossed = app.api(&coach, Method::GET, &format!("/fhir/r4/{wrong}/{id}"), None).await;
            assert_eq!(crossed.status, StatusCode::NOT_FOUND, "{kind}/{id} read as {wrong}");
        }
        assert!(found["total"].as_u64().unwrap_or_default() >= 1, "{kind}: {found}");
    }
    let consent_read = app.api(&coach, Method::GET, &format!("/fhir/r4/Consent/{consent_id}"), None).await;
    assert_eq!(consent_read.json()["status"], "active");
    for path in ["/fhir/r4/Encounter/not-an-id", "/fhir/r4/Medication/1", &format!("/fhir/r4/Goal/{p}")] {
        let missing = app.api(&coach, Method::GET, path, None).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(missing.json()["resourceType"], "OperationOutcome", "{path}");
    }
    // Each read is in the person's access log.
    let reads = app
        .audit_actions()
        .await
        .iter()
        .filter(|(a, o, who)| a == "fhir_read" && o == "success" && *who == Some(p.as_uuid()))
        .count();
    assert!(reads >= 12, "{reads} reads audited");

    // _lastUpdated: everything was written today; a range around now keeps it, one before it keeps nothing.
    let today = chrono::Utc::now().date_naive();
    let search = |q: String| {
        let path = format!("/fhir/r4/QuestionnaireResponse?patient={p}&{q}");
        let app = &app;
        let coach = &coach;
        async move { app.api(coach, Method::GET, &path, None).await }
    };
    let kept = search(format!(
        "_lastUpdated=ge{}&_lastUpdated=lt{}",
        today.pred_opt().expect("day"),
        today.succ_opt().expect("day")
    ))
    .await;
    assert_eq!(kept.status, StatusCode::OK, "{}", kept.body);
    assert_eq!(kept.json()["total"], 3, "{}", kept.body);
    let self_link = kept.json()["link"][0]["url"].as_str().unwrap_or_default().to_owned();
    assert!(self_link.contains("_lastUpdated=ge") && self_link.contains("_lastUpdated=lt"), "{self_link}");
    assert_eq!(search(format!("_lastUpdated={today}")).await.json()["total"], 3);
    assert_eq!(search(format!("_lastUpdated=lt{today}")).await.json()["total"], 0);
    assert_eq!(search("_lastUpdated=gt2026-01".to_owned()).await.json()["total"], 3);
    assert_eq!(search("_lastUpdated=le2020".to_owned()).await.json()["total"], 0);
    let obs = app
        .api(&coach, Method::GET, &format!("/fhir/r4/Observation?patient={p}&_lastUpdated=eb2020-01-01"), None)
        .await;
    assert_eq!(obs.json()["total"], 0);
    // Bad values, repeated single parameters and `ap` are named in a 400 OperationOutcome.
    for (q, words) in [
        ("_lastUpdated=last-week".to_owned(), "_lastUpdated"),
        ("_lastUpdated=ap2026".to_owned(), "ap"),
        ("_lastUpdated=2026-12-01T10:00".to_owned(), "zone"),
        (format!("patient={p}"), "patient is given more than once"),
        ("_count=1&_count=2".to_owned(), "_count is given more than once"),
    ] {
        let bad = search(q.clone()).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{q}");
        assert_eq!(bad.json()["issue"][0]["code"], "invalid", "{q}");
        assert!(bad.body.contains(words), "{q}: {}", bad.body);
    }
    let patients = app.api(&coach, Method::GET, "/fhir/r4/Patient?_lastUpdated=ge2026", None).await;
    assert_eq!(patients.status, StatusCode::BAD_REQUEST);
}

fn labelled_or_plain_round_trip(doc: &Value) {
    let back: Resource = serde_json::from_value(doc.clone()).unwrap_or_else(|e| panic!("read back: {e}\n{doc}"));
    assert_eq!(&serde_json::to_value(&back).expect("write"), doc);
}

/// Why the FHIR validator can't run here, or `None` when it can. Under CI it must run.
fn fhir_validator_missing(schema: &std::path::Path) -> Option<String> {
    let probe = Command::new("python3").args(["-c", "import jsonschema, referencing, fhirkit"]).output();
    let reason = match probe {
        Ok(o) if o.status.success() && schema.is_file() => return None,
        Ok(o) if o.status.success() => format!("{} is missing", schema.display()),
        Ok(_) => "jsonschema or fhirkit is not importable".to_owned(),
        Err(e) => format!("python3 cannot be run: {e}"),
    };
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must validate the FHIR resources, but {reason} (run scripts/setup.sh)"
    );
    Some(reason)
}

#[tokio::test]
async fn every_resource_pathways_writes_is_valid_fhir_r4() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let schema = root.join(".cache/fhir-r4/fhir.schema.json");
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = with_record(&app, &coach, "Valid Person").await;
    consent(&app, &coach, p, &["recovery_plan", "checkins_assessments", "encounter_summaries"]).await;
    let me = app.person_login(app.org, p).await;
    let dir = tempfile::tempdir().expect("dir");
    let mut docs = vec![
        ("partial-export", everything(&app, &coach, p).await.json()),
        ("blocked", everything(&app, &app.staff(app.org, Role::Coach).await, p).await.json()),
        ("metadata", app.api(&coach, Method::GET, "/fhir/r4/metadata", None).await.json()),
        ("patients", app.api(&coach, Method::GET, "/fhir/r4/Patient?_count=1", None).await.json()),
        ("patient", app.api(&coach, Method::GET, &format!("/fhir/r4/Patient/{p}"), None).await.json()),
        ("observations", app.api(&coach, Method::GET, &format!("/fhir/r4/Observation?patient={p}"), None).await.json()),
        ("bad", app.api(&coach, Method::GET, "/fhir/r4/Observation", None).await.json()),
        ("careplans", app.api(&coach, Method::GET, &format!("/fhir/r4/CarePlan?patient={p}"), None).await.json()),
        ("encounters", app.api(&coach, Method::GET, &format!("/fhir/r4/Encounter?patient={p}"), None).await.json()),
        ("consents", app.api(&coach, Method::GET, &format!("/fhir/r4/Consent?patient={p}"), None).await.json()),
        (
            "responses",
            app.api(&coach, Method::GET, &format!("/fhir/r4/QuestionnaireResponse?patient={p}"), None).await.json(),
        ),
        (
            "goals",
            app.api(&coach, Method::GET, &format!("/fhir/r4/Goal?patient={p}&_lastUpdated=ge2026"), None).await.json(),
        ),
    ];
    // A read by id of each kind the searches found.
    let mut reads = Vec::new();
    for (_, doc) in &docs {
        if let Some(r) = doc["entry"][0]["resource"].as_object().filter(|_| doc["type"] == "searchset") {
            let kind = r["resourceType"].as_str().unwrap_or_default();
            let path = format!("/fhir/r4/{kind}/{}", r["id"].as_str().unwrap_or_default());
            reads.push(("read", app.api(&coach, Method::GET, &path, None).await.json()));
        }
    }
    assert!(reads.len() >= 6, "{} reads", reads.len());
    docs.extend(reads);
    // An export with counseling notes (a DocumentReference).
    consent(&app, &coach, p, &["counseling_notes"]).await;
    let noted = everything(&app, &coach, p).await.json();
    assert!(kinds(&noted).iter().any(|k| k == "DocumentReference"));
    docs.push(("notes-export", noted));
    // The person's own copy, after the export: it holds the consent and the accounting entry (an AuditEvent).
    docs.push(("own-copy", app.page(&me, "/me/record?format=fhir").await.json()));
    assert!(kinds(&docs.last().expect("own").1).iter().any(|k| k == "AuditEvent"));
    assert!(kinds(&docs.last().expect("own").1).iter().any(|k| k == "Consent"));
    for (n, (name, doc)) in docs.iter().enumerate() {
        // Each entry on its own too, so an error names the resource.
        if let Some(entries) = doc["entry"].as_array() {
            for (i, e) in entries.iter().enumerate() {
                std::fs::write(dir.path().join(format!("{name}-{n}-{i}.json")), e["resource"].to_string())
                    .expect("write");
            }
        }
        std::fs::write(dir.path().join(format!("{name}-{n}.json")), doc.to_string()).expect("write");
    }
    if let Some(reason) = fhir_validator_missing(&schema) {
        eprintln!("skipped the FHIR schema validation: {reason}");
        return;
    }
    let validator = root.join("scripts/validate_fhir.py");
    let out =
        Command::new("python3").arg(&validator).arg(dir.path()).arg("--schema").arg(&schema).output().expect("run");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{text}");
    assert!(text.contains("valid FHIR R4"), "{text}");

    // The validator is not a formality: a misnamed field and a wrong type are named.
    let mut broken = docs[4].1.clone();
    broken["birthdate"] = json!("2000-01-01");
    broken["active"] = json!("yes");
    std::fs::write(dir.path().join("broken.json"), broken.to_string()).expect("write");
    let out = Command::new("python3")
        .arg(&validator)
        .arg(dir.path().join("broken.json"))
        .arg("--schema")
        .arg(&schema)
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("birthdate") && text.contains("$.active"), "{text}");
    // fhirkit names what the schema cannot: a required element missing.
    let mut no_status = docs[2].1.clone();
    no_status.as_object_mut().expect("object").remove("status");
    std::fs::write(dir.path().join("no-status.json"), no_status.to_string()).expect("write");
    let out = Command::new("python3")
        .arg(&validator)
        .arg(dir.path().join("no-status.json"))
        .arg("--schema")
        .arg(&schema)
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("CapabilityStatement.status") && text.contains("[fhirkit]"), "{text}");
}
