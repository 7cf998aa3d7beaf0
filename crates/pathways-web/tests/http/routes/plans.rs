//! `/persons/{id}/plan…` and `/me/plan…`: goals, versions, conflicts, history and restore.

use axum::http::StatusCode;
use pathways_domain::Role;

use crate::util::TestApp;

#[tokio::test]
async fn a_coach_writes_goals_and_every_save_is_a_version() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Plan Person", Some(coach.id)).await;
    let base = format!("/persons/{p}/plan");

    let empty = app.page(&coach, &base).await;
    assert_eq!(empty.status, StatusCode::OK);
    for d in ["Health", "Home", "Purpose", "Community"] {
        assert!(empty.body.contains(&format!(">{d}</h2>")), "{d}");
    }
    let form = app.page(&coach, &format!("{base}/goals/new?dimension=home")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("value=\"home\" selected"));

    let saved = app
        .post_form(
            &coach,
            &format!("{base}/goals"),
            &[
                ("version", "0"),
                ("dimension", "home"),
                ("text", "Find a place of my own"),
                ("why", "Stability for my kids"),
                ("step_what_0", "Apply for housing voucher"),
                ("step_by_0", "2026-12-15"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = app.page(&coach, &base).await;
    assert!(page.body.contains("Find a place of my own"));
    assert!(page.body.contains("Stability for my kids"));
    assert!(page.body.contains("Version 1"));

    let overview = app
        .post_form(
            &coach,
            &base,
            &[
                ("version", "1"),
                ("pathway", "mutual_help"),
                ("pathway", "medication"),
                ("stage", "stabilization"),
                ("review_date", "2027-01-15"),
            ],
        )
        .await;
    assert_eq!(overview.status, StatusCode::SEE_OTHER, "{}", overview.body);
    let page = app.page(&coach, &base).await;
    assert!(page.body.contains("Mutual-help groups") && page.body.contains("Initiation and stabilization"));

    let history = app.page(&coach, &format!("{base}/versions")).await;
    assert!(history.body.contains("Pathway added: Mutual-help groups"));
    assert!(history.body.contains("Goal added (Home): “Find a place of my own”"));
    assert!(history.body.contains("Test coach"));
}

#[tokio::test]
async fn a_stale_save_is_refused_and_keeps_the_words() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Conflict Person", Some(coach.id)).await;
    let base = format!("/persons/{p}/plan");
    app.post_form(
        &coach,
        &format!("{base}/goals"),
        &[("version", "0"), ("dimension", "purpose"), ("text", "Go back to school")],
    )
    .await;
    // Someone else saves version 2 from version 1 …
    app.post_form(
        &coach,
        &format!("{base}/goals"),
        &[("version", "1"), ("dimension", "health"), ("text", "Walk every morning")],
    )
    .await;
    // … and this save, also made from version 1, must not overwrite it.
    let stale = app
        .post_form(
            &coach,
            &format!("{base}/goals"),
            &[("version", "1"), ("dimension", "community"), ("text", "Join a choir")],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.body.contains("Someone else saved this plan"));
    assert!(stale.body.contains("Join a choir"), "the words are kept");
    assert!(stale.body.contains("name=\"version\" value=\"2\""), "saving again applies on top of version 2");
    let page = app.page(&coach, &base).await;
    assert!(page.body.contains("Walk every morning") && !page.body.contains("Join a choir"));
    let again = app
        .post_form(
            &coach,
            &format!("{base}/goals"),
            &[("version", "2"), ("dimension", "community"), ("text", "Join a choir")],
        )
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    let page = app.page(&coach, &base).await;
    assert!(
        page.body.contains("Walk every morning")
            && page.body.contains("Join a choir")
            && page.body.contains("Go back to school")
    );
}

#[tokio::test]
async fn an_earlier_version_can_be_restored() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Restore Person", Some(coach.id)).await;
    let base = format!("/persons/{p}/plan");
    app.post_form(
        &coach,
        &format!("{base}/goals"),
        &[("version", "0"), ("dimension", "home"), ("text", "First words")],
    )
    .await;
    let page = app.page(&coach, &base).await;
    let goal_href = page
        .body
        .split("href=\"")
        .find(|s| s.contains("/plan/goals/") && s.contains("/edit"))
        .expect("edit link")
        .split('"')
        .next()
        .expect("href")
        .to_owned();
    let goal_post = goal_href.trim_end_matches("/edit").to_owned();
    let changed = app
        .post_form(
            &coach,
            &goal_post,
            &[("version", "1"), ("dimension", "home"), ("text", "Second words"), ("status", "in_progress")],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
    let history = app.page(&coach, &format!("{base}/versions")).await;
    assert!(history.body.contains("“Second words” — Status: Not started → In progress"), "{}", history.body);
    let restored = app.post_form(&coach, &format!("{base}/versions/1/restore"), &[("version", "2")]).await;
    assert_eq!(restored.status, StatusCode::SEE_OTHER);
    let page = app.page(&coach, &base).await;
    assert!(page.body.contains("First words") && page.body.contains("Version 3"));
    let history = app.page(&coach, &format!("{base}/versions")).await;
    assert!(history.body.contains("restored from version 1"));
}

#[tokio::test]
async fn bad_goal_input_is_explained() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Bad Input", Some(coach.id)).await;
    let resp = app
        .post_form(
            &coach,
            &format!("/persons/{p}/plan/goals"),
            &[("version", "0"), ("text", "  "), ("target_date", "someday")],
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("Target date: Enter a date like 1990-04-12."), "{}", resp.body);
    let resp = app.post_form(&coach, &format!("/persons/{p}/plan/goals"), &[("version", "0"), ("text", "  ")]).await;
    assert!(resp.body.contains("Goal: This is required."));
    assert_eq!(
        app.page(&coach, &format!("/persons/{p}/plan/goals/{}/edit", uuid::Uuid::now_v7())).await.status,
        StatusCode::NOT_FOUND
    );
}

/// Every id a record's path names is typed: a malformed one (or one of the wrong kind) names nothing, on the pages
/// and in the API alike.
#[tokio::test]
async fn malformed_ids_in_a_records_paths_name_nothing() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Typed Ids", Some(coach.id)).await;
    let base = format!("/persons/{p}");
    for path in [
        "/persons/not-an-id".to_owned(),
        "/persons/not-an-id/edit".to_owned(),
        "/persons/not-an-id/plan".to_owned(),
        format!("{base}/plan/goals/not-a-goal/edit"),
        format!("{base}/plan/goals/{}/edit", uuid::Uuid::now_v7()),
        format!("{base}/assessments/42"),
        format!("{base}/assessments/{}", uuid::Uuid::now_v7()),
    ] {
        assert_eq!(app.page(&coach, &path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    for path in [
        format!("{base}/plan/goals/not-a-goal"),
        format!("{base}/plan/versions/0/restore"),
        format!("{base}/plan/versions/v1/restore"),
        format!("{base}/locator/not-a-detail/remove"),
        format!("{base}/attention/not-an-item/resolve"),
    ] {
        let res = app.post_form(&coach, &path, &[("version", "0")]).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{path}");
    }
    for what in ["", "/plan", "/plan/versions", "/assessments", "/checkins", "/encounters"] {
        let path = format!("/api/v1/persons/not-an-id{what}");
        let res = app.api(&coach, axum::http::Method::GET, &path, None).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{path}");
    }
}
