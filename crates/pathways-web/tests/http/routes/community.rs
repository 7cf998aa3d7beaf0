//! Recovery community (issue 20): a center's staff add a weekly group and it reaches the public calendar (tonight,
//! this week, the center's page) and both iCalendar feeds, which a real RFC 5545 parser (the `icalendar` crate)
//! reads back; the form names every problem; another organization's gathering is not found; a kiosk opened on a
//! tablet takes sign-ins (a re-sent one counted once), the day's attendance counts them, and a closed kiosk
//! answers nothing.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{Duration, Timelike as _};
use icalendar::{Calendar, CalendarComponent, Component as _};
use pathways_domain::Role;

use crate::util::{Staff, TestApp, TestResponse, csrf_in, set_cookies};

const NY: chrono_tz::Tz = chrono_tz::America::New_York;

/// The RFC 5545 code of a local time's weekday.
fn weekday_code(t: chrono::DateTime<chrono_tz::Tz>) -> &'static str {
    pathways_domain::community::weekday_code(chrono::Datelike::weekday(&t))
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).expect("request")
}

/// A weekly group's form starting `minutes` from now (local time, to the minute).
fn group_form(title: &str, minutes: i64) -> Vec<(String, String)> {
    let at = (pathways_store::now() + Duration::minutes(minutes)).with_timezone(&NY);
    vec![
        ("kind".into(), "group".into()),
        ("title".into(), title.into()),
        ("description".into(), "Peer-led; all pathways welcome, coffee; tea".into()),
        ("starts_on".into(), at.date_naive().to_string()),
        ("starts_at".into(), format!("{:02}:{:02}", at.hour(), at.minute())),
        ("duration_minutes".into(), "90".into()),
        ("repeat".into(), "weekly".into()),
        ("address".into(), "198 Wethersfield Avenue, Hartford".into()),
        ("language".into(), "en-es".into()),
        ("audience".into(), "everyone".into()),
    ]
}

async fn post(app: &TestApp, who: &Staff, path: &str, fields: &[(String, String)]) -> TestResponse {
    let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.post_form(who, path, &f).await
}

