//! `/api/v1/persons/{id}/checkups`, `/schedule`, `/api/v1/outreach` and attempts (issue 5).

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use pathways_domain::Role;
use serde_json::json;

use crate::util::TestApp;

fn checkup(wants: bool) -> serde_json::Value {
    json!({"days_alcohol_90": 12, "days_drugs_90": 0, "weekly_use_since_last": false,
        "past_month_problems": [], "wants_treatment": wants, "in_treatment": false,
        "housing": "stable", "barc10": [5, 5, 5, 5, 5, 5, 5, 5, 5, 5]})
}

#[tokio::test]
async fn a_checkup_that_finds_a_need_returns_the_rule_and_opens_linkage() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Checkup Person", Some(coach.id)).await;

    let schedule = app.api(&coach, Method::GET, &format!("/api/v1/persons/{p}/schedule"), None).await;
    assert_eq!(schedule.status, StatusCode::OK, "{}", schedule.body);
    let s = schedule.json();
    assert_eq!(s["schedule"]["kind"], "fixed");
    assert_eq!(s["window_days"], 14);
    assert_eq!(s["time_zone"], "America/New_York");
    assert_eq!(s["standing"], "upcoming", "enrolled today, first check-up in three months");
    let first_due = s["next_due"].as_str().expect("a due date").to_owned();

    let path = format!("/api/v1/persons/{p}/checkups");
    let done = app.api(&coach, Method::POST, &path, Some(checkup(true))).await;
    assert_eq!(done.status, StatusCode::CREATED, "{}", done.body);
    let c = done.json();
    assert_eq!(c["needs_treatment"], true);
    assert_eq!(c["reasons"], json!(["wants_treatment"]));
    assert_eq!(c["due_on"], first_due.as_str());
    assert_eq!(c["in_window"], false, "three months early");
    assert!(c["next_due"].is_string());
    assert!(c["linkage_task_id"].is_string(), "a need opens a linkage task");
    assert!(c["assessment_id"].is_string(), "the BARC-10 taken with it is stored");
    assert_eq!(c["answers"]["housing"], "stable");

    // In treatment already: the reasons say why no linkage is needed.
    let mut in_treatment = checkup(true);
    in_treatment["in_treatment"] = json!(true);
    let c2 = app.api(&coach, Method::POST, &path, Some(in_treatment)).await.json();
    assert_eq!(c2["needs_treatment"], false);
    assert_eq!(c2["reasons"], json!(["wants_treatment", "already_in_treatment"]));

    // 45 days of drug use in 90 with the weekly-use box unticked is weekly use (the RMC protocol's 13 days).
    let mut counted = checkup(false);
    counted["days_drugs_90"] = json!(45);
    let c3 = app.api(&coach, Method::POST, &path, Some(counted)).await.json();
    assert_eq!(c3["needs_treatment"], true);
    assert_eq!(c3["reasons"], json!(["weekly_use"]));
    let mut below = checkup(false);
    below["days_drugs_90"] = json!(12);
    let c4 = app.api(&coach, Method::POST, &path, Some(below)).await.json();
    assert_eq!(
        (c4["needs_treatment"].clone(), c4["reasons"].clone()),
        (json!(false), json!([])),
        "12 days is not weekly"
    );

    let list = app.api(&coach, Method::GET, &path, None).await.json();
    assert_eq!(list.as_array().map(Vec::len), Some(4));
    assert_eq!(list[0]["id"], c4["id"], "newest first");

    // The coach's queue shows the linkage item at once (evaluated in the same transaction).
    let queue = app.api(&coach, Method::GET, "/api/v1/outreach", None).await;
    assert_eq!(queue.status, StatusCode::OK);
    let kinds: Vec<String> =
        queue.json().as_array().into_iter().flatten().filter_map(|i| i["kind"].as_str().map(str::to_owned)).collect();
    assert!(kinds.contains(&"linkage_needed".to_owned()), "{kinds:?}");
}

