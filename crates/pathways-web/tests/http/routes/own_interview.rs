//! The person's own part of the outcome interview (issue 17), in the portal: the home says when an interview is
//! open; the person answers the items the instrument gives them (`answered_by = person`), a screen at a time,
//! resuming where they left; a bad answer is named; their answers go into the interview their coach continues and
//! finishes. With nothing open the page says so.

use axum::http::{Method, StatusCode};
use chrono::NaiveDate;
use pathways_domain::Role;
use serde_json::json;

use crate::util::TestApp;

/// Today in the deployment's zone (America/New_York), as the schedule counts days.
fn today() -> NaiveDate {
    chrono::Utc::now().with_timezone(&chrono_tz::America::New_York).date_naive()
}

const SHIPPED: &str = include_str!("../../../../../instruments/recovery-outcomes-interview.toml");

/// A version of the shipped interview in which staff answer the arrests question from the records.
fn arrests_from_records() -> String {
    let (head, tail) = SHIPPED.split_once("id = \"arrests_30\"").expect("the arrests item");
    let tail = tail.replacen(
        "answered_by = [\"person\", \"proxy\", \"staff_from_records\"]",
        "answered_by = [\"staff_from_records\"]",
        1,
    );
    format!("{head}id = \"arrests_30\"{tail}").replacen("version = \"1.0.0\"", "version = \"1.1.0\"", 1)
}

#[tokio::test]
async fn the_person_answers_their_own_part_and_the_coach_continues_the_same_interview() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Portal Interview Person", Some(coach.id)).await;
    let own = app.person_login(app.org, p).await;
    let nothing = app.page(&own, "/me/outcome-interview").await;
    assert_eq!(nothing.status, StatusCode::OK);
    assert!(nothing.body.contains("No interview is open for you right now"), "no episode yet: {}", nothing.body);
    assert!(!app.page(&own, "/me").await.body.contains("Answer your part of the interview"));

    // The episode starts with a service today; the baseline's window opens.
    let body = json!({"date": today().to_string(), "type": "phone", "minutes": 10});
    let r = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/encounters"), Some(body)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let loaded = pathways_store::interviews::load_instrument(
        app.db.store.writer(),
        "recovery-outcomes-interview",
        "1.1.0",
        "Recovery outcomes interview",
        &arrests_from_records(),
    )
    .await
    .expect("loaded");
    assert!(matches!(loaded, pathways_store::interviews::Loaded::New));

    let home = app.page(&own, "/me").await;
    assert!(home.body.contains("Baseline: open until") && home.body.contains("href=\"/me/outcome-interview\""));
    let first = app.page(&own, "/me/outcome-interview").await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.body.contains("Part 1 of 6") && first.body.contains("name=\"days_alcohol_30\""), "{}", first.body);

    // A bad answer is named beside its question, and nothing is saved.
    let bad = app.post_form(&own, "/me/outcome-interview", &[("section", "0"), ("days_alcohol_30", "45")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("is outside the allowed range") && bad.body.contains("value=\"45\""), "{}", bad.body);
    let listed = app.api(&coach, Method::GET, &format!("/api/v1/persons/{p}/outcome-interviews"), None).await.json();
    assert_eq!(listed.as_array().map(Vec::len), Some(0), "nothing saved");

    let saved = app
        .post_form(&own, "/me/outcome-interview", &[("section", "0"), ("days_alcohol_30", "2"), ("days_drugs_30", "0")])
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(saved.location(), "/me/outcome-interview?section=1");
    let resumed = app.page(&own, "/me/outcome-interview").await;
    assert!(resumed.body.contains("Part 2 of 6") && resumed.body.contains("name=\"housing_status\""));
    // Staff answer the arrests question from the records: the person's screens leave it out.
    for n in 0..6 {
        let screen = app.page(&own, &format!("/me/outcome-interview?section={n}")).await;
        assert!(!screen.body.contains("arrests_30"), "screen {n}: {}", screen.body);
    }
    let barc: Vec<(String, String)> = (1..=10).map(|n| (format!("barc10_{n}"), "5".to_owned())).collect();
    let mut last: Vec<(&str, &str)> = vec![("section", "5"), ("finish", "1")];
    last.extend(barc.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let done = app.post_form(&own, "/me/outcome-interview", &last).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), "/me");

    // The coach continues the same interview: the person's answers are in it, still in progress (the person
    // never finishes it), given with the version loaded.
    let listed = app.api(&coach, Method::GET, &format!("/api/v1/persons/{p}/outcome-interviews"), None).await.json();
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    let i = &listed[0];
    assert_eq!(
        (&i["status"], &i["kind"], &i["instrument_version"]),
        (&json!("in_progress"), &json!("baseline"), &json!("1.1.0"))
    );
    assert_eq!(
        (&i["answers"]["days_alcohol_30"], &i["answers"]["barc10"]),
        (&json!(2), &json!([5, 5, 5, 5, 5, 5, 5, 5, 5, 5]))
    );
    let list = app.page(&coach, &format!("/persons/{p}/outcome-interviews")).await;
    assert!(list.body.contains("Continue the interview"), "{}", list.body);
    let form = app
        .page(&coach, &format!("/persons/{p}/outcome-interviews/{}?section=0", i["id"].as_str().unwrap_or_default()))
        .await;
    assert!(
        form.body.contains(
            "name=\"days_alcohol_30\" type=\"number\" inputmode=\"numeric\" min=\"0\" max=\"30\" value=\"2\""
        )
    );
    let actions = app.audit_actions().await;
    assert!(
        actions.iter().any(|(a, o, id)| a == "outcome_interview_save" && o == "success" && *id == Some(p.as_uuid())),
        "the person's save is audited on their record"
    );

    // Settled by the coach: the person's page has nothing left to answer.
    let rest = json!({"answers": {"housing_status": "stable", "housing_type": "own_or_rent",
        "work_or_school": "working_part_time", "arrests_30": 0, "self_rated_health": "good",
        "recovery_supporters": 3, "mutual_help_days_30": 8}, "complete": true});
    let finished = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/outcome-interviews"), Some(rest)).await;
    assert_eq!(finished.status, StatusCode::CREATED, "{}", finished.body);
    assert_eq!(finished.json()["status"], "complete");
    let after = app.page(&own, "/me/outcome-interview").await;
    assert!(after.body.contains("No interview is open for you right now"), "{}", after.body);
    let late = app.post_form(&own, "/me/outcome-interview", &[("section", "0"), ("days_alcohol_30", "1")]).await;
    assert_ne!(late.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(late.status == StatusCode::UNPROCESSABLE_ENTITY || late.status == StatusCode::SEE_OTHER, "{}", late.status);
}
