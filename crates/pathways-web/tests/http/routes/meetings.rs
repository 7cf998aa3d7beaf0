//! `/api/v1/meetings.json`: the directory's meetings as a Meeting Guide feed that reads back, through our own feed
//! parser, with nothing refused.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use pathways_domain::directory::meeting_guide::parse_feed;
use pathways_store::directory::import_source;
use pathways_store::import::meeting_guide::convert;
use serde_json::Value;

use crate::util::{TestApp, TestResponse};

const FEED: &str = include_str!("../../../../../tests/fixtures/meeting-guide/feed.json");
const FEED_NEXT: &str = include_str!("../../../../../tests/fixtures/meeting-guide/feed-next.json");

async fn load(app: &TestApp, feed: &str) {
    let converted = convert(feed, "test-feed", "Test intergroup", chrono_tz::America::New_York).expect("feed");
    let tx = app.db.store.begin().await.expect("tx");
    import_source(&tx, "test-feed", &converted.records).await.expect("import");
    tx.commit().await.expect("commit");
}

async fn feed(app: &TestApp) -> TestResponse {
    app.send(Request::get("/api/v1/meetings.json").body(Body::empty()).expect("request")).await
}

fn by_name<'a>(records: &'a [Value], name: &str) -> &'a Value {
    records.iter().find(|r| r["name"] == name).unwrap_or_else(|| panic!("no {name}"))
}

#[tokio::test]
async fn the_feed_round_trips_through_our_parser_with_nothing_refused() {
    let app = TestApp::new().await;
    load(&app, FEED).await;
    let r = feed(&app).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.header("content-type").starts_with("application/json"));
    assert_eq!(r.header("access-control-allow-origin"), "*", "TSML UI reads it from other sites");
    assert_eq!(r.header("cache-control"), "public, max-age=300");

    let parsed = parse_feed(&r.body).expect("a feed");
    assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
    assert_eq!(parsed.meetings.len(), 7, "every meeting the import took");
    let records: Vec<Value> = serde_json::from_str(&r.body).expect("json");
    let sunrise = by_name(&records, "Sunrise Serenity");
    assert_eq!(
        (&sunrise["day"], &sunrise["time"], &sunrise["end_time"]),
        (&1.into(), &"07:00".into(), &"08:00".into())
    );
    assert_eq!(sunrise["timezone"], "America/New_York");
    assert_eq!(sunrise["types"], serde_json::json!(["O", "D", "EN"]));
    assert_eq!(sunrise["address"], "60 Gold St");
    let smart = by_name(&records, "SMART Recovery West Hartford");
    assert_eq!(smart["day"], serde_json::json!([2, 4]));
    assert_eq!(smart["approximate"], "yes", "as its source said");
    let owls = parsed.meetings.iter().find(|m| m.name == "Online Night Owls").expect("owls");
    assert_eq!(owls.conference_url.as_deref(), Some("https://zoom.us/j/123456789"));

    // Our ids are the slugs: unique, and the same after a re-import, which updates the time and retires one.
    let slug = sunrise["slug"].as_str().expect("slug").to_owned();
    let search =
        app.send(Request::get("/api/hsds/services?search=sunrise").body(Body::empty()).expect("request")).await;
    assert_eq!(search.json()["contents"][0]["id"], slug.as_str());
    // A poller that has this version is told so, without the body; a change makes a new version.
    let etag = r.header("etag").to_owned();
    let unchanged = app
        .send(
            Request::get("/api/v1/meetings.json").header("if-none-match", &etag).body(Body::empty()).expect("request"),
        )
        .await;
    assert_eq!((unchanged.status, unchanged.body.as_str()), (StatusCode::NOT_MODIFIED, ""));
    load(&app, FEED_NEXT).await;
    let changed = app
        .send(
            Request::get("/api/v1/meetings.json").header("if-none-match", &etag).body(Body::empty()).expect("request"),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "the kept feed is not served after a change");
    assert_ne!(changed.header("etag"), etag);
    let again: Vec<Value> = serde_json::from_str(&changed.body).expect("json");
    assert_eq!(again.len(), 6);
    let sunrise = by_name(&again, "Sunrise Serenity");
    assert_eq!((&sunrise["slug"], &sunrise["time"]), (&slug.as_str().into(), &"07:30".into()), "our current time");
    assert!(again.iter().all(|r| r["name"] != "Grupo Esperanza"), "retired meetings are not in the feed");
}

#[tokio::test]
async fn an_empty_directory_is_an_empty_feed() {
    let app = TestApp::new().await;
    let r = feed(&app).await;
    assert_eq!((r.status, r.body.as_str()), (StatusCode::OK, "[]"));
}