#[tokio::test]
async fn bad_checkup_answers_are_all_named_and_nothing_is_stored() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Checkup Person", Some(coach.id)).await;
    let path = format!("/api/v1/persons/{p}/checkups");
    let bad = app
        .api(
            &coach,
            Method::POST,
            &path,
            Some(json!({"days_alcohol_90": 91, "weekly_use_since_last": false, "past_month_problems": ["sleep"],
                "wants_treatment": false, "in_treatment": false})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<(String, String)> = bad.json()["error"]["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| (f["field"].as_str().unwrap_or("").to_owned(), f["code"].as_str().unwrap_or("").to_owned()))
        .collect();
    assert_eq!(
        fields,
        vec![
            ("days_alcohol_90".to_owned(), "out-of-range".to_owned()),
            ("days_drugs_90".to_owned(), "required".to_owned()),
            ("past_month_problems".to_owned(), "unknown-choice".to_owned()),
        ]
    );
    let req = Request::post(&path)
        .header(header::AUTHORIZATION, format!("Bearer {}", coach.token))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"days_alcohol_90\": "))
        .expect("request");
    let malformed = app.send(req).await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    assert_eq!(app.api(&coach, Method::GET, &path, None).await.json(), json!([]));
}

#[tokio::test]
async fn attempts_escalate_to_the_supervisor_and_other_organizations_get_404() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let stranger = app.staff(app.other_org, Role::Supervisor).await;
    let p = app.person(app.org, "Outreach Person", Some(coach.id)).await;
    app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/checkups"), Some(checkup(true))).await;
    let queue = app.api(&coach, Method::GET, "/api/v1/outreach", None).await.json();
    let item = queue
        .as_array()
        .into_iter()
        .flatten()
        .find(|i| i["kind"] == "linkage_needed")
        .and_then(|i| i["id"].as_str())
        .expect("a linkage item")
        .to_owned();
    let path = format!("/api/v1/outreach/{item}/attempts");

    let bad = app.api(&coach, Method::POST, &path, Some(json!({"channel": "pigeon", "outcome": "maybe"}))).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.json()["error"]["fields"].as_array().map(Vec::len), Some(2));

    let theirs =
        app.api(&stranger, Method::POST, &path, Some(json!({"channel": "phone", "outcome": "no_answer"}))).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND, "another organization's item does not exist for them");
    assert_eq!(app.api(&stranger, Method::GET, "/api/v1/outreach", None).await.json(), json!([]));

    for n in 1..=3 {
        let r = app.api(&coach, Method::POST, &path, Some(json!({"channel": "phone", "outcome": "no_answer"}))).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let j = r.json();
        assert_eq!(j["failed_attempts"], n);
        assert_eq!(j["escalated_now"], n == 3);
    }
    let escalated = app.api(&supervisor, Method::GET, "/api/v1/outreach?escalated=true", None).await.json();
    assert_eq!(escalated.as_array().map(Vec::len), Some(1));
    assert_eq!(escalated[0]["id"], item.as_str());
    let actions = app.audit_actions().await;
    assert!(
        actions.iter().any(|(a, o, s)| a == "outreach_attempt_create" && o == "success" && *s == Some(p.as_uuid()))
    );
    assert!(actions.iter().any(|(a, o, _)| a == "outreach_read" && o == "success"));

    let analyst = app.staff(app.org, Role::Analyst).await;
    assert_eq!(app.api(&analyst, Method::GET, "/api/v1/outreach", None).await.status, StatusCode::FORBIDDEN);
}

