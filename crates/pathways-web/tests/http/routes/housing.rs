//! Recovery housing (issue 19): the public board and its JSON (no sign-in, only residences with a valid
//! certificate, the filters), the operator's one-tap weekly report (its checks, its scope, its audit event),
//! the reminders and flags the operator sees, and the state's figures (counts only, who may see them).

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{Duration, NaiveDate};
use pathways_domain::directory::geo::LatLon;
use pathways_domain::housing::{Certification, NarrLevel, Payment, Population};
use pathways_domain::{OrgId, Role};
use pathways_store::audit::Actor;
use pathways_store::housing::{NewResidence, create, report};
use uuid::Uuid;

use crate::util::{TestApp, set_cookies};

struct House {
    name: &'static str,
    town: &'static str,
    level: NarrLevel,
    populations: Vec<Population>,
    moud: bool,
    cost: u32,
    /// Days from today the certificate expires (negative: expired); `None`: no certificate.
    expires_in: Option<i64>,
    beds: u32,
    doses: u32,
    /// Days ago it reported.
    reported_days_ago: i64,
}

/// Today as the app counts certificates' days: in the deployment's zone (the test app's is the default, New York),
/// not UTC's, which is tomorrow's every evening there.
fn today() -> NaiveDate {
    pathways_store::now().with_timezone(&chrono_tz::America::New_York).date_naive()
}

async fn house(app: &TestApp, org: OrgId, h: House) -> Uuid {
    let place = match h.town {
        "Hartford" => LatLon::new(41.7658, -72.6734).ok(),
        _ => LatLon::new(41.3083, -72.9279).ok(),
    };
    let r = NewResidence {
        organization: org,
        service_id: None,
        name: h.name.to_owned(),
        address: "10 Oak Street".into(),
        town: h.town.to_owned(),
        zip: None,
        region: Some(if h.town == "Hartford" { "North Central" } else { "South Central" }.to_owned()),
        place,
        level: h.level,
        populations: h.populations,
        accepts_moud: h.moud,
        serves_oud: true,
        total_beds: 8,
        certification: h.expires_in.map(|d| Certification {
            body: "Connecticut Alliance of Recovery Residences".into(),
            number: format!("T-{}", h.name.len()),
            expires_on: today() + Duration::days(d),
        }),
        house_rules: Some("Curfew 11 pm; house meeting on Sundays.".into()),
        cost_per_week: Some(h.cost),
        payments: vec![Payment::SelfPay],
        naloxone_doses: h.doses,
        naloxone_trained_on: Some(today()),
        disclaimer: "This residence is not licensed treatment.".into(),
    };
    let now = pathways_store::now();
    let tx = app.db.store.begin().await.expect("tx");
    let id = create(&tx, &Actor::default(), &r, now).await.expect("residence");
    report(&tx, &Actor::default(), None, id, h.beds, None, now - Duration::days(h.reported_days_ago))
        .await
        .expect("report");
    tx.commit().await.expect("commit");
    id
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).expect("request")
}

async fn three_houses(app: &TestApp) -> (Uuid, Uuid, Uuid) {
    let org = app.other_org;
    let maple = House {
        name: "Maple House",
        town: "Hartford",
        level: NarrLevel::Monitored,
        populations: vec![Population::Women, Population::WomenWithChildren],
        moud: true,
        cost: 175,
        expires_in: Some(200),
        beds: 2,
        doses: 2,
        reported_days_ago: 1,
    };
    let cedar = House {
        name: "Cedar House",
        town: "New Haven",
        level: NarrLevel::PeerRun,
        populations: vec![Population::Men],
        moud: false,
        cost: 140,
        expires_in: Some(0),
        beds: 0,
        doses: 3,
        reported_days_ago: 9,
    };
    let birch = House {
        name: "Birch House",
        town: "Hartford",
        level: NarrLevel::Supervised,
        populations: vec![Population::Men],
        moud: true,
        cost: 200,
        expires_in: Some(-1),
        beds: 5,
        doses: 2,
        reported_days_ago: 1,
    };
    (house(app, org, maple).await, house(app, org, cedar).await, house(app, org, birch).await)
}

