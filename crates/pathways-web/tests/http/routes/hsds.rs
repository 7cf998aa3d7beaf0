//! The HSDS 3.0 API, `/api/hsds/services` and `/api/hsds/organizations`, over a Meeting Guide feed imported the way
//! an operator imports one: the paged wrapper, filters, full objects, 404 for unknown and retired ids, 422 for bad
//! parameters. Whether the objects validate against the HSDS schemas is checked on the export (`tests/cli.rs`),
//! which is made by the same functions.

use axum::body::Body;
use axum::http::{Request, StatusCode};
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

async fn with_feed() -> TestApp {
    let app = TestApp::new().await;
    load(&app, FEED).await;
    app
}

async fn get(app: &TestApp, path: &str) -> TestResponse {
    app.send(Request::get(path).body(Body::empty()).expect("request")).await
}

fn names(page: &Value) -> Vec<&str> {
    page["contents"].as_array().into_iter().flatten().filter_map(|s| s["name"].as_str()).collect()
}

/// The `field`s of a 422's error.
fn fields(r: &TestResponse) -> Vec<String> {
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    r.json()["error"]["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["field"].as_str().map(str::to_owned))
        .collect()
}

async fn id_of(app: &TestApp, name: &str) -> String {
    let page = get(app, &format!("/api/hsds/services?search={}", name.replace(' ', "+"))).await.json();
    page["contents"][0]["id"].as_str().unwrap_or_else(|| panic!("{name}: {page}")).to_owned()
}

#[tokio::test]
async fn services_come_by_page_in_the_hsds_wrapper_without_a_token() {
    let app = with_feed().await;
    let first = get(&app, "/api/hsds/services?per_page=3").await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(first.header("access-control-allow-origin"), "*", "open data, readable from any site");
    let page = first.json();
    for (key, want) in [("total_items", 7), ("total_pages", 3), ("page_number", 1), ("size", 3)] {
        assert_eq!(page[key], want, "{key}: {page}");
    }
    assert_eq!(
        (&page["first_page"], &page["last_page"], &page["empty"]),
        (&Value::Bool(true), &false.into(), &false.into())
    );
    assert_eq!(names(&page), ["By Appointment", "Grupo Esperanza", "Hybrid Lunch"], "name order");
    let item = &page["contents"][0];
    assert!(item.as_object().is_some_and(|o| o.values().all(|v| !v.is_array())), "one-to-one fields: {item}");
    assert_eq!(item["organization"]["name"], "Test intergroup");
    assert!(item.get("x_meeting_guide").is_none());

    let last = get(&app, "/api/hsds/services?per_page=3&page=3").await.json();
    assert_eq!((&last["size"], &last["last_page"], &last["first_page"]), (&1.into(), &true.into(), &false.into()));
    assert_eq!(names(&last), ["Sunrise Serenity"]);
    let past = get(&app, "/api/hsds/services?per_page=3&page=4").await.json();
    assert_eq!((&past["size"], &past["empty"], &past["total_items"]), (&0.into(), &true.into(), &7.into()));
    let default = get(&app, "/api/hsds/services").await.json();
    assert_eq!((&default["size"], &default["total_pages"]), (&7.into(), &1.into()), "50 a page unless asked");
}

#[tokio::test]
async fn search_and_filters_narrow_the_list() {
    let app = with_feed().await;
    assert_eq!(names(&get(&app, "/api/hsds/services?search=NIGHT+owls").await.json()), ["Online Night Owls"]);
    assert_eq!(get(&app, "/api/hsds/services?search=%25").await.json()["total_items"], 0, "LIKE's % is a letter");
    let org = get(&app, "/api/hsds/organizations").await.json()["contents"][0]["id"].clone();
    let org = org.as_str().expect("an organization id");
    let mine = get(&app, &format!("/api/hsds/services?organization_id={org}")).await.json();
    assert_eq!(mine["total_items"], 7);
    let other = get(&app, &format!("/api/hsds/services?organization_id={}", uuid::Uuid::now_v7())).await.json();
    assert_eq!(other["total_items"], 0);
    assert_eq!(get(&app, "/api/hsds/services?organization_id=nope").await.json()["total_items"], 0);
    let future = get(&app, "/api/hsds/services?modified_after=2999-01-01T00:00:00Z").await.json();
    assert_eq!(future["total_items"], 0);
    assert_eq!(get(&app, "/api/hsds/services?modified_after=2000-01-01").await.json()["total_items"], 7);
    let full = get(&app, "/api/hsds/services?full=true&search=sunrise").await.json();
    assert_eq!(full["contents"][0]["schedules"][0]["opens_at"], "07:00", "fully nested on request");
}

#[tokio::test]
async fn one_service_is_fully_nested_with_its_place_terms_and_organization() {
    let app = with_feed().await;
    let id = id_of(&app, "Sunrise Serenity").await;
    let r = get(&app, &format!("/api/hsds/services/{id}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let s = r.json();
    assert_eq!(s["id"], id.as_str());
    assert!(s.get("x_meeting_guide").is_none());
    assert_eq!(s["schedules"][0]["timezone"], -5);
    let open = s["attributes"].as_array().into_iter().flatten().find(|a| a["value"] == "O").expect("type O");
    assert_eq!(open["taxonomy_term"]["name"], "Open");
    assert_eq!(open["taxonomy_term_id"], open["taxonomy_term"]["id"]);
    let place = &s["service_at_locations"][0]["location"];
    assert_eq!(place["addresses"][0]["city"], "Hartford");
    assert_eq!(s["organization"]["name"], "Test intergroup");
    assert_eq!(s["organization"]["id"], s["organization_id"]);
    assert!(!r.body.contains("null"), "{}", r.body);
}

#[tokio::test]
async fn unknown_and_retired_ids_are_404_in_json() {
    let app = with_feed().await;
    let grupo = id_of(&app, "Grupo Esperanza").await;
    assert_eq!(get(&app, &format!("/api/hsds/services/{grupo}")).await.status, StatusCode::OK);
    load(&app, FEED_NEXT).await;

    let gone = get(&app, &format!("/api/hsds/services/{grupo}")).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND, "retired by the re-import");
    assert_eq!(gone.json()["error"]["code"], "not_found");
    let list = get(&app, "/api/hsds/services").await.json();
    assert_eq!(list["total_items"], 6);
    assert!(!names(&list).contains(&"Grupo Esperanza"));
    let org = list["contents"][0]["organization"]["id"].as_str().expect("org id").to_owned();
    let with = get(&app, &format!("/api/hsds/organizations/{org}")).await.json();
    assert!(with["services"].as_array().is_some_and(|s| s.len() == 6), "{with}");

    for path in [
        "/api/hsds/services/not-an-id".to_owned(),
        format!("/api/hsds/services/{}", uuid::Uuid::now_v7()),
        format!("/api/hsds/organizations/{}", uuid::Uuid::now_v7()),
        format!("/api/hsds/organizations/{grupo}"),
    ] {
        let r = get(&app, &path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(r.json()["error"]["status"], 404, "{path}");
    }
}

#[tokio::test]
async fn bad_parameters_are_422_naming_each() {
    let app = with_feed().await;
    let r = get(&app, "/api/hsds/services?page=0&per_page=501").await;
    assert_eq!(fields(&r), ["page", "per_page"]);
    assert!(r.json()["error"]["detail"].as_str().is_some_and(|d| d.contains("1 to 500")), "{}", r.body);
    assert_eq!(fields(&get(&app, "/api/hsds/services?page=two&per_page=0").await), ["page", "per_page"]);
    assert_eq!(fields(&get(&app, "/api/hsds/services?per_page=-5").await), ["per_page"]);
    assert_eq!(
        fields(&get(&app, "/api/hsds/services?full=yes&modified_after=yesterday").await),
        ["full", "modified_after"]
    );
    let not_offered = get(&app, "/api/hsds/services?taxonomy_term_id=x").await;
    assert_eq!(fields(&not_offered), ["taxonomy_term_id"], "a filter not offered is not silently ignored");
    assert_eq!(fields(&get(&app, "/api/hsds/organizations?per_page=1000").await), ["per_page"]);
    let org = uuid::Uuid::now_v7();
    assert_eq!(fields(&get(&app, &format!("/api/hsds/organizations/{org}?full_service=1")).await), ["full_service"]);
}

#[tokio::test]
async fn organizations_come_by_page_and_one_with_its_services() {
    let app = with_feed().await;
    let page = get(&app, "/api/hsds/organizations?search=intergroup").await;
    assert_eq!(page.header("access-control-allow-origin"), "*");
    let page = page.json();
    assert_eq!((&page["total_items"], &page["size"]), (&1.into(), &1.into()));
    let org = &page["contents"][0];
    assert_eq!(org["description"], "Meetings listed by Test intergroup.");
    assert_eq!(get(&app, "/api/hsds/organizations?search=nobody").await.json()["empty"], true);

    let id = org["id"].as_str().expect("id");
    let one = get(&app, &format!("/api/hsds/organizations/{id}")).await.json();
    let services = one["services"].as_array().expect("services");
    assert_eq!(services.len(), 7);
    assert!(services.iter().all(|s| s.get("schedules").is_none() && s.get("organization").is_none()), "{one}");
    let full = get(&app, &format!("/api/hsds/organizations/{id}?full_service=true")).await.json();
    let sunrise = full["services"].as_array().into_iter().flatten().find(|s| s["name"] == "Sunrise Serenity");
    assert!(
        sunrise.is_some_and(|s| s["service_at_locations"][0]["location"]["name"] == "Center Church Hall"),
        "{full}"
    );
}

#[tokio::test]
async fn a_service_with_beds_carries_its_capacity() {
    use pathways_domain::access_line::{BedCount, LevelOfCare};
    use pathways_store::audit::Actor;
    use pathways_store::capacity::{NewProgram, create_program, reserve};

    let app = with_feed().await;
    let id = id_of(&app, "Sunrise Serenity").await;
    let service: uuid::Uuid = id.parse().expect("uuid");
    let tx = app.db.store.begin().await.expect("tx");
    let program = NewProgram {
        organization: app.other_org,
        service_id: Some(service),
        name: "Sunrise beds".into(),
        level: LevelOfCare::ResidentialHighIntensity,
        populations: Vec::new(),
        region: None,
        place: None,
        counts: BedCount { licensed: 12, open: 3, waitlist: 0 },
    };
    let now = pathways_store::now();
    let p = create_program(&tx, &Actor::default(), &program, now).await.expect("program");
    reserve(&tx, &Actor::default(), p, None, now, chrono::Duration::hours(4)).await.expect("hold");
    tx.commit().await.expect("commit");

    let full = get(&app, &format!("/api/hsds/services/{id}")).await.json();
    let caps = full["capacities"].as_array().expect("capacities");
    assert_eq!(caps.len(), 1);
    assert_eq!((&caps[0]["available"], &caps[0]["maximum"]), (&2.into(), &12.into()), "a held bed is not available");
    assert_eq!((&caps[0]["service_id"], &caps[0]["unit"]["name"]), (&Value::from(id.as_str()), &Value::from("bed")));
    assert!(caps[0]["updated"].as_str().is_some_and(|u| u.ends_with('Z')));
    let other = id_of(&app, "SMART Recovery West Hartford").await;
    assert!(get(&app, &format!("/api/hsds/services/{other}")).await.json().get("capacities").is_none());
}

#[tokio::test]
async fn a_recovery_residence_listed_as_a_service_carries_its_beds_and_what_a_person_chooses_by() {
    use pathways_domain::housing::{Certification, NarrLevel, Payment, Population};
    use pathways_store::audit::Actor;
    use pathways_store::housing::{NewResidence, create, report};

    let app = with_feed().await;
    let id = id_of(&app, "Sunrise Serenity").await;
    let service: uuid::Uuid = id.parse().expect("uuid");
    // As the app counts a certificate's days: in the deployment's zone (the test app's: New York), not UTC's.
    let today = pathways_store::now().with_timezone(&app.state.config.deployment.time_zone).date_naive();
    let house = |name: &str, expires_in: i64| NewResidence {
        organization: app.other_org,
        service_id: Some(service),
        name: name.into(),
        address: "10 Oak Street".into(),
        town: "Hartford".into(),
        zip: None,
        region: None,
        place: None,
        level: NarrLevel::Monitored,
        populations: vec![Population::Women, Population::WomenWithChildren],
        accepts_moud: true,
        serves_oud: true,
        total_beds: 8,
        certification: Some(Certification {
            body: "Connecticut Alliance of Recovery Residences".into(),
            number: "T-17".into(),
            expires_on: today + chrono::Duration::days(expires_in),
        }),
        house_rules: None,
        cost_per_week: Some(175),
        payments: vec![Payment::SelfPay],
        naloxone_doses: 2,
        naloxone_trained_on: Some(today),
        disclaimer: String::new(),
    };
    let now = pathways_store::now();
    let tx = app.db.store.begin().await.expect("tx");
    let open = create(&tx, &Actor::default(), &house("Maple House", 200), now).await.expect("residence");
    report(&tx, &Actor::default(), None, open, 3, None, now).await.expect("report");
    pathways_store::housing::reserve(&tx, &Actor::default(), open, None, now, today).await.expect("hold");
    let lapsed = create(&tx, &Actor::default(), &house("Lapsed House", -1), now).await.expect("residence");
    report(&tx, &Actor::default(), None, lapsed, 5, None, now).await.expect("report");
    tx.commit().await.expect("commit");

    let full = get(&app, &format!("/api/hsds/services/{id}")).await.json();
    let caps = full["capacities"].as_array().expect("capacities");
    assert_eq!(caps.len(), 1, "a house whose certificate lapsed is not offered: {caps:?}");
    assert_eq!((&caps[0]["available"], &caps[0]["maximum"]), (&2.into(), &8.into()), "a held bed is not available");
    let words = caps[0]["description"].as_str().expect("description");
    for fact in [
        "Maple House",
        "NARR level II (monitored)",
        "women with children",
        "opioid use disorder",
        "$175 a week",
        "Connecticut Alliance of Recovery Residences",
    ] {
        assert!(words.contains(fact), "{fact} missing from {words}");
    }

    // The same facts as HSDS attributes with terms of Pathways' own taxonomy, beside the listing's own attributes;
    // the lapsed house adds none.
    let attributes = full["attributes"].as_array().expect("attributes");
    let ours: Vec<&Value> = attributes.iter().filter(|a| a["link_type"] == "recovery_residence").collect();
    let codes: Vec<&str> = ours.iter().filter_map(|a| a["taxonomy_term"]["code"].as_str()).collect();
    assert_eq!(
        codes,
        [
            "narr-level:II",
            "serves:women",
            "serves:women_with_children",
            "moud:welcome",
            "certification:body",
            "certification:number",
            "certification:valid-through"
        ],
        "Maple House's facts only (Lapsed House's certificate is not valid): {ours:?}"
    );
    assert!(attributes.len() > ours.len(), "the listing's own attributes stay");
    let level = ours[0];
    assert_eq!(
        (&level["value"], &level["link_id"], &level["link_entity"]),
        (&"II".into(), &Value::from(id.as_str()), &"service".into())
    );
    assert_eq!(level["taxonomy_term"]["taxonomy"], "Pathways recovery residence facts");
    assert_eq!(level["taxonomy_term_id"], level["taxonomy_term"]["id"]);
    let expires = (today + chrono::Duration::days(200)).to_string();
    assert_eq!(ours[6]["value"], Value::from(expires.as_str()));
    assert_eq!(ours[4]["value"], "Connecticut Alliance of Recovery Residences");

    // In a full list and under the organization too, made by the same function.
    let listed = get(&app, "/api/hsds/services?search=Sunrise&full=true").await.json();
    assert_eq!(listed["contents"][0]["attributes"], full["attributes"]);
    let org = full["organization"]["id"].as_str().expect("organization");
    let under = get(&app, &format!("/api/hsds/organizations/{org}?full_service=true")).await.json();
    let sunrise = under["services"].as_array().into_iter().flatten().find(|s| s["id"] == id.as_str());
    assert_eq!(sunrise.map(|s| &s["attributes"]), Some(&full["attributes"]));
    // A list of one-to-one fields carries no attributes.
    let summary = get(&app, "/api/hsds/services?search=Sunrise").await.json();
    assert!(summary["contents"][0].get("attributes").is_none());
}
