//! Setting up financing (issue 21, second pass): an organization administrator adds and edits payer profiles and
//! funding sources (field errors by name; a source's kind stays), a coach then chooses the new grant; vouchers are
//! issued to a person through the gate (administrators only, audited on the record) and their balances seen.

use axum::http::{Method, StatusCode};
use pathways_domain::Role;
use serde_json::json;

use crate::util::TestApp;

/// The first id after `marker` in a page.
fn id_after(page: &str, marker: &str) -> String {
    let rest = page.split(marker).nth(1).unwrap_or_else(|| panic!("{marker} in {page}"));
    rest.chars().take(36).collect()
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

#[tokio::test]
async fn an_administrator_adds_a_grant_the_coach_chooses_it_and_edits_keep_the_kind() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let coach = app.staff(app.org, Role::Coach).await;
    let elsewhere = app.staff(app.other_org, Role::Admin).await;
    let person = app.person(app.org, "Grant Person", Some(coach.id)).await;

    let page = app.page(&admin, "/financing/funding").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Add a payer profile first"), "no profile yet: no source form");
    assert!(
        app.page(&admin, "/financing").await.body.contains("href=\"/financing/funding\""),
        "linked from the report"
    );

    let bad = app
        .post_form(
            &admin,
            "/financing/profiles",
            &[("name", ""), ("unit_minutes", "0"), ("rounding", "midpoint"), ("rate", "12.345"), ("codes", "99213")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    for message in [
        "Name: This is required.",
        "Minutes in a unit: This is outside the allowed range.",
        "Service codes: Enter a code of one letter and four digits, like H0038.",
    ] {
        assert!(bad.body.contains(message), "{message} in {}", bad.body);
    }
    assert!(bad.body.contains("href=\"#profile-unit_minutes\""), "each message links to its field");
    let profile = [
        ("name", "State grant rules"),
        ("unit_minutes", "15"),
        ("rounding", "midpoint"),
        ("rate", "$20.00"),
        ("daily_cap_units", "8"),
        ("cosign_required", "true"),
    ];
    let made = app.post_form(&admin, "/financing/profiles", &profile).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let page = app.page(&admin, "/financing/funding").await;
    let profile_id = id_after(&page.body, "/financing/profiles/");
    assert!(page.body.contains("State grant rules") && page.body.contains("$20.00"), "{}", page.body);

    let start = today() - chrono::Duration::days(30);
    let end = today() + chrono::Duration::days(300);
    let (start, end) = (start.to_string(), end.to_string());
    let grant = [
        ("name", "Recovery support grant"),
        ("kind", "grant"),
        ("profile", profile_id.as_str()),
        ("starts_on", start.as_str()),
        ("ends_on", end.as_str()),
        ("budget_in", "units"),
        ("budget", "4000"),
    ];
    let mut backwards = grant;
    backwards[4] = ("ends_on", "2020-01-01");
    let refused = app.post_form(&admin, "/financing/sources", &backwards).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("href=\"#source-ends_on\""), "{}", refused.body);
    let theirs = app.post_form(&elsewhere, "/financing/sources", &grant).await;
    assert_eq!(theirs.status, StatusCode::UNPROCESSABLE_ENTITY, "another organization's profile is no choice");
    assert_eq!(app.post_form(&admin, "/financing/sources", &grant).await.status, StatusCode::SEE_OTHER);
    let page = app.page(&admin, "/financing/funding").await;
    assert!(page.body.contains("Recovery support grant") && page.body.contains("4000 units"), "{}", page.body);
    let source_id = id_after(&page.body, "/financing/sources/");

    // The coach chooses it on the service form, and the check applies its profile.
    let form = app.page(&coach, &format!("/persons/{person}/service-events")).await;
    assert!(form.body.contains(&format!("value=\"{source_id}\"")), "the grant is offered");
    let body = json!({"date": today().to_string(), "starts_at": "10:00", "minutes": 60, "place_of_service": "11",
        "funding_source": source_id, "sign": true});
    let event = app.api(&coach, Method::POST, &format!("/api/v1/persons/{person}/service-events"), Some(body)).await;
    assert_eq!(event.status, StatusCode::CREATED, "{}", event.body);
    let e = event.json();
    assert_eq!((e["event"]["units"].as_i64(), e["check"]["cents"].as_i64()), (Some(4), Some(8_000)));
    assert!(event.body.contains("cosignature-missing"), "the profile's rule applies: {}", event.body);

    // Editing: the profile's rules, the source's name; its kind stays.
    let edit = app.page(&admin, &format!("/financing/profiles/{profile_id}")).await;
    assert_eq!(edit.status, StatusCode::OK);
    assert!(edit.body.contains("value=\"8\"") && edit.body.contains("value=\"20.00\""), "filled: {}", edit.body);
    let mut stricter = profile;
    stricter[4] = ("daily_cap_units", "2");
    let saved = app.post_form(&admin, &format!("/financing/profiles/{profile_id}"), &stricter).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert!(app.page(&admin, &format!("/financing/profiles/{profile_id}")).await.body.contains("value=\"2\""));
    let mut renamed = grant;
    renamed[0] = ("name", "Recovery support grant 2027");
    let path = format!("/financing/sources/{source_id}");
    assert_eq!(app.post_form(&admin, &path, &renamed).await.status, StatusCode::SEE_OTHER);
    assert!(
        app.page(&coach, &format!("/persons/{person}/service-events"))
            .await
            .body
            .contains("Recovery support grant 2027")
    );
    let mut other_kind = renamed;
    other_kind[1] = ("kind", "payer");
    let kept = app.post_form(&admin, &path, &other_kind).await;
    assert_eq!(kept.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", kept.body);
    assert!(kept.body.contains("href=\"#source-kind\""));

    // Administrators only; another organization's records are not found.
    assert_eq!(app.page(&supervisor, "/financing/funding").await.status, StatusCode::FORBIDDEN);
    assert!(!app.page(&supervisor, "/financing").await.body.contains("href=\"/financing/funding\""));
    let denied = app.audit_actions().await;
    assert!(denied.iter().any(|(a, o, _)| a == "access_denied" && o == "denied"), "{denied:?}");
    assert_eq!(app.page(&elsewhere, &path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.page(&elsewhere, &format!("/financing/profiles/{profile_id}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.post_form(&elsewhere, &path, &renamed).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_administrator_issues_a_voucher_and_signing_takes_its_units() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let coach = app.staff(app.org, Role::Coach).await;
    let elsewhere = app.staff(app.other_org, Role::Admin).await;
    let person = app.person(app.org, "Voucher Holder", Some(coach.id)).await;
    let made = app
        .post_form(
            &admin,
            "/financing/profiles",
            &[("name", "Voucher rules"), ("unit_minutes", "15"), ("rounding", "midpoint"), ("rate", "15")],
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER);
    let profile = id_after(&app.page(&admin, "/financing/funding").await.body, "/financing/profiles/");
    let program = [("name", "Recovery vouchers"), ("kind", "voucher_program"), ("profile", profile.as_str())];
    assert_eq!(app.post_form(&admin, "/financing/sources", &program).await.status, StatusCode::SEE_OTHER);
    let program = id_after(&app.page(&admin, "/financing/funding").await.body, "/financing/sources/");

    let path = format!("/persons/{person}/vouchers");
    let page = app.page(&admin, &path).await;
    assert!(page.status == StatusCode::OK && page.body.contains("Issue the voucher"), "{}", page.body);
    assert!(
        app.page(&coach, &format!("/persons/{person}/service-events")).await.body.contains(&format!("href=\"{path}\"")),
        "linked from the person's services"
    );
    let expires = (today() + chrono::Duration::days(90)).to_string();
    let voucher = [
        ("funding_source", program.as_str()),
        ("number", "V-77"),
        ("authorized_units", "10"),
        ("expires_on", expires.as_str()),
    ];
    let refused = app.post_form(&coach, &path, &voucher).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "a coach issues no voucher");
    let audit = app.audit_actions().await;
    assert!(
        audit.iter().any(|(a, o, s)| a == "access_denied" && o == "denied" && *s == Some(person.as_uuid())),
        "the refusal is in the person's trail: {audit:?}"
    );
    assert_eq!(app.post_form(&elsewhere, &path, &voucher).await.status, StatusCode::NOT_FOUND);
    let mut bad = voucher;
    bad[2] = ("authorized_units", "0");
    bad[3] = ("expires_on", "2020-01-01");
    let bad = app.post_form(&admin, &path, &bad).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("href=\"#voucher-authorized_units\"") && bad.body.contains("href=\"#voucher-expires_on\"")
    );

    assert_eq!(app.post_form(&admin, &path, &voucher).await.status, StatusCode::SEE_OTHER);
    let audit = app.audit_actions().await;
    assert!(
        audit.iter().any(|(a, o, s)| a == "financing_save" && o == "success" && *s == Some(person.as_uuid())),
        "issued on the person's record: {audit:?}"
    );
    let again = app.post_form(&admin, &path, &voucher).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "a number once per program");
    assert!(again.body.contains("href=\"#voucher-number\""));

    let body = json!({"date": today().to_string(), "starts_at": "10:00", "minutes": 30, "place_of_service": "11",
        "funding_source": program, "authorization": "V-77", "sign": true});
    let signed = app.api(&coach, Method::POST, &format!("/api/v1/persons/{person}/service-events"), Some(body)).await;
    assert_eq!(signed.status, StatusCode::CREATED, "{}", signed.body);
    assert_eq!(signed.json()["check"]["problems"], json!([]), "{}", signed.body);
    let seen = app.page(&coach, &path).await;
    assert_eq!(seen.status, StatusCode::OK, "whoever reaches the person sees the balances");
    assert!(seen.body.contains("<td>V-77</td><td>Recovery vouchers</td><td>10</td><td>8</td>"), "{}", seen.body);
    assert!(!seen.body.contains("Issue the voucher"), "no form for a coach");
    assert_eq!(app.page(&elsewhere, &path).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_api_sets_up_the_same_with_field_errors_by_name() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let elsewhere = app.staff(app.other_org, Role::Admin).await;
    let person = app.person(app.org, "Api Voucher", None).await;
    let profile = json!({"name": "Api rules", "unit_minutes": 15, "rounding": "whole_units", "rate_cents": 1650,
        "daily_cap_units": 8, "modifiers": ["hf"], "cosign_required": true});
    let made = app.api(&admin, Method::POST, "/api/v1/financing/profiles", Some(profile.clone())).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let p = made.json();
    assert_eq!((p["rate_cents"].as_u64(), p["rounding"].as_str()), (Some(1650), Some("whole_units")));
    assert_eq!((p["codes"].clone(), p["modifiers"].clone()), (json!(["H0038"]), json!(["HF"])));
    let id = p["id"].as_str().expect("id").to_owned();
    let bad = json!({"name": " ", "unit_minutes": 15, "rounding": "midpoint", "rate_cents": 100, "min_age": 30,
        "max_age": 20});
    let refused = app.api(&admin, Method::POST, "/api/v1/financing/profiles", Some(bad)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<_> =
        refused.json()["error"]["fields"].as_array().into_iter().flatten().map(|f| f["field"].clone()).collect();
    assert_eq!(fields, [json!("name"), json!("max_age")], "{}", refused.body);
    assert_eq!(
        app.api(&supervisor, Method::POST, "/api/v1/financing/profiles", Some(profile.clone())).await.status,
        StatusCode::FORBIDDEN
    );
    let path = format!("/api/v1/financing/profiles/{id}");
    let changed = app
        .api(
            &admin,
            Method::PUT,
            &path,
            Some(json!({"name": "Api rules", "unit_minutes": 30,
        "rounding": "midpoint", "rate_cents": 3300})),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    assert_eq!(changed.json()["unit_minutes"], 30);
    assert_eq!(app.api(&elsewhere, Method::PUT, &path, Some(profile)).await.status, StatusCode::NOT_FOUND);

    let program = json!({"name": "Api vouchers", "kind": "voucher_program", "profile": id});
    let made = app.api(&admin, Method::POST, "/api/v1/financing/sources", Some(program)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let program = made.json()["id"].as_str().expect("id").to_owned();
    let grant = json!({"name": "Api grant", "kind": "grant", "profile": id, "starts_on": "2026-07-01",
        "ends_on": "2027-06-30", "budget_cents": 2_500_000, "allowed": ["H0038"]});
    let made = app.api(&admin, Method::POST, "/api/v1/financing/sources", Some(grant)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    assert_eq!(
        (made.json()["budget_cents"].as_u64(), made.json()["ends_on"].as_str()),
        (Some(2_500_000), Some("2027-06-30"))
    );
    let no_period = json!({"name": "Api grant 2", "kind": "grant", "profile": id, "budget_units": 10});
    let refused = app.api(&admin, Method::POST, "/api/v1/financing/sources", Some(no_period)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("starts_on") && refused.body.contains("ends_on"), "{}", refused.body);
    let listed = app.api(&admin, Method::GET, "/api/v1/financing/sources", None).await.json();
    assert_eq!(listed.as_array().map(Vec::len), Some(2));

    let vouchers = format!("/api/v1/persons/{person}/vouchers");
    let expires = (today() + chrono::Duration::days(30)).to_string();
    let voucher = json!({"funding_source": program, "number": "API-1", "authorized_units": 12, "expires_on": expires});
    assert_eq!(
        app.api(&supervisor, Method::POST, &vouchers, Some(voucher.clone())).await.status,
        StatusCode::FORBIDDEN
    );
    let issued = app.api(&admin, Method::POST, &vouchers, Some(voucher)).await;
    assert_eq!(issued.status, StatusCode::CREATED, "{}", issued.body);
    assert_eq!(issued.json()["balance_units"], 12);
    let listed = app.api(&supervisor, Method::GET, &vouchers, None).await.json();
    assert_eq!(listed[0]["number"], "API-1", "staff who reach the person see the balances");
    assert_eq!(app.api(&elsewhere, Method::GET, &vouchers, None).await.status, StatusCode::NOT_FOUND);
}

/// Changing or withdrawing a voucher (fifth pass): an administrator, through the gate, on the person's record;
/// never fewer units than those used (the balance moves by the same difference); a withdrawn voucher is named by
/// the check, refuses new signings (409, nothing saved) and shows as withdrawn; another person's voucher is 404.
#[tokio::test]
async fn an_administrator_changes_or_withdraws_a_voucher_and_it_takes_no_new_service() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let coach = app.staff(app.org, Role::Coach).await;
    let elsewhere = app.staff(app.other_org, Role::Admin).await;
    let person = app.person(app.org, "Voucher Changed", Some(coach.id)).await;
    let other = app.person(app.org, "Other Holder", Some(coach.id)).await;
    let profile = json!({"name": "Voucher rules", "unit_minutes": 15, "rounding": "midpoint", "rate_cents": 1500});
    let profile = app.api(&admin, Method::POST, "/api/v1/financing/profiles", Some(profile)).await.json();
    let program = json!({"name": "Vouchers", "kind": "voucher_program", "profile": profile["id"]});
    let program = app.api(&admin, Method::POST, "/api/v1/financing/sources", Some(program)).await.json()["id"].clone();
    let issue = |p: pathways_domain::PersonId, number: &str| {
        let body = json!({"funding_source": program, "number": number, "authorized_units": 10,
            "expires_on": (today() + chrono::Duration::days(30)).to_string()});
        let app = &app;
        let admin = &admin;
        async move {
            let r = app.api(admin, Method::POST, &format!("/api/v1/persons/{p}/vouchers"), Some(body)).await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
            r.json()["id"].as_str().unwrap_or_default().to_owned()
        }
    };
    let voucher = issue(person, "V-1").await;
    let theirs = issue(other, "V-2").await;
    let service = |start: &str| {
        json!({"date": today().to_string(), "starts_at": start, "minutes": 30, "place_of_service": "11",
            "funding_source": program, "authorization": "V-1", "sign": true})
    };
    let events = format!("/api/v1/persons/{person}/service-events");
    let signed = app.api(&coach, Method::POST, &events, Some(service("09:00"))).await;
    assert_eq!(signed.status, StatusCode::CREATED, "{}", signed.body);

    let path = format!("/api/v1/persons/{person}/vouchers/{voucher}");
    let change = |units: i64, withdrawn: bool| {
        json!({"authorized_units": units, "expires_on": (today() + chrono::Duration::days(60)).to_string(),
            "withdrawn": withdrawn})
    };
    let below = app.api(&admin, Method::PUT, &path, Some(change(1, false))).await;
    assert_eq!(below.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", below.body);
    assert_eq!(below.error_fields(), ["authorized_units"], "2 units are already used");
    assert_eq!(app.api(&coach, Method::PUT, &path, Some(change(6, false))).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.api(&elsewhere, Method::PUT, &path, Some(change(6, false))).await.status, StatusCode::NOT_FOUND);
    let mixed = format!("/api/v1/persons/{person}/vouchers/{theirs}");
    assert_eq!(
        app.api(&admin, Method::PUT, &mixed, Some(change(6, false))).await.status,
        StatusCode::NOT_FOUND,
        "another person's voucher under this person's path"
    );
    let changed = app.api(&admin, Method::PUT, &path, Some(change(6, false))).await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    let j = changed.json();
    assert_eq!((&j["authorized_units"], &j["balance_units"], &j["withdrawn_at"]), (&json!(6), &json!(4), &json!(null)));
    let audit = app.audit_actions().await;
    assert!(
        audit
            .iter()
            .filter(|(a, o, s)| a == "financing_save" && o == "success" && *s == Some(person.as_uuid()))
            .count()
            >= 2,
        "the change is on the person's record: {audit:?}"
    );

    // The page: the administrator's form, linked from the person's vouchers; withdrawing it there.
    let list = format!("/persons/{person}/vouchers");
    let form_path = format!("/persons/{person}/vouchers/{voucher}");
    assert!(app.page(&admin, &list).await.body.contains(&format!("href=\"{form_path}\"")));
    assert!(!app.page(&coach, &list).await.body.contains(&format!("href=\"{form_path}\"")), "no link for a coach");
    assert_eq!(app.page(&coach, &form_path).await.status, StatusCode::FORBIDDEN);
    let form = app.page(&admin, &form_path).await;
    assert!(form.status == StatusCode::OK && form.body.contains("V-1"), "{}", form.body);
    let expires = (today() + chrono::Duration::days(60)).to_string();
    let bad = app.post_form(&admin, &form_path, &[("authorized_units", "1"), ("expires_on", expires.as_str())]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("href=\"#voucher-authorized_units\""), "{}", bad.body);
    let withdrawn = app
        .post_form(
            &admin,
            &form_path,
            &[("authorized_units", "6"), ("expires_on", expires.as_str()), ("withdrawn", "yes")],
        )
        .await;
    assert_eq!(withdrawn.status, StatusCode::SEE_OTHER, "{}", withdrawn.body);
    assert!(app.page(&coach, &list).await.body.contains("withdrawn"), "the balance shows it withdrawn");

    let check = app.api(&coach, Method::POST, &format!("{events}/check"), Some(service("11:00"))).await.json();
    assert_eq!(check["problems"][0]["code"], "voucher-withdrawn", "{check}");
    let refused = app.api(&coach, Method::POST, &events, Some(service("11:00"))).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "a withdrawn voucher takes no new signing: {}", refused.body);
    let listed = app.api(&coach, Method::GET, &events, None).await.json();
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "the refused service was not saved");
    let vouchers = app.api(&coach, Method::GET, &format!("/api/v1/persons/{person}/vouchers"), None).await.json();
    assert!(vouchers[0]["withdrawn_at"].is_string() && vouchers[0]["balance_units"] == 4, "{vouchers}");
}
