//! A proxy's parts of the outcome interview (issue 17): on the staff form, each part a proxy may answer asks who
//! gave its answers — the person, or a proxy with their relationship to the person; a proxy is refused the parts and
//! questions the instrument gives the person only (BARC-10); the interview page lists the parts a proxy answered; the
//! person's own answers in the portal make a part theirs again. Bad choices are named (422), never a 500.

use axum::http::{Method, StatusCode};
use chrono::NaiveDate;
use pathways_domain::Role;
use serde_json::json;

use crate::util::TestApp;

fn today() -> NaiveDate {
    chrono::Utc::now().with_timezone(&chrono_tz::America::New_York).date_naive()
}

#[tokio::test]
async fn staff_record_the_parts_a_proxy_answered_and_a_proxy_answers_only_what_the_instrument_allows() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Proxy Interview Person", Some(coach.id)).await;
    let body = json!({"date": today().to_string(), "type": "phone", "minutes": 10});
    let r = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/encounters"), Some(body)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let started = app.post_form(&coach, &format!("/persons/{p}/outcome-interviews"), &[("action", "start")]).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    let form = started.location().to_owned();
    let interview = || async {
        let listed = app.api(&coach, Method::GET, &format!("/api/v1/persons/{p}/outcome-interviews"), None).await;
        listed.json()[0].clone()
    };

    // "Home" may be answered by a proxy: the screen asks who answered, the person by default.
    let home = app.page(&coach, &format!("{form}?section=1")).await;
    assert!(home.body.contains("Who gave the answers in this part?"), "{}", home.body);
    assert!(home.body.contains("name=\"answered_by\" value=\"person\" checked"), "{}", home.body);
    assert!(home.body.contains("<label for=\"proxy_relationship\">"), "labelled");

    // A proxy without a relationship: named, the answers shown again, nothing saved.
    let fields = [("section", "1"), ("housing_status", "stable"), ("housing_type", "own_or_rent")];
    let mut no_relationship = fields.to_vec();
    no_relationship.push(("answered_by", "proxy"));
    let bad = app.post_form(&coach, &form, &no_relationship).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("Choose the proxy&#39;s relationship to the person."), "{}", bad.body);
    assert!(
        bad.body.contains("href=\"#proxy_relationship\"") && bad.body.contains("value=\"proxy\" checked"),
        "{}",
        bad.body
    );
    assert!(bad.body.contains("value=\"stable\" checked"), "the answer is shown again");
    assert_eq!(interview().await["answers"].get("housing_status"), None, "nothing saved");
    let mut unknown = no_relationship.clone();
    unknown.push(("proxy_relationship", "landlord"));
    let bad = app.post_form(&coach, &form, &unknown).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);

    // A family member answers "Home"; a partner "Alcohol and other drugs".
    let mut by_family = no_relationship.clone();
    by_family.push(("proxy_relationship", "family_member"));
    let saved = app.post_form(&coach, &form, &by_family).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let by_partner = [
        ("section", "0"),
        ("days_alcohol_30", "3"),
        ("days_drugs_30", "0"),
        ("answered_by", "proxy"),
        ("proxy_relationship", "partner"),
    ];
    assert_eq!(app.post_form(&coach, &form, &by_partner).await.status, StatusCode::SEE_OTHER);
    let page = app.page(&coach, &format!("{form}?section=1")).await;
    assert!(page.body.contains("A proxy answered these parts for the person:"), "{}", page.body);
    assert!(page.body.contains("Home: a proxy (family member)"), "{}", page.body);
    assert!(page.body.contains("Alcohol and other drugs: a proxy (partner)"), "{}", page.body);
    assert!(
        page.body.contains("value=\"proxy\" checked") && page.body.contains("value=\"family_member\" selected"),
        "the screen shows what was recorded: {}",
        page.body
    );
    assert_eq!(interview().await["answers"]["housing_status"], "stable");

    // BARC-10 is the person's own: its screen does not ask, and a proxy's answers to it are refused.
    let capital = app.page(&coach, &format!("{form}?section=6")).await;
    assert!(capital.body.contains("barc10_1") && !capital.body.contains("name=\"answered_by\""), "{}", capital.body);
    let barc: Vec<(String, String)> = (1..=10).map(|n| (format!("barc10_{n}"), "5".to_owned())).collect();
    let mut forged: Vec<(&str, &str)> =
        vec![("section", "6"), ("answered_by", "proxy"), ("proxy_relationship", "caregiver")];
    forged.extend(barc.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let refused = app.post_form(&coach, &form, &forged).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(refused.body.contains("Only the person can answer this part."), "{}", refused.body);
    assert_eq!(interview().await["answers"].get("barc10"), None, "nothing saved");

    // The person answers "Alcohol and other drugs" themselves in the portal: the part is theirs again.
    let own = app.person_login(app.org, p).await;
    let mine = app
        .post_form(&own, "/me/outcome-interview", &[("section", "0"), ("days_alcohol_30", "1"), ("days_drugs_30", "0")])
        .await;
    assert_eq!(mine.status, StatusCode::SEE_OTHER, "{}", mine.body);
    // The person's form has no such question: a posted one is ignored, and records no proxy.
    let claimed = [
        ("section", "0"),
        ("days_alcohol_30", "1"),
        ("days_drugs_30", "0"),
        ("answered_by", "proxy"),
        ("proxy_relationship", "partner"),
    ];
    assert_eq!(app.post_form(&own, "/me/outcome-interview", &claimed).await.status, StatusCode::SEE_OTHER);
    assert_eq!(interview().await["answers"]["days_alcohol_30"], 1);
    let page = app.page(&coach, &format!("{form}?section=0")).await;
    assert!(
        !page.body.contains("a proxy (partner)") && page.body.contains("Home: a proxy (family member)"),
        "{}",
        page.body
    );

    // Then the coach says the person gave "Home" after all, and finishes: the settled page lists no proxy part.
    let mut by_person = fields.to_vec();
    by_person.push(("answered_by", "person"));
    assert_eq!(app.post_form(&coach, &form, &by_person).await.status, StatusCode::SEE_OTHER);
    assert!(!app.page(&coach, &form).await.body.contains("A proxy answered"), "the mark is gone");
    let by_family_again = by_family.clone();
    assert_eq!(app.post_form(&coach, &form, &by_family_again).await.status, StatusCode::SEE_OTHER);
    let rest = json!({"answers": {"work_or_school": "working_part_time", "arrests_30": 0,
        "recovery_supporters": 3, "mutual_help_days_30": 8, "barc10": [5, 5, 5, 5, 5, 5, 5, 4, 4, 4]}, "complete": true});
    let done = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/outcome-interviews"), Some(rest)).await;
    assert_eq!(done.status, StatusCode::CREATED, "{}", done.body);
    let settled = app.page(&coach, &form).await;
    assert!(
        settled.body.contains("Complete") && settled.body.contains("Home: a proxy (family member)"),
        "{}",
        settled.body
    );
    assert!(!settled.body.contains("name=\"answered_by\""), "a settled interview asks nothing");

    // Every save is audited on the person's record; another organization's coach finds no such interview.
    let saves = app
        .audit_actions()
        .await
        .into_iter()
        .filter(|(a, o, id)| a == "outcome_interview_save" && o == "success" && *id == Some(p.as_uuid()))
        .count();
    assert!(saves >= 6, "{saves}");
    let stranger = app.staff(app.other_org, Role::Coach).await;
    assert_eq!(app.page(&stranger, &form).await.status, StatusCode::NOT_FOUND);
    let forged = app.post_form(&stranger, &form, &by_family).await;
    assert_eq!(forged.status, StatusCode::NOT_FOUND);
}