/// Checks RFC 5545's line rules and parses the feed; its events' summaries.
fn parse_feed(r: &TestResponse) -> Vec<(String, String)> {
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.header("content-type").starts_with("text/calendar"), "{}", r.header("content-type"));
    assert!(r.body.ends_with("\r\n"));
    for line in r.body.split("\r\n") {
        assert!(line.len() <= 75, "a line over 75 octets: {line:?}");
        assert!(!line.contains('\n') && !line.contains('\r'), "a bare line break");
    }
    let cal: Calendar = r.body.parse().expect("an RFC 5545 calendar");
    assert!(cal.property_value("PRODID").is_some() && cal.property_value("VERSION") == Some("2.0"));
    cal.components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => {
                assert!(e.get_uid().is_some() && e.property_value("DTSTAMP").is_some(), "UID and DTSTAMP");
                assert!(e.get_start().is_some() && e.get_end().is_some());
                Some((
                    e.get_summary().unwrap_or_default().to_owned(),
                    e.property_value("DTSTART").unwrap_or_default().to_owned(),
                ))
            }
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_weekly_group_reaches_the_public_calendar_and_both_feeds() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(app.page(&coach, "/community/events/new").await.status, StatusCode::OK);
    let title = "All-recovery group, Tuesday; bring a friend";
    let made = post(&app, &coach, "/community/events", &group_form(title, 10)).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let list = app.page(&coach, "/community/events").await;
    assert!(list.body.contains("All-recovery group"), "{}", list.body);
    let at =
        list.body.find("/community/events/0").or_else(|| list.body.find("href=\"/community/events/")).expect("a link");
    let id: String = list.body[at..]
        .trim_start_matches("href=\"")
        .trim_start_matches("/community/events/")
        .chars()
        .take_while(|c| *c != '"')
        .collect();

    // Tonight (until the next 04:00) has it unless the ten minutes ahead crossed that line; this week always.
    let starts = (pathways_store::now() + Duration::minutes(10)).with_timezone(&NY);
    let tonight = app.send(get("/calendar?when=tonight")).await;
    assert_eq!(tonight.status, StatusCode::OK);
    let crossed = starts.hour() == 4 && starts.minute() < 10;
    assert_eq!(tonight.body.contains("All-recovery group"), !crossed, "{}", tonight.body);
    for path in ["/calendar", "/calendar?when=week", "/calendar/home-org", "/calendar?when=nonsense"] {
        let r = app.send(get(path)).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(
            r.body.contains("All-recovery group") && r.body.contains("988"),
            "{path}: the group and the crisis line"
        );
    }
    let home = app.send(get("/")).await;
    assert!(home.body.contains("href=\"/calendar\""), "the home page links the calendar");
    let es = app
        .send(Request::get("/calendar").header(header::ACCEPT_LANGUAGE, "es").body(Body::empty()).expect("req"))
        .await;
    assert!(es.body.contains("Esta noche") && es.body.contains("Inglés y español"), "Spanish");
    assert_eq!(app.send(get("/calendar/other-org")).await.status, StatusCode::NOT_FOUND, "not a center");
    assert_eq!(app.send(get("/calendar/no-such-center")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.send(get("/calendar/Bad%20Slug")).await.status, StatusCode::NOT_FOUND);

    // A center's feed: every meeting from a week back to eight weeks ahead, in UTC.
    let path = "/calendar/home-org/events.ics";
    let events = parse_feed(&app.send(get(path)).await);
    assert!((8..=9).contains(&events.len()), "{path}: eight weeks of a weekly group: {events:?}");
    assert!(events.iter().all(|(s, _)| s == title), "escaped text reads back: {events:?}");
    let first = starts.with_timezone(&chrono::Utc).format("%Y%m%dT%H%M00Z").to_string();
    assert_eq!(events[0].1, first, "{path}: the first start, in UTC");
    // A week later at the same local time, whatever the offset did in between.
    let next = (starts + Duration::days(7)).naive_local();
    let next_utc = pathways_domain::community::recurrence::to_utc(NY, next).format("%Y%m%dT%H%M00Z").to_string();
    assert_eq!(events[1].1, next_utc);
    // The network's feed: the group once, as a weekly series on its center's clock, with the zone described.
    let network = app.send(get("/calendar.ics")).await;
    let events = parse_feed(&network);
    assert_eq!(events.len(), 1, "one series, not every meeting: {events:?}");
    assert_eq!(events[0], (title.to_owned(), starts.naive_local().format("%Y%m%dT%H%M00").to_string()));
    assert!(network.body.contains(&format!("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY={}\r\n", weekday_code(starts))));
    assert!(
        network.body.contains("DTSTART;TZID=America/New_York:")
            && network.body.contains("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n")
    );

    // Problems are named beside their fields; nothing is saved.
    let mut bad = group_form("", 10);
    bad.retain(|(k, _)| k != "address");
    bad.push(("duration_minutes".into(), "5".into()));
    let refused = post(&app, &coach, "/community/events", &bad).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    for field in ["#title", "#address", "#duration_minutes"] {
        assert!(refused.body.contains(&format!("href=\"{field}\"")), "{field} named");
    }

    // Another organization's staff can't see or change it; a clinician has no center pages.
    let elsewhere = app.staff(app.other_org, Role::Coach).await;
    let path = format!("/community/events/{id}");
    assert_eq!(app.page(&elsewhere, &path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, &elsewhere, &path, &group_form("Taken", 10)).await.status, StatusCode::NOT_FOUND);
    let clinician = app.staff(app.org, Role::Clinician).await;
    assert_eq!(app.page(&clinician, "/community/events").await.status, StatusCode::FORBIDDEN);

    // Cancelled: gone from the calendar and the feed.
    assert_eq!(app.page(&coach, &path).await.status, StatusCode::OK);
    let mut cancel = group_form(title, 10);
    cancel.push(("cancelled".into(), "true".into()));
    assert_eq!(post(&app, &coach, &path, &cancel).await.status, StatusCode::SEE_OTHER);
    assert!(!app.send(get("/calendar")).await.body.contains("All-recovery group"));
    assert!(parse_feed(&app.send(get("/calendar.ics")).await).is_empty());
    let saves = app.audit_actions().await.into_iter().filter(|(a, _, _)| a == "community_event_save").count();
    assert_eq!(saves, 2, "added and cancelled, each audited");
}

