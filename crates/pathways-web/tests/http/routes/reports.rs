//! Outcome reports (issue 17): episodes kept as services are recorded, and the people-served report on a small
//! fixture whose figures are worked out by hand below, with its suppression.

use axum::http::{Method, StatusCode};
use chrono::NaiveDate;
use pathways_domain::access::PersonScope;
use pathways_domain::outcomes::CloseoutReason;
use pathways_domain::{OrgId, Role};

use crate::util::TestApp;

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a date")
}

fn scope(org: OrgId) -> PersonScope {
    PersonScope { org, assigned_to: None, only_person: None }
}

#[tokio::test]
async fn services_start_and_extend_episodes_and_coming_back_after_a_closeout_starts_another() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Episode Person", Some(coach.id)).await;
    let db = app.db.store.reader();
    assert!(pathways_store::outcomes::episodes(db, &scope(app.org), p).await.expect("episodes").is_empty());
    let today = chrono::Utc::now().date_naive();
    let ago = today - chrono::Duration::days(20);
    let encounter = |day: NaiveDate| {
        let day = day.to_string();
        let path = format!("/persons/{p}/encounters");
        let coach = coach.clone();
        let app = &app;
        async move {
            let r = app.post_form(&coach, &path, &[("date", &day), ("type", "phone"), ("minutes", "15")]).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
    };
    encounter(ago).await;
    encounter(today - chrono::Duration::days(5)).await;
    let e = pathways_store::outcomes::episodes(db, &scope(app.org), p).await.expect("episodes");
    assert_eq!(e.len(), 1);
    assert_eq!((e[0].started_on, e[0].last_service_on, e[0].ended_on), (ago, today - chrono::Duration::days(5), None));

    // Closed out, then back: a new episode for the same person.
    let closed = pathways_store::outcomes::close_episode(
        app.db.store.writer(),
        &scope(app.org),
        p,
        today - chrono::Duration::days(4),
        CloseoutReason::Completed,
    )
    .await
    .expect("close");
    assert!(closed);
    encounter(today).await;
    let e = pathways_store::outcomes::episodes(db, &scope(app.org), p).await.expect("episodes");
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].closeout_reason.as_deref(), Some("completed"));
    assert_eq!((e[1].started_on, e[1].ended_on), (today, None));
    // Another organization's scope sees none of them.
    assert!(pathways_store::outcomes::episodes(db, &scope(app.other_org), p).await.expect("episodes").is_empty());
}

/// `n` persons of `org`, each with one episode from `start` to `last` (through the store, which keeps the
/// people-served counts as a service would).
pub(crate) async fn episodes(app: &TestApp, org: OrgId, n: usize, start: NaiveDate, last: NaiveDate) {
    for i in 0..n {
        let p = app.person(org, &format!("Served {i}"), None).await;
        pathways_store::outcomes::add_episode(app.db.store.writer(), org, p, start, last, None).await.expect("episode");
    }
}

