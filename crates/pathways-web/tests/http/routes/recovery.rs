//! The person's portal and the coach's view of recovery: invitations, check-ins, BARC-10, encounters,
//! attention items and the caseload.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use pathways_domain::Role;

use crate::util::{TestApp, csrf_in, set_cookies};

#[tokio::test]
async fn a_person_opens_their_portal_with_an_invitation() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Invited Person", Some(coach.id)).await;
    let made = app.post_form(&coach, &format!("/persons/{p}/invite"), &[]).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let code = made.body.split("class=\"code\">").nth(1).expect("code").split('<').next().expect("code").to_owned();
    let link = made.body.split("<code>").nth(1).expect("link").split('<').next().expect("link").to_owned();
    assert!(link.starts_with("/invite/"), "{link}");

    // A browser opens the code form, then posts it.
    let form = app.send(Request::get("/invite").body(Body::empty()).expect("req")).await;
    let cookies = set_cookies(&form.headers).join("; ");
    let csrf = csrf_in(&form.body);
    let post = |fields: Vec<(&str, String)>| {
        let mut all = vec![("csrf", csrf.clone())];
        all.extend(fields);
        Request::post("/invite")
            .header(header::COOKIE, &cookies)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(serde_urlencoded::to_string(&all).expect("form")))
            .expect("req")
    };
    let weak = app
        .send(post(vec![
            ("code", code.to_lowercase()),
            ("username", "invited.p".into()),
            ("password", "password1234".into()),
            ("password_again", "password1234".into()),
        ]))
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.body.contains("too easy to guess"));
    let differ = app
        .send(post(vec![
            ("code", code.clone()),
            ("username", "invited.p".into()),
            ("password", "maple river lantern orbit".into()),
            ("password_again", "maple river lantern".into()),
        ]))
        .await;
    assert!(differ.body.contains("not the same"));
    let ok = app
        .send(post(vec![
            ("code", code.clone()),
            ("username", "Invited.P".into()),
            ("password", "maple river lantern orbit".into()),
            ("password_again", "maple river lantern orbit".into()),
        ]))
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    assert_eq!(ok.location(), "/me");
    let session = set_cookies(&ok.headers)
        .into_iter()
        .find(|c| c.starts_with("pathways_session=") && c.len() > 20)
        .expect("session");
    let home = app.send(Request::get("/me").header(header::COOKIE, &session).body(Body::empty()).expect("req")).await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("Hello, Invited Person"));
    assert!(home.body.contains("Your recovery coach: Test coach"));

    let reused = app
        .send(post(vec![
            ("code", code),
            ("username", "someone.else".into()),
            ("password", "maple river lantern orbit".into()),
            ("password_again", "maple river lantern orbit".into()),
        ]))
        .await;
    assert!(reused.body.contains("not valid"), "an invitation works once");
    // The person's account reaches only their own record.
    let staff_page = app
        .send(Request::get(format!("/persons/{p}")).header(header::COOKIE, &session).body(Body::empty()).expect("req"))
        .await;
    assert_ne!(staff_page.status, StatusCode::OK);
    let audit = app.audit_actions().await;
    assert!(audit.iter().any(|(a, o, _)| a == "invite_accept" && o == "success"));
    assert!(audit.iter().any(|(a, o, _)| a == "invite_accept" && o == "failed"));
}

#[tokio::test]
async fn an_unsafe_check_in_shows_crisis_help_and_reaches_the_coach() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Checking In", Some(coach.id)).await;
    let me = app.person_login(app.org, p).await;
    let form = app.page(&me, "/me/checkin").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Are you safe right now?"));

    let missing = app.post_form(&me, "/me/checkins", &[("mood", "3")]).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("href=\"#safe\""));

    let fine =
        app.post_form(&me, "/me/checkins", &[("mood", "4"), ("craving", "2"), ("used", "no"), ("safe", "yes")]).await;
    assert_eq!(fine.status, StatusCode::SEE_OTHER);

    let unsafe_ = app
        .post_form(
            &me,
            "/me/checkins",
            &[("mood", "1"), ("craving", "9"), ("used", "yes"), ("use_note", "last night"), ("safe", "no")],
        )
        .await;
    assert_eq!(unsafe_.status, StatusCode::OK, "crisis help at once, not after a redirect");
    assert!(unsafe_.body.contains("href=\"tel:988\"") && unsafe_.body.contains("href=\"tel:911\""));
    assert!(unsafe_.body.contains("let your coach know"));

    let person_page = app.page(&coach, &format!("/persons/{p}")).await;
    assert!(person_page.body.contains("Said they were not safe in a check-in"));
    let caseload = app.page(&coach, "/caseload").await;
    assert!(
        caseload.body.contains("Checking In") && caseload.body.contains("tag urgent\">Urgent"),
        "{}",
        caseload.body
    );
    let list = app.page(&coach, &format!("/persons/{p}/checkins")).await;
    assert!(list.body.contains("last night") && list.body.contains("Not safe"));

    let item = person_page.body.split("/attention/").nth(1).expect("item").split('/').next().expect("id").to_owned();
    let resolved = app.post_form(&coach, &format!("/persons/{p}/attention/{item}/resolve"), &[]).await;
    assert_eq!(resolved.status, StatusCode::SEE_OTHER);
    assert!(!app.page(&coach, &format!("/persons/{p}")).await.body.contains("Said they were not safe"));
    // The person can't reach the staff-only routes of their own record.
    assert_eq!(app.page(&me, &format!("/persons/{p}/checkins")).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn barc10_scores_explains_and_suggests_goals() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Capital Person", Some(coach.id)).await;
    let base = format!("/persons/{p}/assessments");
    let form = app.page(&coach, &format!("{base}/new")).await;
    assert!(form.body.contains("There are more important things to me in life than using substances."));
    assert!(form.body.contains("Vilsaint"), "the source is cited");

    let mut answers: Vec<(String, String)> = (1..=10).map(|i| (format!("item{i}"), "5".to_owned())).collect();
    answers.retain(|(k, _)| k != "item4");
    let fields: Vec<(&str, &str)> = answers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let missing = app.post_form(&coach, &base, &fields).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("Statement 4 needs an answer."));
    assert!(missing.body.contains("id=\"item1-5\" name=\"item1\" value=\"5\" checked"), "answers are kept");

    let mut all: Vec<(String, String)> = (1..=10).map(|i| (format!("item{i}"), "5".to_owned())).collect();
    all[6].1 = "2".into(); // living space
    let fields: Vec<(&str, &str)> = all.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let saved = app.post_form(&coach, &base, &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let result = app.page(&coach, saved.location()).await;
    assert!(result.body.contains("score-number\">47<"), "45 + 2 = 47");
    assert!(result.body.contains("at or above 47"));
    assert!(result.body.contains("not a diagnosis"));
    assert!(result.body.contains("My living space has helped to drive my recovery journey."));
    assert!(result.body.contains(&format!("/persons/{p}/plan/goals/new?dimension=home")));

    // A drop of five points or more flags the person for the coach.
    let low: Vec<(String, String)> = (1..=10).map(|i| (format!("item{i}"), "4".to_owned())).collect();
    let fields: Vec<(&str, &str)> = low.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.post_form(&coach, &base, &fields).await;
    let list = app.page(&coach, &base).await;
    assert!(list.body.contains("<svg role=\"img\""));
    assert!(list.body.contains("<td>40</td><td>-7</td>"), "{}", list.body);
    assert!(
        app.page(&coach, &format!("/persons/{p}")).await.body.contains("Recovery capital dropped 5 points or more")
    );
    assert!(app.page(&coach, "/caseload?flag=drop").await.body.contains("Capital Person"));
}