/// A request from the kiosk tablet, with its cookies.
fn tablet(method: &str, path: &str, cookies: &str, body: Option<String>) -> Request<Body> {
    let r = Request::builder().method(method).uri(path).header(header::COOKIE, cookies);
    match body {
        Some(b) => {
            r.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(Body::from(b)).expect("request")
        }
        None => r.body(Body::empty()).expect("request"),
    }
}

#[tokio::test]
async fn a_kiosk_counts_each_sign_in_once_and_only_while_open() {
    let app = TestApp::new().await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let made = post(&app, &supervisor, "/community/events", &group_form("Family group", 1)).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER);

    // No kiosk cookie: no kiosk.
    assert_eq!(app.send(get("/kiosk")).await.status, StatusCode::NOT_FOUND);

    let coach = app.staff(app.org, Role::Coach).await;
    let opened = app.post_form(&coach, "/community/kiosks", &[]).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER);
    assert_eq!(opened.location(), "/kiosk");
    let kiosk_cookie =
        set_cookies(&opened.headers).into_iter().find(|c| c.starts_with("pathways_kiosk=")).expect("a kiosk cookie");
    let after = app.page(&coach, "/community/events").await;
    assert!(after.location().starts_with("/login"), "the staff session on the tablet ended");

    let form = app.send(tablet("GET", "/kiosk", &kiosk_cookie, None)).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(form.body.contains("Family group") && form.body.contains("/static/kiosk.js"));
    let group_at = form.body.find("<option value=\"0").expect("today's group");
    let group: String = form.body[group_at + 15..].chars().take_while(|c| *c != '"').collect();
    let cookies = format!("{kiosk_cookie}; {}", set_cookies(&form.headers).join("; "));
    let csrf = csrf_in(&form.body);
    let sign = |fields: Vec<(&'static str, String)>| {
        let mut all = vec![("csrf", csrf.clone())];
        all.extend(fields);
        serde_urlencoded::to_string(&all).expect("form")
    };
    let first = sign(vec![
        ("first_name", "Ana".into()),
        ("postal_code", "06106".into()),
        ("reason", "group".into()),
        ("group", group.clone()),
        ("client_ref", "queued-1".into()),
    ]);
    for _ in 0..2 {
        let r = app.send(tablet("POST", "/kiosk", &cookies, Some(first.clone()))).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    let second = sign(vec![("first_name", "J.R.".into()), ("reason", "naloxone".into())]);
    assert_eq!(app.send(tablet("POST", "/kiosk", &cookies, Some(second))).await.status, StatusCode::SEE_OTHER);
    let bad = sign(vec![("first_name", "<b>".into()), ("postal_code", "61".into()), ("reason", "dance".into())]);
    let refused = app.send(tablet("POST", "/kiosk", &cookies, Some(bad))).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["#first_name", "#postal_code", "#reason"] {
        assert!(refused.body.contains(&format!("href=\"{field}\"")), "{field} named");
    }

    let page = app.page(&supervisor, "/community/attendance").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("<span id=\"visit-count\">2</span>"), "the re-sent sign-in counted once");
    assert!(page.body.contains("<th scope=\"row\">Naloxone</th><td>1</td>"));
    assert!(page.body.contains("<th scope=\"row\">Family group</th>"), "today's group");
    assert!(!page.body.contains("Ana") && !page.body.contains("06106"), "counts only, nobody named");
    let signed: Vec<_> = app.audit_actions().await.into_iter().filter(|(a, _, _)| a == "kiosk_sign_in").collect();
    assert_eq!(signed.len(), 2);

    let at = page.body.find("/community/kiosks/").expect("the open kiosk") + "/community/kiosks/".len();
    let kiosk: String = page.body[at..].chars().take_while(|c| *c != '/').collect();
    let close = format!("/community/kiosks/{kiosk}/close");
    let elsewhere = app.staff(app.other_org, Role::Admin).await;
    assert_eq!(app.post_form(&elsewhere, &close, &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.post_form(&supervisor, &close, &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.send(tablet("GET", "/kiosk", &kiosk_cookie, None)).await.status, StatusCode::NOT_FOUND);
}
