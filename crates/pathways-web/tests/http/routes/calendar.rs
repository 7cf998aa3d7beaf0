//! The public calendar paged and filtered (issue 20): a page holds 25 occurrences with its count and links to the
//! pages before and after; the filters (a day, a region, group or event, language, who it is for, in person or
//! online) narrow the page and the JSON API alike; the API refuses a number out of its bounds or an unknown choice
//! with 400; and a save made through the instance is on the very next page, though the calendar answers from a
//! snapshot.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{Duration, Timelike as _};
use pathways_domain::Role;
use pathways_store::network;

use crate::util::{Staff, TestApp, TestResponse};

const NY: chrono_tz::Tz = chrono_tz::America::New_York;
const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).expect("request")
}

/// A gathering's form starting `minutes` from now (New York time, to the minute).
fn form(title: &str, minutes: i64, kind: &str, language: &str, online: bool) -> Vec<(String, String)> {
    let at = (pathways_store::now() + Duration::minutes(minutes)).with_timezone(&NY);
    let mut f = vec![
        ("kind".to_owned(), kind.to_owned()),
        ("title".into(), title.into()),
        ("description".into(), String::new()),
        ("starts_on".into(), at.date_naive().to_string()),
        ("starts_at".into(), format!("{:02}:{:02}", at.hour(), at.minute())),
        ("duration_minutes".into(), "60".into()),
        ("language".into(), language.into()),
    ];
    if kind == "group" {
        // Every day of the week: seven meetings in the next seven days.
        f.push(("repeat".into(), "weekly".into()));
        f.extend(DAYS.iter().map(|d| ("days".to_owned(), (*d).to_owned())));
        f.push(("audience".into(), "everyone".into()));
    } else {
        f.push(("repeat".into(), "once".into()));
        f.push(("audience".into(), "women".into()));
    }
    if online {
        f.push(("online_url".into(), "https://meet.example.org/circle".into()));
    } else {
        f.push(("address".into(), "198 Wethersfield Avenue, Hartford".into()));
    }
    f
}