#[tokio::test]
async fn people_served_counts_each_person_once_per_period_and_suppresses_small_cells() {
    let app = TestApp::new().await;
    // Fiscal year 2026 runs 1 July 2025 – 30 June 2026 (the default July start).
    episodes(&app, app.org, 15, d(2025, 6, 1), d(2025, 8, 15)).await; // Q1 continuing
    episodes(&app, app.org, 12, d(2025, 7, 10), d(2025, 12, 20)).await; // Q1 new, Q2 continuing
    episodes(&app, app.org, 5, d(2025, 10, 5), d(2025, 10, 30)).await; // Q2 new
    episodes(&app, app.org, 20, d(2026, 1, 15), d(2026, 5, 1)).await; // Q3 new, Q4 continuing
    episodes(&app, app.org, 3, d(2024, 1, 1), d(2025, 6, 30)).await; // before the year: not counted
    episodes(&app, app.other_org, 30, d(2025, 7, 1), d(2025, 9, 1)).await; // another organization: not counted
    // By hand: Q1 new 12, continuing 15 (27); Q2 new 5, continuing 12 (17); Q3 new 20, continuing 0 (20);
    // Q4 new 0, continuing 20 (20). The year: new 12 + 5 + 20 = 37, continuing 15, total 52.
    // Suppression: Q2 new (5) is fewer than 11. Its row gives it away (17 − 12), so Q2 continuing (12) is hidden;
    // the "new" column still gives it away (37 − 12 − 20 − 0), so Q1 new (12) is hidden; the "continuing" column
    // then gives Q2 continuing away (47 − 15 − 0 − 20), so Q1 continuing (15) is hidden. The four blanks form a
    // rectangle the totals cannot solve. The totals and the year (all ≥ 11) are shown.
    let analyst = app.staff(app.org, Role::Analyst).await;
    let api = app.api(&analyst, Method::GET, "/api/v1/reports/people-served?year=2026", None).await;
    assert_eq!(api.status, StatusCode::OK, "{}", api.body);
    let j = api.json();
    let cell = |v: &serde_json::Value| match v["status"].as_str() {
        Some("shown") => v["value"].as_u64().map(|n| n.to_string()).unwrap_or_default(),
        Some(other) => other.to_owned(),
        None => "?".into(),
    };
    let quarters: Vec<(String, String, String, String)> = j["quarters"]
        .as_array()
        .expect("quarters")
        .iter()
        .map(|q| {
            (q["period"].as_str().unwrap_or("").to_owned(), cell(&q["new"]), cell(&q["continuing"]), cell(&q["total"]))
        })
        .collect();
    let expected = [
        ("FY2026 Q1", "hidden", "hidden", "27"),
        ("FY2026 Q2", "fewer_than_11", "hidden", "17"),
        ("FY2026 Q3", "20", "0", "20"),
        ("FY2026 Q4", "0", "20", "20"),
    ];
    assert_eq!(
        quarters,
        expected.map(|(a, b, c, d)| (a.to_owned(), b.to_owned(), c.to_owned(), d.to_owned())).to_vec()
    );
    assert_eq!(
        (cell(&j["year"]["new"]), cell(&j["year"]["continuing"]), cell(&j["year"]["total"])),
        ("37".into(), "15".into(), "52".into())
    );
    assert_eq!(j["year"]["first_day"], "2025-07-01");
    assert_eq!(j["year"]["last_day"], "2026-06-30");

    // The page: the same figures, in words, with the chart; the CSV file.
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let page = app.page(&supervisor, "/reports/people-served?year=2026").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<svg"), "a chart");
    assert!(page.body.contains("<td>fewer than 11</td>"), "{}", page.body);
    assert!(page.body.contains("<td>not shown</td>"));
    assert!(page.body.contains("<td>52</td>"));
    let csv = app.page(&supervisor, "/reports/people-served.csv?year=2026").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert_eq!(
        csv.body.lines().collect::<Vec<_>>(),
        vec![
            "period,first_day,last_day,new,continuing,total",
            "FY2026 Q1,2025-07-01,2025-09-30,not shown,not shown,27",
            "FY2026 Q2,2025-10-01,2025-12-31,fewer than 11,not shown,17",
            "FY2026 Q3,2026-01-01,2026-03-31,20,0,20",
            "FY2026 Q4,2026-04-01,2026-06-30,0,20,20",
            "FY2026,2025-07-01,2026-06-30,37,15,52",
        ]
    );

    // Every read is audited; a coach may not read reports (refused and audited); a bad year names the field.
    let reads = app.audit_actions().await.into_iter().filter(|(a, _, _)| a == "report_read").count();
    assert_eq!(reads, 3);
    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(app.page(&coach, "/reports/people-served").await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.api(&coach, Method::GET, "/api/v1/reports/people-served", None).await.status, StatusCode::FORBIDDEN);
    let bad = app.api(&analyst, Method::GET, "/api/v1/reports/people-served?year=19", None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "a year outside 2000–2100 is refused with the query");
    assert!(bad.body.contains("year") && bad.body.contains("bad_query"), "{}", bad.body);
    let bad_page = app.page(&supervisor, "/reports/people-served?year=next").await;
    assert_eq!(bad_page.status, StatusCode::UNPROCESSABLE_ENTITY);

    // The other organization's analyst sees only their 30 persons (new in Q1).
    let elsewhere = app.staff(app.other_org, Role::Analyst).await;
    let j = app.api(&elsewhere, Method::GET, "/api/v1/reports/people-served?year=2026", None).await.json();
    assert_eq!(cell(&j["year"]["total"]), "30");
    assert_eq!(cell(&j["quarters"][0]["new"]), "30");
}

