//! The perception-of-care survey (issue 17): a one-time code made by staff opens the survey on a shared tablet
//! once; the person answers in the portal too; the report shows only aggregates (share agreeing with n and a
//! Wilson interval, suppressed below 11) and comments only from 11 responses, scrubbed — on a fixture worked out
//! by hand.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use chrono::NaiveDate;
use pathways_domain::Role;
use pathways_store::perception::{NewResponse, record};

use crate::util::{TestApp, TestResponse, csrf_in, set_cookies};

/// A tablet: no account, the form's token and cookie as a browser keeps them.
struct Tablet {
    cookie: String,
    csrf: String,
}

impl Tablet {
    async fn open(app: &TestApp) -> Self {
        let page = app.send(Request::get("/survey").body(Body::empty()).expect("request")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("name=\"code\""));
        Self { cookie: set_cookies(&page.headers).join("; "), csrf: csrf_in(&page.body) }
    }

    async fn post(&self, app: &TestApp, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let mut all = vec![("csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        let body = serde_urlencoded::to_string(&all).expect("form");
        let req = Request::post(path)
            .header(header::COOKIE, &self.cookie)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .expect("request");
        app.send(req).await
    }
}

fn code_in(html: &str) -> String {
    let at = html.find("id=\"survey-code\">").expect("a code") + "id=\"survey-code\">".len();
    html[at..].split('<').next().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_tablet_code_opens_the_survey_once() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let made = app.post_form(&coach, "/perception/codes", &[]).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let code = code_in(&made.body);
    assert_eq!(code.len(), 9, "ABCD-EFGH: {code}");

    let tablet = Tablet::open(&app).await;
    let wrong = tablet.post(&app, "/survey", &[("code", "ZZZZ-ZZZZ")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("This code can&#39;t be used"), "{}", wrong.body);
    let junk = tablet.post(&app, "/survey", &[("code", "<script>")]).await;
    assert_eq!(junk.status, StatusCode::UNPROCESSABLE_ENTITY, "not a code at all: the same clear error");
    let open = tablet.post(&app, "/survey", &[("code", &code.to_lowercase())]).await;
    assert_eq!(open.status, StatusCode::OK, "{}", open.body);
    assert!(open.body.contains("Staff treated me with respect.") && open.body.contains("Strongly agree"));

    // An answer outside the scale is a field error on the form, the code still unused.
    let canonical = code.replace('-', "");
    let bad = tablet.post(&app, "/survey/answers", &[("code", &canonical), ("respect", "9")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Choose one of the options"));
    let sent = tablet
        .post(&app, "/survey/answers", &[("code", &canonical), ("respect", "5"), ("comment", "Maria helped me.")])
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    assert!(sent.body.contains("Thank you"));
    let again = tablet.post(&app, "/survey/answers", &[("code", &canonical), ("respect", "1")]).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "a code works once");
    assert_eq!(tablet.post(&app, "/survey", &[("code", &code)]).await.status, StatusCode::UNPROCESSABLE_ENTITY);

    // The code is kept only as its hash; the response names no one; the audit trail names no account for it.
    let actions = app.audit_actions().await;
    assert_eq!(actions.iter().filter(|(a, _, _)| a == "perception_code_issue").count(), 1);
    assert_eq!(actions.iter().filter(|(a, _, _)| a == "perception_submit").count(), 1);
    // A role that does not work with persons makes no code.
    let analyst = app.staff(app.org, Role::Analyst).await;
    assert_eq!(app.post_form(&analyst, "/perception/codes", &[]).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn too_many_tries_of_a_code_are_refused() {
    let app = TestApp::new().await;
    let tablet = Tablet::open(&app).await;
    for _ in 0..20 {
        assert_eq!(
            tablet.post(&app, "/survey", &[("code", "ZZZZ-ZZZZ")]).await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    assert_eq!(tablet.post(&app, "/survey", &[("code", "ZZZZ-ZZZZ")]).await.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn the_report_shows_shares_with_intervals_and_scrubbed_comments_only_from_11() {
    let app = TestApp::new().await;
    let w = app.db.store.writer();
    // Fiscal year 2026 (1 July 2025 – 30 June 2026). Twelve responses kept directly, by item
    // (respect, say_in_plan, culture_language, crisis, recommend):
    let day = NaiveDate::from_ymd_opt(2025, 9, 1).expect("day");
    let fixture: [(&str, Option<&str>); 12] = [
        ("55--4", Some("Staff were kind.")),
        ("55--4", None),
        ("55--4", Some("Ask for Jordan at jordan@example.org")),
        ("55--4", None),
        ("55--4", None),
        ("5---4", None),
        ("5---4", None),
        ("5---4", None),
        ("4---4", None),
        ("2---4", None),
        ("2---4", None),
        ("2----", None),
    ];
    for (answers, comment) in fixture {
        record(w, NewResponse { org: app.org, submitted_on: day, channel: "tablet", locale: "en", answers, comment })
            .await
            .expect("response");
    }
    // One more in the portal, and one in another organization (not counted here).
    let person = app.person(app.org, "Survey Person", None).await;
    let login = app.person_login(app.org, person).await;
    let sent = app
        .post_form(&login, "/me/survey", &[("respect", "4"), ("recommend", "2"), ("comment", "Call 860-555-0142")])
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    record(
        w,
        NewResponse {
            org: app.other_org,
            submitted_on: day,
            channel: "tablet",
            locale: "en",
            answers: "11111",
            comment: None,
        },
    )
    .await
    .expect("elsewhere");

    // By hand, for FY2026 (the portal's response is dated today, in a later year):
    let analyst = app.staff(app.org, Role::Analyst).await;
    let r = app.api(&analyst, Method::GET, "/api/v1/reports/perception?year=2026", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let j = r.json();
    let items = j["items"].as_array().expect("items");
    // respect: 12 answered, 9 agree (eight 5s, one 4). Wilson 95%: 0.75, from 0.4677 to 0.9111.
    assert_eq!(items[0]["item"], "respect");
    assert_eq!(items[0]["status"], "shown");
    assert_eq!(items[0]["n"], 12);
    let share = items[0]["agreeing_share"].as_f64().expect("share");
    assert!((share - 0.75).abs() < 1e-9);
    let (low, high) = (items[0]["ci95_low"].as_f64().expect("low"), items[0]["ci95_high"].as_f64().expect("high"));
    assert!((low - 0.4677).abs() < 5e-4 && (high - 0.9111).abs() < 5e-4, "{low} {high}");
    // say_in_plan: 5 answered — fewer than 11, nothing else given; crisis: nobody answered.
    assert_eq!(items[1]["status"], "fewer_than_11");
    assert!(items[1]["n"].is_null() && items[1]["agreeing_share"].is_null());
    assert_eq!((items[3]["status"].as_str(), items[3]["n"].as_u64()), (Some("shown"), Some(0)));
    // recommend: 11 answered, all agree.
    assert_eq!((items[4]["n"].as_u64(), items[4]["agreeing_share"].as_f64()), (Some(11), Some(1.0)));
    // 12 responses: the comments are shown, scrubbed, in alphabetical order.
    assert_eq!(j["responses"], 12);
    assert_eq!(j["comments"], serde_json::json!(["Ask for [name] at [email]", "Staff were kind."]));

    // The page and the CSV say the same.
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let page = app.page(&supervisor, "/reports/perception?year=2026").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("<svg") && page.body.contains("75%") && page.body.contains("47% – 91%"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Ask for [name] at [email]") && !page.body.contains("jordan@"));
    let csv = app.page(&supervisor, "/reports/perception.csv?year=2026").await;
    assert!(csv.body.contains("respect,12,75%,47% – 91%\n"), "{}", csv.body);
    assert!(csv.body.contains("say_in_plan,fewer than 11,not shown,not shown\n"), "{}", csv.body);
    assert!(!csv.body.contains("Jordan"));

    // Another organization with one response: no figures, no comments. A coach reads no report.
    let elsewhere = app.staff(app.other_org, Role::Analyst).await;
    let j = app.api(&elsewhere, Method::GET, "/api/v1/reports/perception?year=2026", None).await.json();
    assert!(j["responses"].is_null() && j["comments"].is_null());
    assert_eq!(j["items"][0]["status"], "fewer_than_11");
    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(app.page(&coach, "/reports/perception").await.status, StatusCode::FORBIDDEN);
    let reads = app.audit_actions().await.into_iter().filter(|(a, _, _)| a == "report_read").count();
    assert_eq!(reads, 4);
}