/// The pages: a coach records a check-up on the form, the need opens the linkage task, its steps are marked; the
/// queue page lists the item and takes an attempt; a bad form comes back with each problem named.
#[tokio::test]
async fn pages_record_a_checkup_mark_linkage_steps_and_log_attempts() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Page Person", Some(coach.id)).await;
    let page = app.page(&coach, &format!("/persons/{p}/checkups")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Record a check-up") && page.body.contains("not yet due"), "{}", page.body);

    let bad = app.post_form(&coach, &format!("/persons/{p}/checkups"), &[("days_alcohol_90", "120")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Days of alcohol use in the past 90 days: This is outside the allowed range."));
    assert!(bad.body.contains("Says they need or want treatment: This is required."));

    let fields = [
        ("days_alcohol_90", "20"),
        ("days_drugs_90", "0"),
        ("weekly_use_since_last", "yes"),
        ("problem", "work_or_school"),
        ("problem", "money"),
        ("wants_treatment", "no"),
        ("in_treatment", "no"),
        ("housing", "at_risk"),
    ];
    let saved = app.post_form(&coach, &format!("/persons/{p}/checkups"), &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let after = app.page(&coach, &format!("/persons/{p}/checkups")).await.body;
    assert!(after.contains("Getting into treatment"), "the linkage task is shown");
    assert!(
        after.contains("weekly use (20 days of alcohol use and 0 days of other drug use in the past 90 days; 13 or more days counts as weekly); problems in the past month"),
        "the reasons are shown, weekly use with the counts that showed it"
    );
    let task = after
        .split(&format!("/persons/{p}/linkage/"))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a linkage form")
        .to_owned();
    let step = app.post_form(&coach, &format!("/persons/{p}/linkage/{task}"), &[("step", "feedback")]).await;
    assert_eq!(step.status, StatusCode::SEE_OTHER);
    let after = app.page(&coach, &format!("/persons/{p}/checkups")).await.body;
    assert!(
        after.contains("Talked through the check-up&#39;s answers:")
            || after.contains("Talked through the check-up's answers:")
    );

    let queue = app.page(&coach, "/outreach").await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(queue.body.contains("Page Person</a>: needs help getting into treatment"), "{}", queue.body);
    let item = queue
        .body
        .split("action=\"/outreach/")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .expect("an attempt form")
        .to_owned();
    let logged = app
        .post_form(&coach, &format!("/outreach/{item}/attempts"), &[("channel", "phone"), ("outcome", "no_answer")])
        .await;
    assert_eq!(logged.status, StatusCode::SEE_OTHER);
    assert!(app.page(&coach, "/outreach").await.body.contains("1 attempt"));

    // Another organization's coach: the item and the person are not there.
    let stranger = app.staff(app.other_org, Role::Coach).await;
    let theirs = app
        .post_form(&stranger, &format!("/outreach/{item}/attempts"), &[("channel", "phone"), ("outcome", "reached")])
        .await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    assert_eq!(app.page(&stranger, &format!("/persons/{p}/checkups")).await.status, StatusCode::NOT_FOUND);
}

/// The program view counts check-ups, needs and linkage for the program and per coach; a coach sees their own.
#[tokio::test]
async fn the_program_view_counts_without_naming_anyone() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let p = app.person(app.org, "Counted Person", Some(coach.id)).await;
    app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/checkups"), Some(checkup(true))).await;
    app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/checkups"), Some(checkup(false))).await;
    let page = app.page(&supervisor, "/outreach/figures").await;
    assert_eq!(page.status, StatusCode::OK);
    let body = page.body;
    assert!(
        body.contains("<th scope=\"row\">Whole program</th>\n      <td>2</td>\n      <td>0%</td>\n      <td>1</td>"),
        "{body}"
    );
    assert!(!body.contains("Counted Person"), "no one is named");
    let own = app.page(&coach, "/outreach/figures").await.body;
    assert_eq!(own.matches("<th scope=\"row\">").count(), 1, "a coach sees the one line of their own");
    let analyst = app.page(&app.staff(app.org, Role::Analyst).await, "/outreach/figures").await;
    assert_eq!(analyst.status, StatusCode::OK, "analysts see the counts");
    assert!(analyst.body.contains("<th scope=\"row\">Whole program</th>\n      <td>2</td>"));
    assert!(!analyst.body.contains("Counted Person"));
    assert_eq!(
        app.page(&app.staff(app.org, Role::AccessLine).await, "/outreach/figures").await.status,
        StatusCode::FORBIDDEN
    );
    let elsewhere = app.page(&app.staff(app.other_org, Role::Analyst).await, "/outreach/figures").await.body;
    assert!(
        elsewhere.contains("<th scope=\"row\">Whole program</th>\n      <td>0</td>"),
        "their own organization only"
    );
}

/// A person does their own check-up in the portal: stored as theirs, the need opens the coach's linkage task, and
/// their page shows where it stands without the coach's buttons. Another person's check-ups are not reachable.
#[tokio::test]
async fn a_person_does_their_own_checkup_in_the_portal() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Portal Person", Some(coach.id)).await;
    let me = app.person_login(app.org, p).await;
    let page = app.page(&me, "/me/checkups").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("My check-ups"));
    let fields = [
        ("days_alcohol_90", "2"),
        ("days_drugs_90", "0"),
        ("weekly_use_since_last", "no"),
        ("wants_treatment", "yes"),
        ("in_treatment", "no"),
    ];
    let saved = app.post_form(&me, "/me/checkups", &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(saved.header("location"), "/me/checkups");
    assert!(saved.header("set-cookie").contains("flash-checkup-linkage-mine"), "the person's own words");
    let mine = app.page(&me, "/me/checkups").await.body;
    assert!(mine.contains("Your coach is helping you get into treatment"));
    assert!(!mine.contains("/linkage/"), "the steps are the coach's to mark");
    let list = app.api(&coach, Method::GET, &format!("/api/v1/persons/{p}/checkups"), None).await.json();
    assert_eq!(list[0]["completed_by"], "person");
    let queue = app.api(&coach, Method::GET, "/api/v1/outreach", None).await.json();
    assert!(queue.as_array().into_iter().flatten().any(|i| i["kind"] == "linkage_needed"));
    let other = app.person(app.org, "Someone Else", Some(coach.id)).await;
    assert_eq!(app.page(&me, &format!("/persons/{other}/checkups")).await.status, StatusCode::NOT_FOUND);
}

/// A long queue comes in pages of fifty, most urgent first across pages; the count is the whole queue's; a page
/// past the end shows the last; the API pages by offset.
#[tokio::test]
async fn the_queue_comes_in_pages() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    for n in 0..55 {
        let p = app.person(app.org, &format!("Queued {n:02}"), Some(coach.id)).await;
        app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/checkups"), Some(checkup(true))).await;
    }
    let all = app.api(&coach, Method::GET, "/api/v1/outreach?limit=500", None).await.json();
    let total = all.as_array().map(Vec::len).expect("a list");
    assert!(total >= 55, "one linkage item each at least: {total}");
    let forms = |body: &str| body.matches("action=\"/outreach/").count();

    let first = app.page(&coach, "/outreach").await.body;
    assert_eq!(forms(&first), 50);
    assert!(first.contains(&format!("{total} items")), "the count is the whole queue's");
    assert!(first.contains(&format!("Page 1 of {}", total.div_ceil(50))));
    assert!(first.contains("href=\"/outreach?page=2\" rel=\"next\""));
    assert!(!first.contains("rel=\"prev\""));
    let last_page = total.div_ceil(50);
    let last = app.page(&coach, &format!("/outreach?page={last_page}")).await.body;
    assert_eq!(forms(&last), total - 50 * (last_page - 1));
    assert!(last.contains("rel=\"prev\"") && !last.contains("rel=\"next\""));
    let items = |body: &str| body.split("action=\"/outreach/").skip(1).map(|r| r[..36].to_owned()).collect::<Vec<_>>();
    let past_end = app.page(&coach, "/outreach?page=99").await.body;
    assert!(items(&past_end) == items(&last), "past the end: the last page");

    let rest = app.api(&coach, Method::GET, "/api/v1/outreach?offset=50", None).await.json();
    let rest = rest.as_array().expect("a list");
    assert_eq!(rest.len(), total - 50);
    assert_eq!(rest[0]["id"], all[50]["id"], "the same order across pages");
}