#[tokio::test]
async fn the_board_lists_only_valid_certificates_with_beds_first_and_its_filters_work() {
    let app = TestApp::new().await;
    let (maple, cedar, birch) = three_houses(&app).await;
    let r = app.send(get("/api/v1/housing")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let body = r.json();
    let rows = body["residences"].as_array().expect("residences");
    let ids: Vec<&str> = rows.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, [maple.to_string(), cedar.to_string()], "a bed first; the expired certificate is not listed");
    assert!(!r.body.contains(&birch.to_string()));
    assert_eq!(rows[0]["level"], "II");
    assert_eq!(rows[0]["available_beds"], 2);
    assert_eq!(rows[0]["certification"]["status"], "current");
    assert_eq!(rows[1]["report_status"], "stale", "nine days old");
    assert_eq!(rows[1]["certification"]["status"], "expiring", "valid through its last day");
    for field in ["naloxone_doses", "serves_oud", "organization"] {
        assert!(rows[0].get(field).is_none(), "{field} is not the public's");
    }

    let names = |path: &'static str| {
        let app = &app;
        async move {
            let r = app.send(get(path)).await;
            assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.body);
            let body = r.json();
            body["residences"]
                .as_array()
                .expect("residences")
                .iter()
                .filter_map(|r| r["name"].as_str().map(str::to_owned))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(names("/api/v1/housing?moud=true").await, ["Maple House"]);
    assert_eq!(names("/api/v1/housing?population=men").await, ["Cedar House"]);
    assert_eq!(names("/api/v1/housing?level=I").await, ["Cedar House"]);
    assert_eq!(names("/api/v1/housing?max_cost=150").await, ["Cedar House"]);
    assert_eq!(names("/api/v1/housing?town=hartford").await, ["Maple House"]);
    assert_eq!(names("/api/v1/housing?region=South%20Central").await, ["Cedar House"]);
    assert_eq!(names("/api/v1/housing?beds=true").await, ["Maple House"]);
    assert_eq!(names("/api/v1/housing?near=New%20Haven&within=10").await, ["Cedar House"]);

    let bad = app.send(get("/api/v1/housing?level=V&population=cats&within=-2")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert_eq!(bad.error_fields(), ["population", "level", "within"]);

    for (lang, words) in [("en", "not a ranking"), ("es", "No son una clasificación")] {
        let page = app
            .send(Request::get("/housing").header(header::ACCEPT_LANGUAGE, lang).body(Body::empty()).expect("req"))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Maple House") && !page.body.contains("Birch House"));
        assert!(page.body.contains(words), "{lang}: the levels are kinds of support");
        assert!(page.body.contains("988"), "the crisis line on a public page");
    }
    let filtered = app.send(get("/housing?level=cats")).await;
    assert_eq!(filtered.status, StatusCode::OK, "a bad filter is named on the page, not an error");
    assert!(filtered.body.contains("role=\"alert\""));
}

#[tokio::test]
async fn the_operator_reports_in_one_tap_within_the_total_and_only_for_its_own_residences() {
    let app = TestApp::new().await;
    let (maple, _, birch) = three_houses(&app).await;
    let operator = app.staff(app.other_org, Role::ProviderStaff).await;
    let page = app.page(&operator, "/residences").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Hidden from the public board: the certificate expired"), "Birch is told why");
    assert!(page.body.contains("Your last bed report is more than a week old"), "Cedar's reminder");

    let up = app.post_form(&operator, &format!("/residences/{maple}/report"), &[("change", "up")]).await;
    assert_eq!(up.status, StatusCode::SEE_OTHER, "{}", up.body);
    let cookie = format!("{}; {}", operator.cookie, set_cookies(&up.headers).join("; "));
    let back =
        app.send(Request::get("/residences").header(header::COOKIE, cookie).body(Body::empty()).expect("req")).await;
    assert!(back.body.contains("Bed report saved."), "the flash says so");
    let rows = app.send(get("/api/v1/housing?town=Hartford")).await.json();
    assert_eq!(rows["residences"][0]["available_beds"], 3);

    let over = app
        .post_form(&operator, &format!("/residences/{maple}/report"), &[("change", "set"), ("available_beds", "9")])
        .await;
    assert_eq!(over.status, StatusCode::UNPROCESSABLE_ENTITY, "more than the 8 beds");
    let doses = app
        .post_form(&operator, &format!("/residences/{birch}/report"), &[("change", "confirm"), ("naloxone_doses", "1")])
        .await;
    assert_eq!(doses.status, StatusCode::SEE_OTHER);
    let page = app.page(&operator, "/residences").await;
    assert!(page.body.contains("Fewer than two naloxone doses on site"), "the flag after reporting one dose");

    let elsewhere = app.staff(app.org, Role::ProviderStaff).await;
    let refused = app.post_form(&elsewhere, &format!("/residences/{maple}/report"), &[("change", "up")]).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND, "another organization's residence");
    let coach = app.staff(app.other_org, Role::Coach).await;
    let refused = app.post_form(&coach, &format!("/residences/{maple}/report"), &[("change", "up")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let reports: Vec<_> =
        app.audit_actions().await.into_iter().filter(|(a, _, _)| a == "residence_report").map(|(_, _, e)| e).collect();
    assert!(reports.contains(&Some(maple)) && reports.contains(&Some(birch)));

    let home = app.page(&operator, "/staff").await;
    assert!(home.body.contains("Our residences") && home.body.contains("/residences"), "the operator's home card");
}

#[tokio::test]
async fn the_state_sees_counts_by_region_and_no_person() {
    let app = TestApp::new().await;
    three_houses(&app).await;
    let analyst = app.staff(app.org, Role::Analyst).await;
    let page = app.page(&analyst, "/housing/figures").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("North Central") && page.body.contains("South Central"));
    assert!(page.body.contains("<td>0%</td>"), "New Haven's one residence reported nine days ago");
    assert!(page.body.contains("<td>67%</td>"), "two of the three residences reported within the week");
    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(app.page(&coach, "/housing/figures").await.status, StatusCode::FORBIDDEN);
    let audit = app.audit_actions().await;
    assert!(audit.iter().any(|(a, o, _)| a == "report_read" && o == "success"));
    assert!(audit.iter().any(|(a, o, _)| a == "access_denied" && o == "denied"));
}

/// Placement: a coach's referral to a residence's listing holds its bed for 24 hours in the referral's own
/// transaction (the same atomic hold as a treatment bed); with no bed left nothing is sent; the operator's
/// decline frees the bed, its acceptance takes it.
#[tokio::test]
async fn a_referral_holds_a_residence_bed_and_the_bed_follows_the_answer() {
    use axum::http::Method;
    use serde_json::json;

    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let operator = app.staff(app.other_org, Role::ProviderStaff).await;
    let svc = app.directory_service("Sober House", "Residence Operator", Some(app.other_org)).await;
    let other_svc = app.directory_service("Outpatient Clinic", "Residence Operator", Some(app.other_org)).await;
    let now = pathways_store::now();
    let tx = app.db.store.begin().await.expect("tx");
    let r = NewResidence {
        organization: app.other_org,
        service_id: Some(svc),
        name: "Linked House".into(),
        address: "3 Pine Street".into(),
        town: "Hartford".into(),
        zip: None,
        region: None,
        place: LatLon::new(41.7658, -72.6734).ok(),
        level: NarrLevel::Monitored,
        populations: vec![Population::Men],
        accepts_moud: true,
        serves_oud: false,
        total_beds: 3,
        certification: Some(Certification {
            body: "Connecticut Alliance of Recovery Residences".into(),
            number: "T-9".into(),
            expires_on: today() + Duration::days(90),
        }),
        house_rules: None,
        cost_per_week: None,
        payments: vec![],
        naloxone_doses: 0,
        naloxone_trained_on: None,
        disclaimer: "Not licensed treatment.".into(),
    };
    let house = create(&tx, &Actor::default(), &r, now).await.expect("residence");
    report(&tx, &Actor::default(), None, house, 1, None, now).await.expect("report");
    tx.commit().await.expect("commit");
    let consent = json!({"categories": ["referral_information"], "recipient": {"kind": "general"}, "tpo": true,
        "purpose": "Treatment", "signed_on": "2026-11-01", "paper_on_file": true});
    let mut persons = Vec::new();
    for name in ["Placed Person", "Second Person"] {
        let p = app.person(app.org, name, Some(coach.id)).await;
        let c = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/consents"), Some(consent.clone())).await;
        assert_eq!(c.status, StatusCode::CREATED, "{}", c.body);
        persons.push(p);
    }
    let refer = |p: pathways_domain::PersonId, service: Uuid| {
        let body =
            json!({"person_id": p.to_string(), "service_id": service, "reason": "Leaving detox", "hold_bed": true});
        let (app, coach) = (&app, &coach);
        async move { app.api(coach, Method::POST, "/api/v1/referrals", Some(body)).await }
    };
    let available = || async {
        let b = app.send(get("/api/v1/housing")).await.json();
        b["residences"][0]["available_beds"].as_u64()
    };

    let not_a_house = refer(persons[0], other_svc).await;
    assert_eq!(not_a_house.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(not_a_house.error_fields(), ["hold_bed"]);
    let first = refer(persons[0], svc).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    let first_id = first.json()["id"].as_str().expect("id").to_owned();
    assert_eq!(available().await, Some(0), "the one bed is held");
    let none_left = refer(persons[1], svc).await;
    assert_eq!(none_left.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", none_left.body);
    assert_eq!(none_left.error_fields(), ["hold_bed"]);
    let sent = app.api(&coach, Method::GET, "/api/v1/referrals?box=sent", None).await.json();
    assert_eq!(sent.as_array().map(Vec::len), Some(1), "no bed, no referral");
    let page = app.page(&operator, "/residences").await;
    assert!(page.body.contains("/residence-holds/"), "the operator sees the held bed");

    let patch = |id: String, status: &'static str, reason: &'static str| {
        let (app, operator) = (&app, &operator);
        async move {
            let body = json!({"status": status, "reason": reason});
            app.api(operator, Method::PATCH, &format!("/api/v1/referrals/{id}"), Some(body)).await
        }
    };
    assert_eq!(patch(first_id.clone(), "received", "").await.status, StatusCode::OK);
    let declined = patch(first_id, "rejected", "No bed for this person after all").await;
    assert_eq!(declined.status, StatusCode::OK, "{}", declined.body);
    assert_eq!(available().await, Some(1), "declined: the bed is free again");

    let second = refer(persons[1], svc).await;
    assert_eq!(second.status, StatusCode::CREATED, "{}", second.body);
    let second_id = second.json()["id"].as_str().expect("id").to_owned();
    assert_eq!(patch(second_id.clone(), "received", "").await.status, StatusCode::OK);
    assert_eq!(patch(second_id, "accepted", "").await.status, StatusCode::OK);
    let v = pathways_store::housing::find(app.db.store.reader(), None, house, pathways_store::now(), today())
        .await
        .expect("read")
        .expect("house");
    assert_eq!((v.reported_beds, v.held, v.available), (0, 0, 0), "accepted: the bed is taken");
    let closes: Vec<_> =
        app.audit_actions().await.into_iter().filter(|(a, _, _)| a == "residence_hold_close").collect();
    assert_eq!(closes.len(), 2, "released, then admitted");
}

/// The operator changes a residence's details from its page (filled form; every problem named, 422, in English
/// and Spanish; saved and audited `residence_update`) and over the API (`GET`/`PUT`, the bed report); another
/// organization's residence is not found, other roles are refused, and the public board follows the change.
#[tokio::test]
async fn the_operator_edits_its_residences_details_on_the_page_and_over_the_api() {
    use axum::http::Method;
    let app = TestApp::new().await;
    let (maple, _, birch) = three_houses(&app).await;
    let operator = app.staff(app.other_org, Role::ProviderStaff).await;

    let list = app.page(&operator, "/residences").await;
    assert!(list.body.contains(&format!("/residences/{maple}/edit")), "each residence links to its details");
    let form = app.page(&operator, &format!("/residences/{maple}/edit")).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(form.body.contains("value=\"Maple House\""), "the form is filled");
    assert!(form.body.contains("value=\"women_with_children\" checked"), "who it serves, ticked");
    assert!(form.body.contains("Curfew 11 pm"), "the house rules");

    let expires = (today() + Duration::days(400)).to_string();
    let mut fields = vec![
        ("name", "Maple House for Women"),
        ("address", "16 Maple Street"),
        ("town", "Hartford"),
        ("zip", "06106"),
        ("region", "North Central"),
        ("narr_level", "III"),
        ("populations", "women"),
        ("populations", "lgbtq"),
        ("accepts_moud", "true"),
        ("serves_oud", "true"),
        ("total_beds", "1"),
        ("cert_body", "Connecticut Alliance of Recovery Residences"),
        ("cert_number", ""),
        ("cert_expires_on", expires.as_str()),
        ("cost_per_week", "-3"),
        ("payments", "voucher"),
        ("naloxone_doses", "4"),
        ("naloxone_trained_on", "2026-01-15"),
        ("disclaimer", "Not licensed treatment."),
    ];
    let bad = app.post_form(&operator, &format!("/residences/{maple}"), &fields).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("href=\"#cert_number\""), "the missing certificate number is named");
    assert!(bad.body.contains("href=\"#cost_per_week\""), "a negative cost is named");
    assert!(bad.body.contains("value=\"Maple House for Women\""), "what was typed is kept");
    assert!(app.page(&operator, "/lang/es?next=/residences").await.status.is_redirection());
    let bad_es = app.post_form(&operator, &format!("/residences/{maple}"), &fields).await;
    assert_eq!(bad_es.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_es.body.contains("Número de certificado"), "the problems in Spanish");
    assert!(app.page(&operator, "/lang/en?next=/residences").await.status.is_redirection());

    fields.retain(|(k, _)| *k != "cert_number" && *k != "cost_per_week");
    fields.push(("cert_number", "T-2027"));
    fields.push(("cost_per_week", "190"));
    let below = app.post_form(&operator, &format!("/residences/{maple}"), &fields).await;
    assert_eq!(below.status, StatusCode::UNPROCESSABLE_ENTITY, "one bed in all, two reported open");
    assert!(below.body.contains("href=\"#total_beds\""));
    fields.retain(|(k, _)| *k != "total_beds");
    fields.push(("total_beds", "9"));
    let saved = app.post_form(&operator, &format!("/residences/{maple}"), &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let board = app.send(get("/api/v1/housing?level=III&population=lgbtq")).await.json();
    let row = &board["residences"][0];
    assert_eq!(row["name"], "Maple House for Women");
    assert_eq!((row["total_beds"].as_u64(), row["cost_per_week"].as_u64()), (Some(9), Some(190)));
    assert_eq!(row["available_beds"], 2, "the beds reported open are the report's, not the edit's");
    assert_eq!(row["payments"], serde_json::json!(["voucher"]));
    let edits = app.audit_actions().await.into_iter().filter(|(a, _, _)| a == "residence_update").count();
    assert_eq!(edits, 1, "one audited change");

    // Another organization's operator: not found, on the page and in the API; a coach: refused.
    let elsewhere = app.staff(app.org, Role::ProviderStaff).await;
    assert_eq!(app.page(&elsewhere, &format!("/residences/{maple}/edit")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.post_form(&elsewhere, &format!("/residences/{maple}"), &fields).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.api(&elsewhere, Method::GET, &format!("/api/v1/residences/{maple}"), None).await.status,
        StatusCode::NOT_FOUND
    );
    let coach = app.staff(app.other_org, Role::Coach).await;
    assert_eq!(app.page(&coach, &format!("/residences/{maple}/edit")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.api(&coach, Method::GET, &format!("/api/v1/residences/{maple}"), None).await.status,
        StatusCode::NOT_FOUND,
        "the API names no residence to another role"
    );

    // The API: the operator's view, a replacement of the details, a bed report.
    let got = app.api(&operator, Method::GET, &format!("/api/v1/residences/{birch}"), None).await;
    assert_eq!(got.status, StatusCode::OK, "{}", got.body);
    let got = got.json();
    assert_eq!(got["certification_status"], "expired", "the operator sees what the board hides");
    let body = serde_json::json!({
        "name": "Birch House", "address": "10 Oak Street", "town": "New Haven", "level": "IV",
        "populations": ["men", "young_adults"], "accepts_moud": true, "serves_oud": true, "total_beds": 8,
        "certification": {"body": "Connecticut Alliance of Recovery Residences", "number": "B-9", "expires_on": expires},
        "cost_per_week": 150, "payments": ["self_pay"], "naloxone_doses": 1, "naloxone_trained_on": null,
        "disclaimer": "Not licensed treatment."
    });
    let put = app.api(&operator, Method::PUT, &format!("/api/v1/residences/{birch}"), Some(body.clone())).await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.body);
    let put = put.json();
    assert_eq!(put["certification_status"], "current", "a renewed certificate");
    assert_eq!(put["naloxone_flags"], serde_json::json!(["too_few_doses", "no_training"]));
    let moved = put["latitude"].as_f64().unwrap_or_default();
    assert!((41.2..41.4).contains(&moved), "the map point follows the town: {moved}");
    let listed = app.send(get("/api/v1/housing?town=New+Haven&level=IV")).await.json();
    assert_eq!(listed["residences"][0]["name"], "Birch House", "back on the board");

    let mut wrong = body.clone();
    wrong["total_beds"] = serde_json::json!(2);
    wrong["naloxone_trained_on"] = serde_json::json!("2999-01-01");
    let refused = app.api(&operator, Method::PUT, &format!("/api/v1/residences/{birch}"), Some(wrong)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert_eq!(refused.error_fields(), ["naloxone_trained_on"]);
    let mut unknown = body;
    unknown["colour"] = serde_json::json!("blue");
    let refused = app.api(&operator, Method::PUT, &format!("/api/v1/residences/{birch}"), Some(unknown)).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "an unknown field");

    let report = serde_json::json!({"available_beds": 4, "naloxone_doses": 2});
    let reported = app.api(&operator, Method::POST, &format!("/api/v1/residences/{birch}/reports"), Some(report)).await;
    assert_eq!(reported.status, StatusCode::OK, "{}", reported.body);
    let reported = reported.json();
    assert_eq!((reported["reported_beds"].as_u64(), reported["report_status"].as_str()), (Some(4), Some("fresh")));
    assert_eq!(reported["naloxone_flags"], serde_json::json!(["no_training"]));
    let over = serde_json::json!({"available_beds": 9});
    let over = app.api(&operator, Method::POST, &format!("/api/v1/residences/{birch}/reports"), Some(over)).await;
    assert_eq!(over.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(over.error_fields(), ["available_beds"]);
}

/// The board pages: 20 residences a page with links to the others, the API's `total`, `page` and `per_page` (at
/// most 100); a page out of range is named; the order holds across pages; a change made here shows at once.
#[tokio::test]
async fn the_board_pages_its_residences_and_shows_a_change_at_once() {
    let app = TestApp::new().await;
    for i in 0..22u32 {
        let name: &'static str = Box::leak(format!("House {i:02}").into_boxed_str());
        let h = House {
            name,
            town: "Hartford",
            level: NarrLevel::Monitored,
            populations: vec![Population::Men],
            moud: true,
            cost: 150,
            expires_in: Some(100),
            beds: i % 3,
            doses: 2,
            reported_days_ago: 1,
        };
        house(&app, app.other_org, h).await;
    }
    let all = app.send(get("/api/v1/housing?per_page=100")).await.json();
    assert_eq!((all["total"].as_u64(), all["per_page"].as_u64()), (Some(22), Some(100)));
    let names: Vec<String> = all["residences"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["name"].as_str().map(str::to_owned))
        .collect();
    let second = app.send(get("/api/v1/housing?per_page=5&page=2")).await.json();
    let page2: Vec<String> = second["residences"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["name"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(page2, names[5..10], "pages follow the board's order");
    assert_eq!(second["total"], 22);
    let beyond = app.send(get("/api/v1/housing?page=3")).await.json();
    assert_eq!((beyond["total"].as_u64(), beyond["residences"].as_array().map(Vec::len)), (Some(22), Some(0)));
    let bad = app.send(get("/api/v1/housing?page=0&per_page=101")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.error_fields(), ["page", "per_page"]);

    let first = app.send(get("/housing?town=Hartford")).await;
    assert!(first.body.contains("22 residences") && first.body.contains("Page 1 of 2"), "{}", first.body);
    let next = first.body.split("rel=\"next\"").next().and_then(|b| b.rsplit("href=\"").next()).unwrap_or_default();
    assert!(
        next.starts_with("/housing?town=Hartford&") && next.contains("page=2\""),
        "the next page keeps the filter: {next}"
    );
    let last = app.send(get("/housing?town=Hartford&page=2")).await;
    assert!(last.body.contains("Page 2 of 2") && last.body.contains("rel=\"prev\""));
    assert_eq!(last.body.matches("<h3>").count(), 2, "the last two residences");

    // The operator's report shows on the next board, without waiting for the snapshot to age.
    let operator = app.staff(app.other_org, Role::ProviderStaff).await;
    let with_beds = app.send(get("/api/v1/housing?beds=true")).await.json();
    assert_eq!(with_beds["total"], 14);
    let last_name = names.last().cloned().unwrap_or_default();
    assert_eq!(last_name, "House 21", "no bed, last by name");
    let id = all["residences"][21]["id"].as_str().unwrap_or_default().to_owned();
    let r = app
        .post_form(&operator, &format!("/residences/{id}/report"), &[("change", "set"), ("available_beds", "8")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let now = app.send(get("/api/v1/housing?beds=true&per_page=100")).await.json();
    assert_eq!(now["total"], 15, "eight beds open now");
    let listed = now["residences"].as_array().into_iter().flatten().any(|r| r["name"] == "House 21");
    assert!(listed, "among the residences with a bed");
}

/// An operator adds a residence from a page: a blank form, every problem named (in English and Spanish) with what
/// was typed kept, then the residence in the caller's organization, audited, on the board at once with its first
/// bed report. Only provider staff and administrators may; a coach is refused.
#[tokio::test]
async fn the_operator_adds_a_residence_from_a_page() {
    let app = TestApp::new().await;
    let operator = app.staff(app.other_org, Role::ProviderStaff).await;
    let list = app.page(&operator, "/residences").await;
    assert!(list.body.contains("href=\"/residences/new\""), "the operator's page links to the form");
    let blank = app.page(&operator, "/residences/new").await;
    assert_eq!(blank.status, StatusCode::OK, "{}", blank.body);
    assert!(blank.body.contains("action=\"/residences\"") && blank.body.contains("name=\"available_beds\""));
    assert!(blank.body.contains("Add a recovery residence"));

    let expires = (today() + Duration::days(300)).to_string();
    let mut fields = vec![
        ("name", "Willow House"),
        ("address", "3 Willow Lane"),
        ("town", "New Haven"),
        ("zip", ""),
        ("region", "South Central"),
        ("narr_level", "II"),
        ("populations", "young_adults"),
        ("accepts_moud", "true"),
        ("total_beds", "6"),
        ("available_beds", "7"),
        ("cert_body", "Connecticut Alliance of Recovery Residences"),
        ("cert_number", "W-6"),
        ("cert_expires_on", expires.as_str()),
        ("cost_per_week", "160"),
        ("payments", "self_pay"),
        ("disclaimer", ""),
    ];
    let bad = app.post_form(&operator, "/residences", &fields).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("href=\"#available_beds\""), "more beds open than in all is named");
    assert!(bad.body.contains("href=\"#disclaimer\""), "the missing disclaimer is named");
    assert!(bad.body.contains("value=\"Willow House\"") && bad.body.contains("value=\"7\""), "what was typed is kept");
    assert!(app.page(&operator, "/lang/es?next=/residences").await.status.is_redirection());
    let bad_es = app.post_form(&operator, "/residences", &fields).await;
    assert_eq!(bad_es.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_es.body.contains("Agregar una residencia de recuperación"), "the page in Spanish");
    assert!(bad_es.body.contains("Las camas libres no pueden ser más"), "the problem in Spanish");
    assert!(app.page(&operator, "/lang/en?next=/residences").await.status.is_redirection());
    let before = app.audit_actions().await.into_iter().filter(|(a, _, _)| a == "residence_save").count();
    assert_eq!(before, 0, "nothing saved while the form has problems");

    fields.retain(|(k, _)| *k != "available_beds" && *k != "disclaimer");
    fields.push(("available_beds", "3"));
    fields.push(("disclaimer", "A peer-supported home; not licensed treatment."));
    let saved = app.post_form(&operator, "/residences", &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let location = saved.headers.get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let id = location.strip_prefix("/residences#residence-").unwrap_or_default().to_owned();
    assert!(Uuid::parse_str(&id).is_ok(), "back to the residence on the operator's page: {location}");

    let board = app.send(get("/api/v1/housing?population=young_adults")).await.json();
    let row = &board["residences"][0];
    assert_eq!((row["id"].as_str(), row["name"].as_str()), (Some(id.as_str()), Some("Willow House")));
    assert_eq!((row["available_beds"].as_u64(), row["report_status"].as_str()), (Some(3), Some("fresh")));
    let lat = row["latitude"].as_f64().unwrap_or_default();
    assert!((41.2..41.4).contains(&lat), "placed at its town: {lat}");
    let mine = app.page(&operator, "/residences").await;
    assert!(mine.body.contains("Willow House"), "the operator's own residence");
    let actions: Vec<(String, Option<Uuid>)> = app.audit_actions().await.into_iter().map(|(a, _, e)| (a, e)).collect();
    let new_id = Uuid::parse_str(&id).ok();
    for action in ["residence_save", "residence_report"] {
        assert!(actions.contains(&(action.to_owned(), new_id)), "{action} is audited");
    }

    // Without the beds open: on the board with no report yet. An administrator adds to their own organization.
    let admin = app.staff(app.org, Role::Admin).await;
    let unreported = [("name", "Aspen House"), ("available_beds", " ")];
    let second: Vec<(&str, &str)> =
        fields.iter().filter(|(k, _)| *k != "name" && *k != "available_beds").copied().chain(unreported).collect();
    let added = app.post_form(&admin, "/residences", &second).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let aspen = app.send(get("/api/v1/housing?town=new%20haven")).await.json();
    let aspen = aspen["residences"].as_array().into_iter().flatten().find(|r| r["name"] == "Aspen House").cloned();
    assert_eq!(aspen.map(|r| r["report_status"].clone()), Some(serde_json::json!("never")));
    assert!(!app.page(&operator, "/residences").await.body.contains("Aspen House"), "another organization's");
    assert!(app.page(&admin, "/residences").await.body.contains("Aspen House"));

    let coach = app.staff(app.other_org, Role::Coach).await;
    assert_eq!(app.page(&coach, "/residences/new").await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post_form(&coach, "/residences", &fields).await.status, StatusCode::FORBIDDEN);
}

/// A residence is linked to one of its organization's own directory listings from the add and edit pages (optional;
/// another organization's listing is refused, 422 on `listing`); the link carries its beds and facts into the HSDS
/// API, and the API's replacement of the details keeps it.
#[tokio::test]
async fn the_operator_links_a_residence_to_its_own_directory_listing() {
    use axum::http::Method;
    let app = TestApp::new().await;
    let operator = app.staff(app.other_org, Role::ProviderStaff).await;
    let own = app.directory_service("Willow Recovery House", "Willow Housing Inc.", Some(app.other_org)).await;
    let second = app.directory_service("Willow Annex", "Willow Housing Inc.", Some(app.other_org)).await;
    let theirs = app.directory_service("Elm House", "Elm Housing Inc.", Some(app.org)).await;
    let unlinked = app.directory_service("Oak House", "Oak Housing Inc.", None).await;

    let blank = app.page(&operator, "/residences/new").await;
    assert_eq!(blank.status, StatusCode::OK, "{}", blank.body);
    assert!(blank.body.contains("name=\"listing\"") && blank.body.contains("Not linked to a listing"));
    assert!(blank.body.contains(&format!("value=\"{own}\"")) && blank.body.contains(&format!("value=\"{second}\"")));
    assert!(!blank.body.contains(&theirs.to_string()), "another organization's listing is not offered");
    assert!(!blank.body.contains(&unlinked.to_string()), "nor a listing of no organization on Pathways");

    let expires = (today() + Duration::days(300)).to_string();
    let (theirs_text, own_text) = (theirs.to_string(), own.to_string());
    let fields = |listing: &'static str| -> Vec<(&'static str, String)> {
        vec![
            ("name", "Willow House".into()),
            ("address", "3 Willow Lane".into()),
            ("town", "Hartford".into()),
            ("narr_level", "III".into()),
            ("populations", "men".into()),
            ("populations", "young_adults".into()),
            ("accepts_moud", "true".into()),
            ("total_beds", "6".into()),
            ("available_beds", "2".into()),
            ("cert_body", "Connecticut Alliance of Recovery Residences".into()),
            ("cert_number", "W-6".into()),
            ("cert_expires_on", expires.clone()),
            ("disclaimer", "Not licensed treatment.".into()),
            ("listing", listing.into()),
        ]
    };
    let post = |path: String, mut f: Vec<(&'static str, String)>, listing: &str| {
        f.retain(|(k, _)| *k != "listing");
        f.push(("listing", listing.to_owned()));
        let app = &app;
        let operator = &operator;
        async move {
            let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post_form(operator, &path, &pairs).await
        }
    };

    // Another organization's listing: refused and named, nothing saved; a bad id too.
    let refused = post("/residences".into(), fields(""), &theirs_text).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(refused.body.contains("href=\"#listing\""), "named on its field");
    assert!(refused.body.contains("Choose one of your organization&#39;s own directory listings"), "{}", refused.body);
    let garbled = post("/residences".into(), fields(""), "house-7").await;
    assert_eq!(garbled.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(garbled.body.contains("href=\"#listing\""));
    assert!(app.page(&operator, "/lang/es?next=/residences").await.status.is_redirection());
    let refused_es = post("/residences".into(), fields(""), &theirs_text).await;
    assert_eq!(refused_es.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused_es.body.contains("Ficha del directorio"), "the problem in Spanish");
    assert!(app.page(&operator, "/lang/en?next=/residences").await.status.is_redirection());
    let saved = app.audit_actions().await.into_iter().filter(|(a, _, _)| a == "residence_save").count();
    assert_eq!(saved, 0, "nothing saved");

    // Its own listing: saved and linked; the HSDS API shows the residence's beds and facts on that listing.
    let added = post("/residences".into(), fields(""), &own_text).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let location = added.headers.get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let id = location.strip_prefix("/residences#residence-").unwrap_or_default().to_owned();
    let api = app.api(&operator, Method::GET, &format!("/api/v1/residences/{id}"), None).await.json();
    assert_eq!(api["service_id"], serde_json::json!(own));
    let hsds = app.send(get(&format!("/api/hsds/services/{own}"))).await.json();
    assert_eq!(hsds["capacities"][0]["available"], 2, "{hsds}");
    let codes: Vec<&str> = hsds["attributes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["taxonomy_term"]["code"].as_str())
        .collect();
    assert!(codes.contains(&"narr-level:III") && codes.contains(&"serves:young_adults"), "{codes:?}");
    assert!(app.send(get(&format!("/api/hsds/services/{second}"))).await.json().get("attributes").is_none());

    // The edit page shows the link chosen; another organization's listing is refused there too.
    let edit = app.page(&operator, &format!("/residences/{id}/edit")).await;
    assert!(edit.body.contains(&format!("value=\"{own}\" selected")), "the link, chosen");
    let mut edit_fields = fields("");
    edit_fields.retain(|(k, _)| *k != "available_beds");
    let refused = post(format!("/residences/{id}"), edit_fields.clone(), &theirs_text).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(refused.body.contains("href=\"#listing\""));
    let moved = post(format!("/residences/{id}"), edit_fields.clone(), &second.to_string()).await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.body);
    assert!(app.send(get(&format!("/api/hsds/services/{own}"))).await.json().get("capacities").is_none());
    assert!(app.send(get(&format!("/api/hsds/services/{second}"))).await.json()["capacities"].is_array());

    // The API's replacement of the details keeps the link; blank on the page unlinks.
    let body = serde_json::json!({
        "name": "Willow House", "address": "3 Willow Lane", "town": "Hartford", "level": "III",
        "populations": ["men"], "accepts_moud": false, "serves_oud": false, "total_beds": 6,
        "certification": {"body": "Connecticut Alliance of Recovery Residences", "number": "W-6", "expires_on": expires},
        "payments": [], "naloxone_doses": 0, "disclaimer": "Not licensed treatment."
    });
    let put = app.api(&operator, Method::PUT, &format!("/api/v1/residences/{id}"), Some(body)).await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.body);
    assert_eq!(put.json()["service_id"], serde_json::json!(second), "kept");
    let hsds = app.send(get(&format!("/api/hsds/services/{second}"))).await.json();
    let codes: Vec<&str> = hsds["attributes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["taxonomy_term"]["code"].as_str())
        .collect();
    assert!(
        codes.contains(&"moud:not-accepted") && !codes.contains(&"serves:young_adults"),
        "the facts follow: {codes:?}"
    );
    let unlinked_now = post(format!("/residences/{id}"), edit_fields, "").await;
    assert_eq!(unlinked_now.status, StatusCode::SEE_OTHER, "{}", unlinked_now.body);
    let api = app.api(&operator, Method::GET, &format!("/api/v1/residences/{id}"), None).await.json();
    assert!(api["service_id"].is_null(), "{api}");
    let edits = app.audit_actions().await.into_iter().filter(|(a, _, _)| a == "residence_update").count();
    assert_eq!(edits, 3, "each change audited: two on the page, one over the API");
}

/// A residence linked to a listing that is not (or no longer) its organization's keeps that link through an edit
/// of its other details; choosing it anew elsewhere is refused.
#[tokio::test]
async fn a_link_made_elsewhere_is_kept_through_an_edit() {
    let app = TestApp::new().await;
    let operator = app.staff(app.other_org, Role::ProviderStaff).await;
    let elsewhere = app.directory_service("Cedar House", "Cedar Housing Inc.", None).await;
    let maple = house(
        &app,
        app.other_org,
        House {
            name: "Maple House",
            town: "Hartford",
            level: NarrLevel::Monitored,
            populations: vec![Population::Women],
            moud: true,
            cost: 150,
            expires_in: Some(100),
            beds: 2,
            doses: 2,
            reported_days_ago: 0,
        },
    )
    .await;
    let tx = app.db.store.begin().await.expect("tx");
    let view = pathways_store::housing::find(&tx, None, maple, pathways_store::now(), today()).await.expect("find");
    let details = view.expect("residence").details();
    let saved = pathways_store::housing::edit::update(
        &tx,
        &Actor::default(),
        None,
        maple,
        &details,
        pathways_store::housing::edit::Also { place: None, listing: Some(Some(elsewhere)) },
        pathways_store::now(),
    )
    .await
    .expect("link");
    assert_eq!(saved, pathways_store::housing::edit::Edited::Saved);
    tx.commit().await.expect("commit");

    let edit = app.page(&operator, &format!("/residences/{maple}/edit")).await;
    assert!(edit.body.contains(&format!("value=\"{elsewhere}\" selected")), "{}", edit.body);
    assert!(edit.body.contains("linked now; not one of your organization"));
    let expires = (today() + Duration::days(100)).to_string();
    let elsewhere_text = elsewhere.to_string();
    let fields = [
        ("name", "Maple House"),
        ("address", "10 Oak Street"),
        ("town", "Hartford"),
        ("narr_level", "II"),
        ("populations", "women"),
        ("total_beds", "8"),
        ("cert_body", "Connecticut Alliance of Recovery Residences"),
        ("cert_number", "T-11"),
        ("cert_expires_on", expires.as_str()),
        ("disclaimer", "Not licensed treatment."),
        ("listing", elsewhere_text.as_str()),
    ];
    let kept = app.post_form(&operator, &format!("/residences/{maple}"), &fields).await;
    assert_eq!(kept.status, StatusCode::SEE_OTHER, "{}", kept.body);
    let hsds = app.send(get(&format!("/api/hsds/services/{elsewhere}"))).await.json();
    assert!(hsds["capacities"].is_array(), "still linked: {hsds}");
    // A new residence may not choose it.
    let new: Vec<(&str, &str)> = fields.iter().copied().chain([("available_beds", "")]).collect();
    let refused = app.post_form(&operator, "/residences", &new).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(refused.body.contains("href=\"#listing\""));
}
