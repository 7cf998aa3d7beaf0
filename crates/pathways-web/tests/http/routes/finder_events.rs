//! Recovery community gatherings in the finder (issue 20, "events also appear in the finder by time"): the finder's
//! own time choice (now, starting soon, today, tonight, a weekday) shows the centers' groups and events in it, with
//! a link to the calendar showing them all; words narrow them (title, center, and the words for their kind,
//! language and audience, in English and Spanish); a cancelled one is gone at once; the days and hours are the
//! deployment's clock. Read from the calendar's snapshot, as the calendar is.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{DateTime, Datelike as _, Duration, Timelike as _, Utc};
use chrono_tz::Tz;
use pathways_domain::Role;
use pathways_domain::community::calendar::Span;
use pathways_domain::deployment::Deployment;

use crate::util::{Staff, TestApp, TestResponse};

const NY: Tz = chrono_tz::America::New_York;
const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const HEADING_SOON: &str = "Starting soon at recovery community centers";

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).expect("request")
}

async fn find(app: &TestApp, query: &str) -> TestResponse {
    let r = app.send(get(&format!("/find?{query}"))).await;
    assert_eq!(r.status, StatusCode::OK, "{query}: {}", r.body);
    r
}

/// A weekly group's form, starting `minutes` from now on `tz`'s clock, meeting on `days` (every day when empty).
fn group(title: &str, minutes: i64, tz: Tz, days: &[&str]) -> Vec<(String, String)> {
    let at = (pathways_store::now() + Duration::minutes(minutes)).with_timezone(&tz);
    let mut f = vec![
        ("kind".to_owned(), "group".to_owned()),
        ("title".into(), title.into()),
        ("description".into(), "Peer-led, all welcome".into()),
        ("starts_on".into(), at.date_naive().to_string()),
        ("starts_at".into(), format!("{:02}:{:02}", at.hour(), at.minute())),
        ("duration_minutes".into(), "60".into()),
        ("language".into(), "en".into()),
        ("repeat".into(), "weekly".into()),
        ("audience".into(), "family-and-friends".into()),
        ("address".into(), "198 Wethersfield Avenue, Hartford".into()),
    ];
    let days = if days.is_empty() { &DAYS[..] } else { days };
    f.extend(days.iter().map(|d| ("days".to_owned(), (*d).to_owned())));
    f
}

