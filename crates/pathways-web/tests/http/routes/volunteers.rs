//! Volunteers and Recovery Friendly designations (issue 20): a center's roster lists only people who agreed to be
//! listed, their hours add up, and another center neither sees nor logs against them; a designation recorded by
//! an administrator appears on the public list (English and Spanish), with every problem named (422).

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use pathways_domain::Role;

use crate::util::TestApp;

#[tokio::test]
async fn a_center_lists_volunteers_who_agreed_and_logs_their_hours() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let yesterday = (pathways_store::now().date_naive() - chrono::Duration::days(1)).to_string();

    let not_agreed = app.post_form(&coach, "/community/volunteers", &[("name", "Maria")]).await;
    assert_eq!(not_agreed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(not_agreed.body.contains("#agreed_to_list"), "{}", not_agreed.body);
    let added = app.post_form(&coach, "/community/volunteers", &[("name", "Maria"), ("agreed_to_list", "true")]).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);

    let roster = pathways_store::volunteers::roster(app.db.store.reader(), app.org).await.expect("roster");
    assert_eq!(roster.len(), 1);
    let id = roster[0].id.to_string();
    for hours in ["1.5", "0.25"] {
        let logged = app
            .post_form(
                &coach,
                "/community/volunteer-hours",
                &[("volunteer", &id), ("date", &yesterday), ("activity", "Front desk"), ("hours", hours)],
            )
            .await;
        assert_eq!(logged.status, StatusCode::SEE_OTHER, "{}", logged.body);
    }
    let bad = app
        .post_form(
            &coach,
            "/community/volunteer-hours",
            &[("volunteer", &id), ("date", &yesterday), ("activity", ""), ("hours", "1.1")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("#activity") && bad.body.contains("#hours"), "{}", bad.body);

    let page = app.page(&coach, "/community/volunteers").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Maria") && page.body.contains("<td>1.75</td>"), "hours in all: {}", page.body);

    // Another center sees no one and cannot log against this center's volunteer.
    let other = app.staff(app.other_org, Role::Coach).await;
    let theirs = app.page(&other, "/community/volunteers").await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(!theirs.body.contains("Maria"));
    let foreign = app
        .post_form(
            &other,
            "/community/volunteer-hours",
            &[("volunteer", &id), ("date", &yesterday), ("activity", "Front desk"), ("hours", "8")],
        )
        .await;
    assert_eq!(foreign.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(foreign.body.contains("#volunteer"));
    let roster = pathways_store::volunteers::roster(app.db.store.reader(), app.org).await.expect("roster");
    assert_eq!(roster[0].minutes, 105, "1.5 h + 0.25 h, and nothing from the other center");
    let clinician = app.staff(app.org, Role::Clinician).await;
    assert_eq!(app.page(&clinician, "/community/volunteers").await.status, StatusCode::FORBIDDEN);

    let actions: Vec<String> = app.audit_actions().await.into_iter().map(|(a, _, _)| a).collect();
    assert_eq!(actions.iter().filter(|a| *a == "community_record_save").count(), 3, "a volunteer and two entries");
}

#[tokio::test]
async fn a_designation_recorded_by_an_administrator_is_on_the_public_list() {
    let app = TestApp::new().await;
    let public = |lang: &'static str| {
        Request::get("/recovery-friendly").header(header::ACCEPT_LANGUAGE, lang).body(Body::empty()).expect("req")
    };
    let empty = app.send(public("en")).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.body.contains("None listed yet.") && empty.body.contains("988"), "crisis line: {}", empty.body);
    let home = app.send(Request::get("/").body(Body::empty()).expect("req")).await;
    assert!(home.body.contains("href=\"/recovery-friendly\""), "linked from the home page");

    let admin = app.staff(app.org, Role::Admin).await;
    assert_eq!(app.page(&admin, "/recovery-friendly/new").await.status, StatusCode::OK);
    let bad = app.post_form(&admin, "/recovery-friendly", &[("kind", "county"), ("designated_on", "2999-01-01")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for anchor in ["#kind", "#name", "#designated_on", "#designated_by"] {
        assert!(bad.body.contains(anchor), "{anchor}: {}", bad.body);
    }
    let saved = app
        .post_form(
            &admin,
            "/recovery-friendly",
            &[
                ("kind", "workplace"),
                ("name", "Riverside Hardware"),
                ("town", "Hartford"),
                ("designated_on", "2026-05-01"),
                ("designated_by", "Capitol Region Coalition"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);

    let listed = app.send(public("en")).await;
    assert!(listed.body.contains("Riverside Hardware") && listed.body.contains("Hartford"), "{}", listed.body);
    assert!(listed.body.contains("Designated on 2026-05-01 by Capitol Region Coalition"), "{}", listed.body);
    let spanish = app.send(public("es")).await;
    assert!(spanish.body.contains("Designado el 2026-05-01 por Capitol Region Coalition"), "{}", spanish.body);

    // Coaches do not record designations, and are not offered the form.
    assert!(app.page(&admin, "/recovery-friendly").await.body.contains("href=\"/recovery-friendly/new\""));
    let coach = app.staff(app.org, Role::Coach).await;
    assert!(!app.page(&coach, "/recovery-friendly").await.body.contains("/recovery-friendly/new"));
    let refused = app
        .post_form(
            &coach,
            "/recovery-friendly",
            &[("kind", "community"), ("name", "X"), ("designated_on", "2026-05-01"), ("designated_by", "Y")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}