/// A supervisor sets the program's schedule and rules in a page: bad values come back named, a good change is
/// audited and new persons get the new schedule; coaches may look at the queue but not change the rules.
#[tokio::test]
async fn supervisors_set_the_program_schedule_and_rules() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    assert_eq!(app.page(&coach, "/outreach/settings").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.post_form(&coach, "/outreach/settings", &[("schedule_kind", "adaptive")]).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(!app.page(&coach, "/outreach").await.body.contains("href=\"/outreach/settings\""));
    assert!(app.page(&supervisor, "/outreach").await.body.contains("href=\"/outreach/settings\""));

    let shown = app.page(&supervisor, "/outreach/settings").await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.body.contains("value=\"fixed\" checked") && shown.body.contains("value=\"America/New_York\""));

    let mut fields = vec![
        ("schedule_kind", "adaptive"),
        ("every_months", "3"),
        ("for_months", "24"),
        ("cap_months", "4"),
        ("window_days", "30"),
        ("time_zone", "America/Chicago"),
        ("quiet_days", "10"),
        ("no_contact_days", "45"),
        ("linkage_stall_days", "5"),
        ("escalate_after", "2"),
    ];
    let bad = app.post_form(&supervisor, "/outreach/settings", &fields).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("href=\"#window_days\""), "a monthly schedule can't have 30 days each side");
    assert!(bad.body.contains("value=\"America/Chicago\""), "what was typed comes back");
    fields[4] = ("window_days", "10");
    let saved = app.post_form(&supervisor, "/outreach/settings", &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert!(app.audit_actions().await.iter().any(|(a, o, _)| a == "program_settings_update" && o == "success"));

    let p = app.person(app.org, "Adaptive Person", Some(coach.id)).await;
    let s = app.api(&coach, Method::GET, &format!("/api/v1/persons/{p}/schedule"), None).await.json();
    assert_eq!(s["schedule"], json!({"kind": "adaptive", "cap_months": 4}));
    assert_eq!((s["window_days"].as_i64(), s["time_zone"].as_str()), (Some(10), Some("America/Chicago")));
    // Another organization keeps its own settings.
    let theirs = app.staff(app.other_org, Role::Supervisor).await;
    assert!(app.page(&theirs, "/outreach/settings").await.body.contains("value=\"fixed\" checked"));
}