async fn save(app: &TestApp, who: &Staff, path: &str, fields: &[(String, String)]) {
    let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = app.post_form(who, path, &f).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

fn cards(r: &TestResponse) -> usize {
    r.body.matches("<li class=\"card\">").count()
}

async fn api(app: &TestApp, query: &str) -> TestResponse {
    app.send(get(&format!("/api/v1/calendar{query}"))).await
}

#[tokio::test]
async fn the_calendar_pages_and_filters_and_shows_a_save_at_once() {
    let app = TestApp::new().await;
    network::set_region(app.db.store.writer(), app.org, Some("North Central")).await.expect("region");
    let coach = app.staff(app.org, Role::Coach).await;
    for n in 1..=4 {
        save(&app, &coach, "/community/events", &form(&format!("Daily circle {n}"), 60 + n, "group", "en", false))
            .await;
    }
    // An online event in Spanish for women, in two days.
    save(&app, &coach, "/community/events", &form("Taller en línea", 2 * 24 * 60, "event", "es", true)).await;

    // 4 × 7 meetings and the event: 29, 25 on the first page.
    let first = app.send(get("/calendar")).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.body.contains("29 groups and events") && first.body.contains("showing 1–25 of 29"), "{}", first.body);
    assert_eq!(cards(&first), 25);
    assert!(first.body.contains("href=\"/calendar?when=week&#38;page=2\" rel=\"next\""), "a link to page 2");
    assert!(!first.body.contains("rel=\"prev\""));
    let second = app.send(get("/calendar?when=week&page=2")).await;
    assert_eq!(cards(&second), 4);
    assert!(second.body.contains("showing 26–29 of 29") && second.body.contains("rel=\"prev\""));
    assert!(!second.body.contains("rel=\"next\""));

    // Filters, on the page.
    for (query, count) in [
        ("language=es", 1),
        ("attend=online", 1),
        ("kind=event", 1),
        ("audience=women", 1),
        ("language=en", 28),
        ("attend=in-person&kind=group", 28),
        ("region=north+central", 29),
        ("region=South", 0),
    ] {
        let r = app.send(get(&format!("/calendar?{query}"))).await;
        assert_eq!(r.status, StatusCode::OK, "{query}");
        assert_eq!(cards(&r), count.min(25), "{query}");
        assert_eq!(r.body.contains("Taller en línea"), count == 1 || count == 29, "{query}");
    }
    // One day: the event's, with that day's four meetings — and, when the day before's meetings run past midnight
    // (they start an hour and a few minutes from now: every evening after about 22:55 in New York), those too, for a
    // day shows what is under way in it.
    let day = (pathways_store::now() + Duration::days(2)).with_timezone(&NY).date_naive();
    let past_midnight = (1..=4)
        .filter(|n| {
            let at = (pathways_store::now() + Duration::minutes(60 + n)).with_timezone(&NY);
            at.hour() * 60 + at.minute() + 60 > 24 * 60
        })
        .count();
    let that_day = app.send(get(&format!("/calendar?when={day}"))).await;
    assert_eq!(cards(&that_day), 5 + past_midnight, "{}", that_day.body);
    // A filter the page can't read is named, and the week is shown unfiltered.
    let bad = app.send(get("/calendar?language=fr&page=0")).await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.body.contains("role=\"alert\"") && bad.body.contains("Choose one of the options"), "{}", bad.body);
    assert_eq!(cards(&bad), 25);
    // The center's own page has the same filters.
    let center = app.send(get("/calendar/home-org?language=es")).await;
    assert_eq!(cards(&center), 1);
    let es = app
        .send(Request::get("/calendar?kind=event").header("accept-language", "es").body(Body::empty()).expect("req"))
        .await;
    assert!(es.body.contains("1 grupo o evento") && es.body.contains("Grupo o evento"), "Spanish words");

    // The JSON API: the same pages and filters; numbers out of their bounds and unknown choices are 400.
    let all = api(&app, "").await.json();
    assert_eq!((all["total"].as_u64(), all["per_page"].as_u64()), (Some(29), Some(25)));
    assert_eq!(all["occurrences"].as_array().map(Vec::len), Some(25));
    let starts: Vec<&str> =
        all["occurrences"].as_array().into_iter().flatten().filter_map(|o| o["starts_at"].as_str()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "in order of start");
    let page2 = api(&app, "?page=2").await.json();
    assert_eq!(page2["occurrences"].as_array().map(Vec::len), Some(4));
    assert_eq!(api(&app, "?per_page=100").await.json()["occurrences"].as_array().map(Vec::len), Some(29));
    let es = api(&app, "?center=home-org&language=es").await.json();
    let event = &es["occurrences"][0];
    assert_eq!((es["total"].as_u64(), event["title"].as_str()), (Some(1), Some("Taller en línea")));
    assert_eq!(event["center"]["slug"].as_str(), Some("home-org"));
    assert_eq!(event["center"]["region"].as_str(), Some("North Central"));
    assert_eq!(event["time_zone"].as_str(), Some("America/New_York"));
    let local = event["local_start"].as_str().unwrap_or_default();
    assert!(local.ends_with("-05:00") || local.ends_with("-04:00"), "on the center's clock, with its offset: {local}");
    for bad in
        ["?page=0", "?page=10001", "?per_page=0", "?per_page=101", "?language=fr", "?attend=phone", "?when=someday"]
    {
        let r = api(&app, bad).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}: {}", r.body);
        assert_eq!(r.json()["error"]["code"].as_str(), Some("bad_query"), "{bad}");
    }
    let far = (pathways_store::now() + Duration::days(40)).with_timezone(&NY).date_naive();
    let past = api(&app, &format!("?when={far}")).await;
    assert_eq!(past.status, StatusCode::UNPROCESSABLE_ENTITY, "a day past the four weeks: a rule tied to today");
    assert_eq!(past.error_fields(), ["when"]);
    assert_eq!(api(&app, "?center=no-such-center").await.status, StatusCode::NOT_FOUND);
    assert_eq!(api(&app, "?center=other-org").await.status, StatusCode::NOT_FOUND, "not a center");

    // A save made here is on the very next page, though the snapshot was made a moment ago.
    let id = event["gathering_id"].as_str().expect("an id").to_owned();
    save(
        &app,
        &coach,
        &format!("/community/events/{id}"),
        &form("Taller renombrado", 2 * 24 * 60, "event", "es", true),
    )
    .await;
    let renamed = app.send(get("/calendar?language=es")).await;
    assert!(
        renamed.body.contains("Taller renombrado") && !renamed.body.contains("Taller en línea"),
        "{}",
        renamed.body
    );
    save(&app, &coach, "/community/events", &form("Daily circle 5", 70, "group", "en", false)).await;
    assert_eq!(api(&app, "").await.json()["total"].as_u64(), Some(36), "seven more meetings at once");
    let mut cancel = form("Taller renombrado", 2 * 24 * 60, "event", "es", true);
    cancel.push(("cancelled".into(), "true".into()));
    save(&app, &coach, &format!("/community/events/{id}"), &cancel).await;
    assert_eq!(cards(&app.send(get("/calendar?language=es")).await), 0, "cancelled: gone at once");
}
