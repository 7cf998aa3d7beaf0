//! A service event names the plan goal it served and the encounter it was given in (issue 21): the form offers the
//! person's goals and encounters, "record as a service" fills it from an encounter, and a goal or an encounter that
//! is not the person's — or an encounter of another day — is refused by field on the page and in the API, nothing
//! saved. A group service is named on the page too: the others are chosen among the persons the caller reaches.

use axum::http::{Method, StatusCode};
use pathways_domain::financing::{Funding, PayerProfile};
use pathways_domain::{PersonId, Role};
use serde_json::json;
use uuid::Uuid;

use super::financing::source;
use crate::util::{Staff, TestApp};

fn today() -> chrono::NaiveDate {
    // The service and encounter parsers bound dates by UTC's today.
    chrono::Utc::now().date_naive()
}

/// A plan with one goal for the person; the goal's id.
async fn goal(app: &TestApp, coach: &Staff, person: PersonId, text: &str) -> Uuid {
    let id = Uuid::now_v7();
    let path = format!("/api/v1/persons/{person}/plan");
    let current = app.api(coach, Method::GET, &path, None).await.json()["version"].as_i64().unwrap_or(0);
    let plan = json!({"version": current, "plan": {"goals": [{"id": id, "dimension": "home", "text": text}]}});
    let saved = app.api(coach, Method::PUT, &path, Some(plan)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    id
}

/// An encounter with the person on `day`; its id.
async fn encounter(app: &TestApp, coach: &Staff, person: PersonId, day: chrono::NaiveDate, minutes: u32) -> Uuid {
    let made = app
        .api(
            coach,
            Method::POST,
            &format!("/api/v1/persons/{person}/encounters"),
            Some(json!({"date": day.to_string(), "type": "in_person", "minutes": minutes, "topics": []})),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    made.json()["id"].as_str().and_then(|s| s.parse().ok()).expect("the encounter's id")
}

async fn events(app: &TestApp, who: &Staff, person: PersonId) -> serde_json::Value {
    app.api(who, Method::GET, &format!("/api/v1/persons/{person}/service-events"), None).await.json()
}

#[tokio::test]
async fn a_service_names_the_persons_goal_and_encounter_and_nothing_else() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let person = app.person(app.org, "Linked Person", Some(coach.id)).await;
    let other = app.person(app.org, "Another Person", Some(coach.id)).await;
    let src = source(&app, app.org, &PayerProfile::peer_services("Link payer", 1_000), &Funding::Payer).await;
    let housing = goal(&app, &coach, person, "Find a place of my own").await;
    let theirs = goal(&app, &coach, other, "Someone else's goal").await;
    let met = encounter(&app, &coach, person, today(), 50).await;
    let yesterday = today().pred_opt().expect("a day");
    let earlier = encounter(&app, &coach, person, yesterday, 20).await;
    let elsewhere = encounter(&app, &coach, other, today(), 30).await;

    // The form offers the person's goal and encounters, never another person's.
    let base = format!("/persons/{person}/service-events");
    let page = app.page(&coach, &base).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Find a place of my own") && page.body.contains(&met.to_string()), "{}", page.body);
    assert!(!page.body.contains("Someone else&#39;s goal") && !page.body.contains(&elsewhere.to_string()));

    // "Record as a service" from the encounters page fills the day and minutes from the encounter.
    let log = app.page(&coach, &format!("/persons/{person}/encounters")).await;
    let link = format!("{base}?encounter={met}");
    assert!(log.body.contains(&link), "each encounter links to the service form: {}", log.body);
    let filled = app.page(&coach, &link).await;
    assert!(filled.body.contains(&format!("<option value=\"{met}\" selected>")), "{}", filled.body);
    assert!(
        filled
            .body
            .contains("name=\"minutes\" type=\"number\" inputmode=\"numeric\" min=\"1\" max=\"720\" value=\"50\"")
    );

    let (src_s, day) = (src.to_string(), today().to_string());
    let form = |goal: String, encounter: String| {
        vec![
            ("date".to_owned(), day.clone()),
            ("starts_at".to_owned(), "10:00".to_owned()),
            ("minutes".to_owned(), "50".to_owned()),
            ("place_of_service".to_owned(), "11".to_owned()),
            ("funding_source".to_owned(), src_s.clone()),
            ("goal".to_owned(), goal),
            ("encounter".to_owned(), encounter),
            ("intent".to_owned(), "sign".to_owned()),
        ]
    };
    let post = |fields: Vec<(String, String)>| {
        let (app, coach, base) = (&app, &coach, &base);
        async move {
            let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            app.post_form(coach, base, &f).await
        }
    };
    for (fields, problem, why) in [
        (form(theirs.to_string(), String::new()), "Plan goal: Choose one of the options.", "another person's goal"),
        (form(String::new(), elsewhere.to_string()), "Encounter: Choose one of the options.", "another's encounter"),
        (
            form(housing.to_string(), earlier.to_string()),
            "Encounter: That encounter was on another day",
            "an encounter of another day",
        ),
        (form("a goal".into(), String::new()), "Plan goal: Choose one of the options.", "not an id"),
    ] {
        let refused = post(fields).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{why}: {}", refused.body);
        assert!(refused.body.contains(problem), "{why}: {}", refused.body);
        assert!(refused.body.contains("Find a place of my own"), "{why}: the form comes back with its choices");
    }
    assert_eq!(events(&app, &coach, person).await.as_array().map(Vec::len), Some(0), "nothing was saved");

    let signed = post(form(housing.to_string(), met.to_string())).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    let listed = events(&app, &coach, person).await;
    assert_eq!((&listed[0]["goal"], &listed[0]["encounter"]), (&json!(housing), &json!(met)));
    let page = app.page(&coach, &base).await;
    assert!(page.body.contains("Plan goal: Find a place of my own"), "the list names the goal served");

    // The API names the same problems by field, and links the same way.
    let path = format!("/api/v1/persons/{person}/service-events");
    let body = |goal: Uuid, encounter: Uuid| {
        json!({"date": day, "starts_at": "14:00", "minutes": 20, "place_of_service": "11",
            "funding_source": src_s, "goal": goal, "encounter": encounter})
    };
    let refused = app.api(&coach, Method::POST, &path, Some(body(theirs, elsewhere))).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert_eq!(refused.error_fields(), ["goal", "encounter"]);
    let checked = app.api(&coach, Method::POST, &format!("{path}/check"), Some(body(housing, earlier))).await;
    assert_eq!(checked.status, StatusCode::UNPROCESSABLE_ENTITY, "the check refuses it too: {}", checked.body);
    assert!(checked.body.contains("encounter-other-day"), "{}", checked.body);
    let made = app.api(&coach, Method::POST, &path, Some(body(housing, met))).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    assert_eq!(made.json()["event"]["goal"], json!(housing));

    // A correction keeps its goal though the plan has dropped it since, and may name an encounter again.
    let signed_id = listed[0]["id"].as_str().unwrap_or_default().to_owned();
    goal(&app, &coach, person, "A new goal").await;
    let fix = format!("{base}/{signed_id}/correct");
    let form_page = app.page(&coach, &fix).await;
    assert!(form_page.body.contains(&format!("<option value=\"{housing}\" selected>")), "{}", form_page.body);
    assert!(form_page.body.contains("A goal no longer in the plan"));
    let mut fields = form(housing.to_string(), met.to_string());
    fields.push(("reason".into(), "Wrong minutes".into()));
    let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let corrected = app.post_form(&coach, &fix, &f).await;
    assert_eq!(corrected.status, StatusCode::SEE_OTHER, "{}", corrected.body);
    let latest = events(&app, &coach, person).await;
    let v2 = latest.as_array().into_iter().flatten().find(|e| e["version"] == 2).expect("the new version");
    assert_eq!((&v2["goal"], &v2["encounter"]), (&json!(housing), &json!(met)));
}

#[tokio::test]
async fn a_group_service_on_the_page_chooses_among_the_persons_in_reach() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let colleague = app.staff(app.org, Role::Coach).await;
    let first = app.person(app.org, "Page Group First", Some(coach.id)).await;
    let second = app.person(app.org, "Page Group Second", Some(coach.id)).await;
    let theirs = app.person(app.org, "Page Group Theirs", Some(colleague.id)).await;
    let src = source(&app, app.org, &PayerProfile::peer_services("Group page payer", 1_000), &Funding::Payer).await;
    let base = format!("/persons/{first}/service-events");

    let plain = app.page(&coach, &base).await;
    assert!(!plain.body.contains("Page Group Second"), "no one else's name until a group is asked for");
    assert!(plain.body.contains("name=\"intent\" value=\"group\""), "{}", plain.body);
    // "A group service?" shows the same form, as typed, with the persons to choose from.
    let asked = [("minutes", "75"), ("starts_at", "08:15"), ("intent", "group")];
    let group = app.post_form(&coach, &base, &asked).await;
    assert_eq!(group.status, StatusCode::OK, "{}", group.body);
    assert!(group.body.contains("value=\"75\"") && group.body.contains("value=\"08:15\""), "kept: {}", group.body);
    assert!(group.body.contains("Page Group Second") && group.body.contains(&format!("value=\"{second}\"")));
    assert!(!group.body.contains("Page Group Theirs"), "a colleague's person is not offered to a coach");
    assert!(!group.body.contains(&format!("id=\"group-{first}\"")), "nor the person themselves");
    assert!(!group.body.contains("name=\"intent\" value=\"group\""), "asked once");
    let linked = app.page(&coach, &format!("{base}?group=1")).await;
    assert!(linked.body.contains("Page Group Second"), "a link may open it too");

    let (src_s, day) = (src.to_string(), today().to_string());
    let fields = |others: &[String]| {
        let mut f = vec![
            ("date".to_owned(), day.clone()),
            ("starts_at".to_owned(), "13:00".to_owned()),
            ("minutes".to_owned(), "30".to_owned()),
            ("place_of_service".to_owned(), "11".to_owned()),
            ("funding_source".to_owned(), src_s.clone()),
            ("group".to_owned(), "1".to_owned()),
        ];
        f.extend(others.iter().map(|o| ("group_persons".to_owned(), o.clone())));
        f
    };
    let post = |mut fields: Vec<(String, String)>, intent: &str| {
        fields.push(("intent".into(), intent.into()));
        let (app, coach, base) = (&app, &coach, &base);
        async move {
            let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            app.post_form(coach, base, &f).await
        }
    };
    // A person out of reach (posted by hand) is refused by field, nothing saved, the list offered again.
    let refused = post(fields(&[second.to_string(), theirs.to_string()]), "sign").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(refused.body.contains("href=\"#group_persons\""), "{}", refused.body);
    assert!(refused.body.contains(&format!("id=\"group-{second}\" name=\"group_persons\" value=\"{second}\" checked")));
    assert_eq!(events(&app, &coach, first).await.as_array().map(Vec::len), Some(0));

    let checked = post(fields(&[second.to_string()]), "check").await;
    assert_eq!(checked.status, StatusCode::OK, "{}", checked.body);
    assert!(checked.body.contains("Units: 4"), "two units for each of two persons: {}", checked.body);
    let signed = post(fields(&[second.to_string()]), "sign").await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    let listed = events(&app, &coach, first).await;
    assert_eq!(listed[0]["persons"], json!([first.to_string(), second.to_string()]));
    assert_eq!(events(&app, &coach, second).await.as_array().map(Vec::len), Some(1), "on both records");
}