async fn save(app: &TestApp, who: &Staff, path: &str, fields: &[(String, String)]) {
    let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = app.post_form(who, path, &f).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

#[tokio::test]
async fn the_finder_shows_gatherings_for_its_time_choice_and_words() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    // Every day: one starting in an hour, one that began ten minutes ago.
    save(&app, &coach, "/community/events", &group("Family Circle", 60, NY, &[])).await;
    save(&app, &coach, "/community/events", &group("Open Door", -10, NY, &[])).await;

    // Starting within two hours: the one in an hour (the one under way is not starting), linked to the calendar.
    let soon = find(&app, "when=soon").await;
    assert!(soon.body.contains(HEADING_SOON), "{}", soon.body);
    assert!(soon.body.contains("Family Circle") && !soon.body.contains("Open Door"), "{}", soon.body);
    assert!(soon.body.contains("<li class=\"card gathering\">") && soon.body.contains("/calendar/home-org"));
    assert!(soon.body.contains("1 group or event"), "{}", soon.body);
    assert!(soon.body.contains("href=\"/calendar?when="), "a link to the calendar: {}", soon.body);
    // Now: under way, or starting within a quarter of an hour.
    let now = find(&app, "when=now").await;
    assert!(now.body.contains("Now at recovery community centers") && now.body.contains("Open Door"));
    assert!(!now.body.contains("Family Circle"));

    // Words: every one must match its title, description or center, or the words for its kind, language and
    // audience (in either language), whole or by their beginning.
    for q in ["family", "famil+circle", "FAMILY", "recurring", "grupo", "english", "friends", "home+org", "peer-led"] {
        assert!(find(&app, &format!("when=soon&q={q}")).await.body.contains("Family Circle"), "{q}");
    }
    for q in ["smart", "family+smart", "fa", "spanish"] {
        let r = find(&app, &format!("when=soon&q={q}")).await;
        assert!(!r.body.contains("Family Circle") && !r.body.contains(HEADING_SOON), "{q}: {}", r.body);
    }
    // The finder's other choices: in person and English are answered; online, Spanish, another language, and a
    // filter gatherings don't record (cost) show none.
    assert!(find(&app, "when=soon&online=in_person&language=en").await.body.contains("Family Circle"));
    for other in ["online=online", "language=es", "language=fr", "cost=medicaid"] {
        assert!(!find(&app, &format!("when=soon&{other}")).await.body.contains("Family Circle"), "{other}");
    }
    assert!(!find(&app, "q=family&starts_within_min=30").await.body.contains("Family Circle"), "an hour away");
    assert!(find(&app, "q=family&starts_within_min=61").await.body.contains("Family Circle"));
    // No time chosen: matching words show tonight's (the calendar's tonight, now to 04:00).
    let (_, tonight_ends) = Span::Tonight.window(pathways_store::now(), NY);
    let words_only = find(&app, "q=family").await;
    if pathways_store::now() + Duration::minutes(61) < tonight_ends {
        assert!(words_only.body.contains("Tonight at recovery community centers"), "{}", words_only.body);
        assert!(words_only.body.contains("/calendar?when=tonight"), "{}", words_only.body);
    }
    assert!(!find(&app, "q=smart").await.body.contains("recovery community centers"), "no match, no block");
    assert!(!find(&app, "near=06107").await.body.contains("Family Circle"), "neither words nor a time");

    // Spanish.
    let es = app
        .send(Request::get("/find?when=soon").header("accept-language", "es").body(Body::empty()).expect("request"))
        .await;
    assert!(es.body.contains("Por comenzar en los centros comunitarios de recuperación"), "{}", es.body);
    assert!(es.body.contains("Verlos todos en el calendario comunitario") && es.body.contains("1 grupo o evento"));

    // The API: the same gatherings beside the results.
    let api = app.send(get("/api/v1/search?when=soon&q=family")).await;
    assert_eq!(api.status, StatusCode::OK, "{}", api.body);
    let g = &api.json()["gatherings"];
    assert_eq!(g["total"].as_u64(), Some(1), "{g}");
    assert_eq!(g["occurrences"][0]["title"].as_str(), Some("Family Circle"));
    assert_eq!(g["occurrences"][0]["center"]["slug"].as_str(), Some("home-org"));
    assert!(g["calendar"].as_str().is_some_and(|c| c.starts_with("/calendar?when=")), "{g}");
    assert!(app.send(get("/api/v1/search?when=soon&q=smart")).await.json()["gatherings"].is_null());

    // Cancelled: gone at once.
    let id = app.send(get("/api/v1/calendar?when=week")).await.json()["occurrences"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|o| o["title"].as_str() == Some("Family Circle"))
        .and_then(|o| o["gathering_id"].as_str())
        .expect("the group's id")
        .to_owned();
    let mut cancel = group("Family Circle", 60, NY, &[]);
    cancel.push(("cancelled".into(), "true".into()));
    save(&app, &coach, &format!("/community/events/{id}"), &cancel).await;
    assert!(!find(&app, "when=soon").await.body.contains("Family Circle"), "cancelled");
    assert!(app.send(get("/api/v1/search?when=soon")).await.json()["gatherings"].is_null());
}

#[tokio::test]
async fn the_finder_reads_days_and_hours_on_the_deployments_clock() {
    // Kiritimati is UTC+14: for most of the day its date is not UTC's.
    let tz: Tz = chrono_tz::Pacific::Kiritimati;
    let app = TestApp::deployed(Deployment { time_zone: tz, ..Deployment::default() }).await;
    let coach = app.staff(app.org, Role::Coach).await;
    let now: DateTime<Utc> = pathways_store::now();
    let at = (now + Duration::minutes(90)).with_timezone(&tz);
    let day = DAYS[at.weekday().num_days_from_monday() as usize];
    save(&app, &coach, "/community/events", &group("Island Circle", 90, tz, &[day])).await;

    // Its weekday on that clock (0 = Sunday) finds it; another weekday does not.
    let sunday_based = at.weekday().num_days_from_sunday();
    let on_its_day = find(&app, &format!("day={sunday_based}")).await;
    assert!(on_its_day.body.contains("Island Circle"), "{}", on_its_day.body);
    assert!(on_its_day.body.contains(&format!("/calendar?when={}", at.date_naive())), "{}", on_its_day.body);
    assert!(!find(&app, &format!("day={}", (sunday_based + 3) % 7)).await.body.contains("Island Circle"));
    // Today, when it is still today there in an hour and a half.
    if at.date_naive() == now.with_timezone(&tz).date_naive() {
        assert!(find(&app, "when=today").await.body.contains("Island Circle"));
    } else {
        assert!(!find(&app, "when=today").await.body.contains("Island Circle"), "tomorrow there");
    }
    // The time is shown on the center's clock, and the API gives its offset.
    let shown = find(&app, "when=soon").await;
    assert!(shown.body.contains(&format!("{:02}:{:02}", at.hour(), at.minute())), "{}", shown.body);
    let api = app.send(get("/api/v1/search?when=soon")).await.json();
    let local = api["gatherings"]["occurrences"][0]["local_start"].as_str().unwrap_or_default().to_owned();
    assert!(local.ends_with("+14:00"), "{local}");
}