#[tokio::test]
async fn the_report_is_linked_from_the_supervisors_and_analysts_homes() {
    let app = TestApp::new().await;
    for (role, linked) in [(Role::Supervisor, true), (Role::Analyst, true), (Role::Admin, true), (Role::Coach, false)] {
        let who = app.staff(app.org, role).await;
        let home = app.page(&who, "/staff").await;
        assert_eq!(home.body.contains("href=\"/reports/people-served\""), linked, "{role:?}");
    }
}

/// `n` persons of `org` born on `born` with `language` as their preferred language, each with one episode from
/// `start` to `last`.
async fn described(
    app: &TestApp,
    org: OrgId,
    n: usize,
    (born, language): (Option<NaiveDate>, Option<&str>),
    (start, last): (NaiveDate, NaiveDate),
) {
    use pathways_store::entities::person;
    use pathways_store::sea_orm::{ActiveModelTrait, ActiveValue::Set};
    for i in 0..n {
        let p = app.person(org, &format!("Described {i}"), None).await;
        let row = person::ActiveModel {
            id: Set(p.as_uuid()),
            date_of_birth: Set(born),
            preferred_language: Set(language.map(str::to_owned)),
            ..Default::default()
        };
        row.update(app.db.store.writer()).await.expect("describe");
        pathways_store::outcomes::add_episode(app.db.store.writer(), org, p, start, last, None).await.expect("episode");
    }
}