#[tokio::test]
async fn encounter_notes_are_for_the_author_the_coach_and_supervisors() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let admin = app.staff(app.org, Role::Admin).await;
    let clinician = app.staff(app.org, Role::Clinician).await;
    let p = app.person(app.org, "Encounter Person", Some(coach.id)).await;
    let base = format!("/persons/{p}/encounters");
    let bad = app.post_form(&coach, &base, &[("date", "2999-01-01"), ("type", "phone"), ("minutes", "0")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Date: This date isn"));
    let today = chrono::Utc::now().date_naive().to_string();
    let ok = app
        .post_form(
            &coach,
            &base,
            &[
                ("date", &today),
                ("type", "in_person"),
                ("minutes", "45"),
                ("topics", "housing, work"),
                ("notes", "Talked about the move.\nFeels ready."),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    for (who, sees) in [(&coach, true), (&supervisor, true), (&admin, false), (&clinician, false)] {
        let page = app.page(who, &base).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("housing, work"));
        assert_eq!(page.body.contains("Talked about the move."), sees, "{:?}", who.email);
    }
    let caseload = app.page(&coach, "/caseload").await;
    assert!(caseload.body.contains(&today), "last contact");
}

#[tokio::test]
async fn the_caseload_is_the_coaches_own_and_supervisors_see_the_team() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let other = app.staff(app.org, Role::Coach).await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    app.person(app.org, "Mine Alone", Some(coach.id)).await;
    app.person(app.org, "Theirs Alone", Some(other.id)).await;
    let mine = app.page(&coach, "/caseload").await;
    assert!(mine.body.contains("Mine Alone") && !mine.body.contains("Theirs Alone"));
    let team = app.page(&supervisor, "/caseload").await;
    assert!(team.body.contains("Mine Alone") && team.body.contains("Theirs Alone"));
    let one = app.page(&supervisor, &format!("/caseload?coach={}", other.id)).await;
    assert!(!one.body.contains("Mine Alone") && one.body.contains("Theirs Alone"));
    // A coach can't look at a colleague's caseload by editing the address.
    let peek = app.page(&coach, &format!("/caseload?coach={}", other.id)).await;
    assert!(peek.body.contains("Mine Alone") && !peek.body.contains("Theirs Alone"));
    let analyst = app.staff(app.org, Role::Analyst).await;
    assert_eq!(app.page(&analyst, "/caseload").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_person_writes_their_own_plan() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Plan Owner", Some(coach.id)).await;
    let me = app.person_login(app.org, p).await;
    let plan = app.page(&me, "/me/plan").await;
    assert_eq!(plan.status, StatusCode::OK);
    assert!(plan.body.contains("My recovery plan"));
    let saved = app
        .post_form(&me, "/me/plan/goals", &[("version", "0"), ("dimension", "home"), ("text", "Keep my apartment")])
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(saved.location(), "/me/plan");
    assert!(app.page(&coach, &format!("/persons/{p}/plan")).await.body.contains("Keep my apartment"));
    let history = app.page(&coach, &format!("/persons/{p}/plan/versions")).await;
    assert!(history.body.contains("Person Self"), "the person is the author");
    // Staff-only pages are not theirs.
    assert_eq!(app.page(&me, "/caseload").await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.page(&me, "/persons").await.status, StatusCode::SEE_OTHER);
}