/// Locator details are kept only with the person's consent; the coach sees them beside the queue, the person sees
/// and withdraws their own, every read and change is audited, and another organization finds nothing.
#[tokio::test]
async fn locator_details_are_kept_with_consent_and_withdrawn_by_the_person() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Locator Person", Some(coach.id)).await;
    let path = format!("/persons/{p}/locator");
    let refused = app
        .post_form(&coach, &path, &[("kind", "contact_person"), ("value", "860-555-0101"), ("relationship", "aunt")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("href=\"#consent\"") && refused.body.contains("href=\"#name\""));
    assert!(refused.body.contains("value=\"aunt\""), "what was typed comes back");
    assert!(app.page(&coach, &path).await.body.contains("No details yet."), "nothing kept without consent");

    let fields = [("kind", "phone"), ("value", "(860) 555-0142"), ("note", "evenings"), ("consent", "yes")];
    assert_eq!(app.post_form(&coach, &path, &fields).await.status, StatusCode::SEE_OTHER);
    let shown = app.page(&coach, &path).await.body;
    assert!(shown.contains("<a href=\"tel:+18605550142\">+18605550142</a>"), "{shown}");
    assert!(shown.contains("Agreed to on "));
    let audit = app.audit_actions().await;
    let p_uuid: uuid::Uuid = p.to_string().parse().expect("uuid");
    assert!(audit.iter().any(|(a, _, s)| a == "locator_update" && *s == Some(p_uuid)));
    assert!(audit.iter().any(|(a, _, s)| a == "locator_read" && *s == Some(p_uuid)));

    let stranger = app.staff(app.other_org, Role::Coach).await;
    assert_eq!(app.page(&stranger, &path).await.status, StatusCode::NOT_FOUND);
    let detail = shown.split("/locator/").nth(1).and_then(|r| r.split('/').next()).expect("a remove form").to_owned();
    let theirs = app.post_form(&stranger, &format!("{path}/{detail}/remove"), &[]).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);

    // The person sees it in their portal and withdraws it; another person can't reach it.
    let me = app.person_login(app.org, p).await;
    assert!(app.page(&me, "/me/locator").await.body.contains("+18605550142"));
    let other = app.person(app.org, "Other Locator", Some(coach.id)).await;
    let other_me = app.person_login(app.org, other).await;
    let wrong = app.post_form(&other_me, &format!("/me/locator/{detail}/remove"), &[]).await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);
    assert_eq!(app.post_form(&me, &format!("/me/locator/{detail}/remove"), &[]).await.status, StatusCode::SEE_OTHER);
    assert!(app.page(&coach, &path).await.body.contains("No details yet."), "withdrawn at once");
}

