//! Outcome interviews (issue 17): recording the interview open on the person's schedule, section by section on
//! the page (resuming where it was left) and over the API; bad answers named, never a 500; administrative entries;
//! closing the episode from the page.

use axum::http::{Method, StatusCode};
use chrono::NaiveDate;
use pathways_domain::access::PersonScope;
use pathways_domain::{PersonId, Role};
use serde_json::json;

use crate::util::{Staff, TestApp};

/// Today in the deployment's zone (the default: America/New_York), as the schedule counts days.
fn today() -> NaiveDate {
    chrono::Utc::now().with_timezone(&chrono_tz::America::New_York).date_naive()
}

/// A person of the coach's caseload with an episode that started today (one service).
async fn person_in_care(app: &TestApp, coach: &Staff) -> PersonId {
    let p = app.person(app.org, "Interview Person", Some(coach.id)).await;
    let body = json!({"date": today().to_string(), "type": "phone", "minutes": 10});
    let r = app.api(coach, Method::POST, &format!("/api/v1/persons/{p}/encounters"), Some(body)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    p
}

fn complete_answers() -> serde_json::Value {
    json!({
        "days_alcohol_30": 0, "days_drugs_30": 0, "housing_status": "stable", "housing_type": "own_or_rent",
        "work_or_school": "working_part_time", "arrests_30": 0, "self_rated_health": "good",
        "recovery_supporters": 3, "mutual_help_days_30": 8, "barc10": [5, 5, 5, 5, 5, 5, 5, 4, 4, 4]
    })
}

#[tokio::test]
async fn a_coach_records_the_baseline_section_by_section_and_the_form_resumes_where_it_was_left() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = person_in_care(&app, &coach).await;
    let list = app.page(&coach, &format!("/persons/{p}/outcome-interviews")).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Baseline") && list.body.contains("Start the interview"), "{}", list.body);

    let started = app.post_form(&coach, &format!("/persons/{p}/outcome-interviews"), &[("action", "start")]).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    let form = started.location().to_owned();
    assert!(form.starts_with(&format!("/persons/{p}/outcome-interviews/")), "{form}");
    let first = app.page(&coach, &form).await;
    assert!(first.body.contains("Part 1 of 7") && first.body.contains("days_alcohol_30"), "{}", first.body);

    // The first section, then the form is left: opening it again resumes at the second.
    let saved =
        app.post_form(&coach, &form, &[("section", "0"), ("days_alcohol_30", "2"), ("days_drugs_30", "0")]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(saved.location(), format!("{form}?section=1"));
    let resumed = app.page(&coach, &form).await;
    assert!(resumed.body.contains("Part 2 of 7") && resumed.body.contains("housing_status"), "{}", resumed.body);
    // The list offers to continue it rather than start another.
    let list = app.page(&coach, &format!("/persons/{p}/outcome-interviews")).await;
    assert!(list.body.contains("Continue the interview"), "{}", list.body);

    // Finishing with required answers missing: 422, shown on the section they belong to.
    let last = app.post_form(&coach, &form, &[("section", "6"), ("finish", "1")]).await;
    assert_eq!(last.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", last.body);
    assert!(last.body.contains("Part 2 of 7") && last.body.contains("needs an answer"), "{}", last.body);

    // The rest over the API continues the same interview and completes it.
    let mut rest = complete_answers();
    rest.as_object_mut().expect("object").remove("days_alcohol_30");
    let body = json!({"answers": rest, "complete": true});
    let done = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/outcome-interviews"), Some(body)).await;
    assert_eq!(done.status, StatusCode::CREATED, "{}", done.body);
    let done = done.json();
    assert_eq!(format!("/persons/{p}/outcome-interviews/{}", done["id"].as_str().expect("id")), form);
    assert_eq!(done["status"], "complete");
    assert_eq!(done["kind"], "baseline");
    assert_eq!(done["done_on"], today().to_string());
    assert_eq!(done["answers"]["days_alcohol_30"], 2, "the page's answer was kept");
    assert_eq!(done["instrument_id"], "recovery-outcomes-interview");
    assert_eq!(
        (done["opens_on"].as_str(), done["closes_on"].as_str()),
        (Some(today().to_string().as_str()), Some((today() + chrono::Duration::days(30)).to_string().as_str()))
    );

    // Settled: nothing more is due today, and the page shows the answers.
    let again =
        app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/outcome-interviews"), Some(json!({}))).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", again.body);
    assert_eq!(again.error_fields(), vec!["done_on"]);
    let shown = app.page(&coach, &form).await;
    assert!(shown.body.contains("BARC-10 total 47") && shown.body.contains("Stable"), "{}", shown.body);
    let listed = app.api(&coach, Method::GET, &format!("/api/v1/persons/{p}/outcome-interviews"), None).await.json();
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    // The reassessment is on the schedule: 180 days after the baseline.
    let list = app.page(&coach, &format!("/persons/{p}/outcome-interviews")).await;
    assert!(list.body.contains(&(today() + chrono::Duration::days(180)).to_string()), "{}", list.body);
}

#[tokio::test]
async fn bad_answers_and_inputs_are_named_never_a_server_error() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = person_in_care(&app, &coach).await;
    let post = |body: serde_json::Value| {
        let (app, coach) = (&app, &coach);
        async move { app.api(coach, Method::POST, &format!("/api/v1/persons/{p}/outcome-interviews"), Some(body)).await }
    };
    let r = post(json!({"answers": {"days_alcohol_30": 31, "housing_status": "castle", "shoe_size": 9}})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.error_fields(), vec!["answers.shoe_size", "answers.days_alcohol_30", "answers.housing_status"]);
    let r = post(json!({"answers": {"barc10": [1, 2, 3]}})).await;
    assert_eq!(r.error_fields(), vec!["answers.barc10"]);
    let r = post(json!({"answers": {"days_drugs_30": "many"}})).await;
    assert_eq!(r.error_fields(), vec!["answers.days_drugs_30"]);
    let r = post(json!({"administrative_reason": "bored"})).await;
    assert_eq!(r.error_fields(), vec!["administrative_reason"]);
    let r = post(json!({"done_on": "2026-02-30"})).await;
    assert_eq!(r.error_fields(), vec!["done_on"]);
    let r = post(json!({"done_on": (today() + chrono::Duration::days(1)).to_string()})).await;
    assert_eq!(r.error_fields(), vec!["done_on"]);
    let r = post(json!({"answers": {}, "extra": 1})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY.min(r.status).max(StatusCode::BAD_REQUEST), "{}", r.body);
    let r = post(json!({"answers": [1, 2]})).await;
    assert!(r.status.is_client_error(), "{}", r.body);
    // Completing with nothing: every required item named.
    let r = post(json!({"complete": true})).await;
    assert_eq!(
        r.error_fields(),
        vec![
            "answers.days_alcohol_30",
            "answers.days_drugs_30",
            "answers.housing_status",
            "answers.housing_type",
            "answers.work_or_school",
            "answers.arrests_30",
            "answers.recovery_supporters"
        ]
    );
    // A person with no episode of care yet.
    let fresh = app.person(app.org, "No Episode", Some(coach.id)).await;
    let r =
        app.api(&coach, Method::POST, &format!("/api/v1/persons/{fresh}/outcome-interviews"), Some(json!({}))).await;
    assert_eq!(r.error_fields(), vec!["episode"]);
    // Nothing was stored by any of these.
    let listed = app.api(&coach, Method::GET, &format!("/api/v1/persons/{p}/outcome-interviews"), None).await.json();
    assert_eq!(listed.as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn an_administrative_entry_settles_the_window_and_says_why() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = person_in_care(&app, &coach).await;
    let r = app
        .post_form(&coach, &format!("/persons/{p}/outcome-interviews"), &[("action", "administrative"), ("reason", "")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = app
        .post_form(
            &coach,
            &format!("/persons/{p}/outcome-interviews"),
            &[("action", "administrative"), ("reason", "not_reached")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let listed = app.api(&coach, Method::GET, &format!("/api/v1/persons/{p}/outcome-interviews"), None).await.json();
    assert_eq!(listed[0]["status"], "administrative");
    assert_eq!(listed[0]["administrative_reason"], "not_reached");
    assert_eq!(listed[0]["answers"], json!({}));
    let page = app.page(&coach, &format!("/persons/{p}/outcome-interviews")).await;
    assert!(
        page.body.contains("could not be reached") && page.body.contains("No interview is due today"),
        "{}",
        page.body
    );
    let audited = app.audit_actions().await;
    assert!(audited.iter().any(|(a, o, s)| a == "outcome_interview_save" && o == "success" && *s == Some(p.as_uuid())));
}

#[tokio::test]
async fn closing_the_episode_from_the_page_makes_the_closeout_due() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = person_in_care(&app, &coach).await;
    let path = format!("/persons/{p}/episode/close");
    let r = app.post_form(&coach, &path, &[("ended_on", &today().to_string()), ("reason", "sunny")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = app.post_form(&coach, &path, &[("ended_on", "yesterday"), ("reason", "completed")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let before = (today() - chrono::Duration::days(3)).to_string();
    let r = app.post_form(&coach, &path, &[("ended_on", &before), ("reason", "completed")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "a day before the episode started: {}", r.body);
    let r = app.post_form(&coach, &path, &[("ended_on", &today().to_string()), ("reason", "completed")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let scope = PersonScope { org: app.org, assigned_to: None, only_person: None };
    let e = pathways_store::outcomes::episodes(app.db.store.reader(), &scope, p).await.expect("episodes");
    assert_eq!((e[0].ended_on, e[0].closeout_reason.as_deref()), (Some(today()), Some("completed")));
    let page = app.page(&coach, &format!("/persons/{p}/outcome-interviews")).await;
    assert!(
        page.body.contains("Closeout") && !page.body.contains("Close the episode of care</button>"),
        "{}",
        page.body
    );
    // Twice: already closed, said plainly.
    let r = app.post_form(&coach, &path, &[("ended_on", &today().to_string()), ("reason", "completed")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // The closeout is recorded against the closeout window.
    let body = json!({"answers": complete_answers(), "complete": true});
    let done = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/outcome-interviews"), Some(body)).await;
    assert_eq!(done.status, StatusCode::CREATED, "{}", done.body);
    assert_eq!(done.json()["kind"], "closeout");
    assert!(app.audit_actions().await.iter().any(|(a, _, s)| a == "episode_close" && *s == Some(p.as_uuid())));
}

#[tokio::test]
async fn the_coachs_caseload_shows_the_interview_due_this_week_with_its_window() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    // Due: an episode that started today (its baseline window is open from today to 30 days on).
    let due = app.person(app.org, "Due Person", Some(coach.id)).await;
    // Settled: the same, with the baseline recorded as "could not be reached" (nothing else is scheduled without a
    // baseline).
    let settled = app.person(app.org, "Settled Person", Some(coach.id)).await;
    // No episode: nothing is scheduled.
    app.person(app.org, "Quiet Person", Some(coach.id)).await;
    for p in [due, settled] {
        let body = json!({"date": today().to_string(), "type": "phone", "minutes": 10});
        let r = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/encounters"), Some(body)).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    }
    let r = app
        .post_form(
            &coach,
            &format!("/persons/{settled}/outcome-interviews"),
            &[("action", "administrative"), ("reason", "not_reached")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    let page = app.page(&coach, "/caseload").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Outcome interview this week"), "the column: {}", page.body);
    let window = format!("Baseline: open {} to {}", today(), today() + chrono::Duration::days(30));
    let row = |name: &str| -> String {
        let at = page.body.find(name).unwrap_or_else(|| panic!("{name} in {}", page.body));
        let end = page.body[at..].find("</tr>").map_or(page.body.len(), |e| at + e);
        page.body[at..end].to_owned()
    };
    assert!(row("Due Person").contains(&window), "{}", row("Due Person"));
    assert!(row("Due Person").contains(&format!("/persons/{due}/outcome-interviews")));
    assert!(!row("Settled Person").contains("Baseline"), "{}", row("Settled Person"));
    assert!(!row("Quiet Person").contains("Baseline"), "{}", row("Quiet Person"));

    // The filter shows only the persons with an interview due this week; the order of the list is unchanged.
    let only = app.page(&coach, "/caseload?flag=interview").await.body;
    assert!(only.contains("Due Person") && !only.contains("Settled Person") && !only.contains("Quiet Person"));
}

/// The outreach queue's outcome interview item names the interview and its window, on the page and in the API, and
/// leads to the person's interviews; another kind of item has none.
#[tokio::test]
async fn the_outreach_queue_names_the_interview_and_its_window() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let due = app.person(app.org, "Due Person", Some(coach.id)).await;
    let body = json!({"date": today().to_string(), "type": "phone", "minutes": 10});
    let r = app.api(&coach, Method::POST, &format!("/api/v1/persons/{due}/encounters"), Some(body)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    // The rules' pass (hourly, or after a record that changes what they read) opens the item.
    let tz = pathways_domain::deployment::DEFAULT_TIME_ZONE;
    pathways_store::outreach::evaluate_person(app.db.store.writer(), due, pathways_store::now(), tz)
        .await
        .expect("the rules' pass");

    let (opens, closes) = (today(), today() + chrono::Duration::days(30));
    let items = app.api(&coach, Method::GET, "/api/v1/outreach", None).await.json();
    let items = items.as_array().expect("items");
    let item = items.iter().find(|i| i["kind"] == "interview_due").unwrap_or_else(|| panic!("{items:?}"));
    assert_eq!(item["person_id"], due.to_string());
    let w = &item["interview_window"];
    assert_eq!(
        (w["interview"].as_str(), w["opens_on"].as_str(), w["closes_on"].as_str(), w["year"].is_null()),
        (Some("baseline"), Some(opens.to_string().as_str()), Some(closes.to_string().as_str()), true),
        "{item}"
    );
    assert!(
        items.iter().filter(|i| i["kind"] != "interview_due").all(|i| i["interview_window"].is_null()),
        "{items:?}"
    );

    let page = app.page(&coach, "/outreach").await;
    assert_eq!(page.status, StatusCode::OK);
    let at = page.body.find("outcome interview due").unwrap_or_else(|| panic!("{}", page.body));
    let card = &page.body[page.body[..at].rfind("<li").unwrap_or(0)..];
    let card = &card[..card.find("</li>").unwrap_or(card.len())];
    assert!(card.contains(&format!("Baseline: open {opens} to {closes}")), "{card}");
    assert!(card.contains(&format!("href=\"/persons/{due}/outcome-interviews\"")), "{card}");

    // Settled: the item closes, and with it the window.
    let r = app
        .post_form(
            &coach,
            &format!("/persons/{due}/outcome-interviews"),
            &[("action", "administrative"), ("reason", "refused")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let items = app.api(&coach, Method::GET, "/api/v1/outreach", None).await.json();
    assert!(items.as_array().is_some_and(|a| a.iter().all(|i| i["kind"] != "interview_due")), "{items}");
    assert!(!app.page(&coach, "/outreach").await.body.contains("Baseline: open"));
}