/// People served by age band (on the fiscal year's first day) and by preferred language, figures by hand; the
/// network's the same; page, API and CSV.
#[tokio::test]
async fn people_served_by_age_and_language_count_each_person_once_with_small_groups_withheld() {
    use pathways_domain::org::{OrgKind, Slug};
    use pathways_domain::outcomes::network::Side;
    let app = TestApp::new().await;
    let year = (d(2025, 8, 1), d(2026, 2, 1));
    // Fiscal year 2026 starts 1 July 2025. Born 2 July 1999: 25 that day (18 to 25); born 1 July 1999: 26 (26 to
    // 34); no date of birth: not recorded; 75: 65 or older.
    described(&app, app.org, 12, (Some(d(1999, 7, 2)), Some("es-MX")), year).await;
    described(&app, app.org, 13, (Some(d(1999, 7, 1)), Some("en")), year).await;
    described(&app, app.org, 3, (None, Some("ar")), year).await;
    described(&app, app.org, 1, (Some(d(1950, 1, 1)), None), year).await;
    // Before the year, and another organization's: not counted.
    described(&app, app.org, 5, (Some(d(1980, 1, 1)), Some("en")), (d(2024, 1, 1), d(2025, 6, 30))).await;
    described(&app, app.other_org, 20, (Some(d(1980, 1, 1)), Some("en")), year).await;
    // A second episode in the year for one of the 13: still one person.
    let again = app.person(app.org, "Twice", None).await;
    pathways_store::outcomes::add_episode(app.db.store.writer(), app.org, again, d(2025, 7, 2), d(2025, 7, 3), None)
        .await
        .expect("episode");
    pathways_store::outcomes::add_episode(app.db.store.writer(), app.org, again, d(2026, 3, 1), d(2026, 3, 2), None)
        .await
        .expect("episode");
    // By hand, 30 persons: 18 to 25: 12; 26 to 34: 13; 65 or older: 1; not recorded: 3 + "Twice" (no date) = 4.
    // Languages: English 13, Spanish 12, another 3, not recorded 1 + 1 = 2. The two groups of 1 to 10 in each table
    // are withheld; the totals (30) cannot give either one away.
    let analyst = app.staff(app.org, Role::Analyst).await;
    let j = app.api(&analyst, Method::GET, "/api/v1/reports/people-served?year=2026", None).await.json();
    let groups = |v: &serde_json::Value| -> Vec<(String, String)> {
        v.as_array()
            .expect("groups")
            .iter()
            .map(|g| {
                let c = &g["persons"];
                let shown = if c["status"] == "shown" { c["value"].to_string() } else { c["status"].to_string() };
                (g["group"].as_str().unwrap_or("?").to_owned(), shown.replace('"', ""))
            })
            .collect()
    };
    let pairs = |v: &[(&str, &str)]| v.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect::<Vec<_>>();
    let ages = pairs(&[
        ("under_18", "0"),
        ("18_25", "12"),
        ("26_34", "13"),
        ("35_44", "0"),
        ("45_54", "0"),
        ("55_64", "0"),
        ("65_plus", "fewer_than_11"),
        ("not_recorded", "fewer_than_11"),
    ]);
    assert_eq!(groups(&j["demographics"]["age_bands"]), ages);
    let languages = groups(&j["demographics"]["languages"]);
    let of = |key: &str| languages.iter().find(|(g, _)| g == key).map(|(_, n)| n.clone()).expect(key);
    assert_eq!((of("en"), of("es"), of("pt")), ("13".into(), "12".into(), "0".into()));
    assert_eq!((of("other"), of("not_recorded")), ("fewer_than_11".into(), "fewer_than_11".into()));
    assert_eq!(j["demographics"]["total"]["value"], 30);
    assert_eq!(j["year"]["total"]["value"], 30, "the same persons as the year's people served");

    let page = app.page(&analyst, "/reports/people-served?year=2026").await;
    assert!(page.body.contains("Who was served") && page.body.contains("<th scope=\"row\">26 to 34</th><td>13</td>"));
    assert!(page.body.contains("<span lang=\"es\">Español</span></th><td>12</td>"), "{}", page.body);
    let csv = app.page(&analyst, "/reports/people-served/demographics.csv?year=2026").await;
    assert_eq!(csv.status, StatusCode::OK);
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines[0], "dimension,group,persons");
    assert!(lines.contains(&"age_band,26_34,13") && lines.contains(&"age_band,65_plus,fewer than 11"), "{lines:?}");
    assert!(lines.contains(&"language,es,12") && lines.contains(&"all,all,30"), "{lines:?}");

    // The network: the organization alone in it, so the same figures; its own CSV.
    let w = app.db.store.writer();
    let st = pathways_store::orgs::create(w, &Slug::parse("state").expect("slug"), "State", OrgKind::StateAgency)
        .await
        .expect("state");
    let st = OrgId::from_uuid(st.id);
    pathways_store::network::confirm(w, st, app.org, Side::State).await.expect("ask");
    pathways_store::network::confirm(w, st, app.org, Side::Member).await.expect("confirm");
    let state_analyst = app.staff(st, Role::Analyst).await;
    let n = app.api(&state_analyst, Method::GET, "/api/v1/reports/network/people-served?year=2026", None).await.json();
    assert_eq!(groups(&n["demographics"]["age_bands"]), ages);
    let csv = app.page(&state_analyst, "/reports/network/people-served/demographics.csv?year=2026").await;
    assert!(csv.body.lines().any(|l| l == "age_band,18_25,12"), "{}", csv.body);
    let page = app.page(&state_analyst, "/reports/network/people-served?year=2026").await;
    assert!(page.body.contains("Who was served"));
    // An organization's supervisor is not the network's reader; a coach reads no report.
    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(app.page(&coach, "/reports/people-served/demographics.csv").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.page(&analyst, "/reports/network/people-served/demographics.csv").await.status,
        StatusCode::FORBIDDEN
    );
}