/// A supervisor's home starts with what waits on the team's queue: the urgent items (someone said they were not
/// safe in a check-in) and the items escalated after failed attempts, with a link to the escalations; another
/// organization's supervisor counts none of them. In English and Spanish.
#[tokio::test]
async fn the_supervisors_home_counts_the_teams_urgent_items_and_escalations() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let stranger = app.staff(app.other_org, Role::Supervisor).await;
    let quiet = app.page(&supervisor, "/staff").await.body;
    for want in
        ["No urgent item is open on your team", "Nothing is escalated to you.", "href=\"/outreach?escalated=1\""]
    {
        assert!(quiet.contains(want), "{want}: {quiet}");
    }

    let unsafe_person = app.person(app.org, "Unsafe Person", Some(coach.id)).await;
    let unsafe_now = json!({"mood": 1, "craving": 9, "safe": false});
    let made =
        app.api(&coach, Method::POST, &format!("/api/v1/persons/{unsafe_person}/checkins"), Some(unsafe_now)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    // The server's outreach pass (every 15 s) turns the unsafe check-in into an urgent item on the queue.
    let tz = app.state.config.deployment.time_zone;
    pathways_store::outreach::incremental_pass(&app.db.store, pathways_store::now(), tz).await.expect("pass");
    let unreached = app.person(app.org, "Unreached Person", Some(coach.id)).await;
    app.api(&coach, Method::POST, &format!("/api/v1/persons/{unreached}/checkups"), Some(checkup(true))).await;
    let queue = app.api(&coach, Method::GET, "/api/v1/outreach", None).await.json();
    let item = queue
        .as_array()
        .into_iter()
        .flatten()
        .find(|i| i["kind"] == "linkage_needed")
        .and_then(|i| i["id"].as_str())
        .expect("a linkage item")
        .to_owned();
    for _ in 0..3 {
        let attempt = json!({"channel": "phone", "outcome": "no_answer"});
        let r = app.api(&coach, Method::POST, &format!("/api/v1/outreach/{item}/attempts"), Some(attempt)).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    }

    let home = app.page(&supervisor, "/staff").await.body;
    for want in [
        "1 urgent item is open on your team&#39;s queue: someone said they were not safe in a check-in.",
        "1 item is escalated to you after failed attempts to reach the person.",
    ] {
        assert!(home.contains(want), "{want}: {home}");
    }
    assert!(!home.contains("Unsafe Person") && !home.contains("Unreached Person"), "counts, not names");
    let theirs = app.page(&stranger, "/staff").await.body;
    assert!(theirs.contains("No urgent item is open") && theirs.contains("Nothing is escalated to you."), "{theirs}");
    let escalations = app.page(&supervisor, "/outreach?escalated=1").await;
    assert_eq!(escalations.status, StatusCode::OK);
    assert!(escalations.body.contains("Unreached Person") && !escalations.body.contains("Unsafe Person"));

    pathways_store::accounts::set_locale(app.db.store.writer(), supervisor.id, "es").await.expect("locale");
    let inicio = app.page(&supervisor, "/staff").await.body;
    for want in [
        "1 asunto urgente está abierto en la cola de su equipo",
        "1 asunto se le escaló después de intentos fallidos",
        "Abrir los asuntos escalados",
    ] {
        assert!(inicio.contains(want), "{want}: {inicio}");
    }
}
