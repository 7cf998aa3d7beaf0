//! `/healthz`, `/readyz`, `/metrics`, `/api/openapi.json`.

use axum::body::Body;
use axum::http::{Request, StatusCode};

use crate::util::TestApp;

#[tokio::test]
async fn health_readiness_and_metrics() {
    let app = TestApp::new().await;
    let get = |p: &str| Request::get(p).body(Body::empty()).expect("req");
    assert_eq!(app.send(get("/healthz")).await.body, "ok");
    pathways_web::warm_up(app.state.clone()).await;
    let ready = app.send(get("/readyz")).await;
    assert_eq!((ready.status, ready.body.as_str()), (StatusCode::OK, "ready"));
    app.send(get("/")).await;
    let metrics = app.send(get("/metrics")).await;
    assert!(metrics.body.contains("pathways_http_requests_total"), "{}", metrics.body);
    assert!(metrics.body.contains("route=\"/\""));
    assert!(!metrics.body.contains("/persons/0"), "routes are templates, never ids");
}

/// With `metrics_token` set, the metrics answer only the scraper that presents it (Prometheus's bearer
/// credentials); without it, or with another token, 401 and nothing of the figures.
#[tokio::test]
async fn metrics_with_a_token_answer_only_the_scraper_that_presents_it() {
    let token = "m".repeat(40);
    let app = TestApp::configured(|c| c.metrics_token = Some(token.clone().into())).await;
    app.send(Request::get("/").body(Body::empty()).expect("req")).await;
    let scrape = |auth: Option<String>| {
        let mut r = Request::get("/metrics");
        if let Some(a) = auth {
            r = r.header("authorization", a);
        }
        r.body(Body::empty()).expect("req")
    };
    for wrong in
        [None, Some("Bearer wrong".to_owned()), Some(format!("Basic {token}")), Some(format!("Bearer {token}x"))]
    {
        let refused = app.send(scrape(wrong.clone())).await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "{wrong:?}");
        assert!(refused.header("www-authenticate").starts_with("Bearer"), "{wrong:?}");
        assert!(!refused.body.contains("pathways_http_requests_total"), "{wrong:?}");
    }
    let scraped = app.send(scrape(Some(format!("Bearer {token}")))).await;
    assert_eq!(scraped.status, StatusCode::OK);
    assert!(scraped.body.contains("pathways_http_requests_total"), "{}", scraped.body);
}

/// A new instance is not ready until its search index and the community calendar's snapshot are built: `/readyz`
/// answers 503 while `/healthz` (liveness) answers; once the start-up build is done, `/readyz` is OK and a search is
/// served from the built index.
#[tokio::test]
async fn readyz_is_503_until_the_search_index_and_the_calendar_are_built() {
    let app = TestApp::new().await;
    app.directory_service("Ready Recovery Center", "Ready Org", None).await;
    let get = |p: &str| Request::get(p).body(Body::empty()).expect("req");
    let before = app.send(get("/readyz")).await;
    assert_eq!(before.status, StatusCode::SERVICE_UNAVAILABLE, "{}", before.body);
    assert!(before.body.contains("search index"), "{}", before.body);
    assert_eq!(app.send(get("/healthz")).await.status, StatusCode::OK);
    assert!(!app.state.finder.is_ready());

    // The index alone is not enough: a search also shows the community calendar's gatherings.
    app.state.finder.rebuild(&app.state.store).await.expect("index");
    let half = app.send(get("/readyz")).await;
    assert_eq!(half.status, StatusCode::SERVICE_UNAVAILABLE, "{}", half.body);
    assert!(half.body.contains("community calendar"), "{}", half.body);

    pathways_web::warm_up(app.state.clone()).await;
    assert!(app.state.finder.is_ready());
    assert!(app.state.calendar.is_built());
    let after = app.send(get("/readyz")).await;
    assert_eq!((after.status, after.body.as_str()), (StatusCode::OK, "ready"));
    let found = app.send(get("/api/v1/search?q=ready")).await.json();
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(found["total_at_least"], false);
    assert_eq!(found["results"][0]["name"], "Ready Recovery Center");
}

#[tokio::test]
async fn the_openapi_description_is_3_1_and_lists_the_person_routes() {
    let app = TestApp::new().await;
    let doc = app.send(Request::get("/api/openapi.json").body(Body::empty()).expect("req")).await.json();
    assert!(doc["openapi"].as_str().unwrap_or_default().starts_with("3.1"));
    for path in ["/api/v1/persons", "/api/v1/persons/{id}"] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    assert!(doc["paths"]["/api/v1/persons/{id}"]["patch"].is_object());
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
}

/// Each route is declared once, with its description: every operation `/api/openapi.json` lists is mounted (its
/// method on its path answers something other than 404/405 — a bad id or a missing token is fine), and a parameter
/// is a path parameter only when the path names it (a client generated from the description builds real URLs).
#[tokio::test]
async fn every_described_operation_is_served_and_its_parameters_are_where_it_says() {
    let app = TestApp::new().await;
    let doc = app.send(Request::get("/api/openapi.json").body(Body::empty()).expect("req")).await.json();
    let paths = doc["paths"].as_object().expect("paths");
    assert!(paths.len() >= 31, "{} paths", paths.len());
    let mut operations = 0;
    for (path, item) in paths {
        for (method, op) in item.as_object().expect("a path item") {
            let Ok(method) = method.to_uppercase().parse::<axum::http::Method>() else { continue };
            operations += 1;
            for p in op["parameters"].as_array().into_iter().flatten() {
                if p["in"] == "path" {
                    let name = p["name"].as_str().unwrap_or_default();
                    assert!(path.contains(&format!("{{{name}}}")), "{method} {path}: {name} is not in the path");
                }
            }
            let uri = path
                .replace("{id}", "00000000-0000-0000-0000-000000000000")
                .replace("{item}", "00000000-0000-0000-0000-000000000000");
            let resp = app
                .send(
                    Request::builder()
                        .method(method.clone())
                        .uri(&uri)
                        .header("content-type", "application/json")
                        .body(Body::from("{}"))
                        .expect("req"),
                )
                .await;
            // An unknown id may answer 404; a path without an id may not, and no described method may be refused.
            let unmounted = resp.status == StatusCode::METHOD_NOT_ALLOWED
                || (resp.status == StatusCode::NOT_FOUND && !path.contains('{'));
            assert!(!unmounted, "{method} {uri} answers {}", resp.status);
        }
    }
    assert!(operations >= 40, "{operations} operations");
}

/// The capacity, transport, check-up and check-in bodies are described field by field (a generated client gets a
/// real type), the check-up's codes from the domain's own lists.
#[tokio::test]
async fn request_bodies_have_schemas() {
    let app = TestApp::new().await;
    let doc = app.send(Request::get("/api/openapi.json").body(Body::empty()).expect("req")).await.json();
    for (path, method, schema) in [
        ("/api/v1/programs/{id}/capacity", "post", "CapacityUpdate"),
        ("/api/v1/programs/{id}/reservations", "post", "ReservationBody"),
        ("/api/v1/transport-requests", "post", "RideCreate"),
        ("/api/v1/transport-requests/{id}", "patch", "RidePatch"),
        ("/api/v1/persons/{id}/checkups", "post", "CheckupCreate"),
        ("/api/v1/persons/{id}/checkins", "post", "CheckinCreate"),
    ] {
        let body = &doc["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"];
        // An optional body is `oneOf: [null, the schema]`.
        let body = body["oneOf"].as_array().and_then(|o| o.iter().find(|s| s.get("$ref").is_some())).unwrap_or(body);
        assert_eq!(body["$ref"], format!("#/components/schemas/{schema}"), "{method} {path}: {body}");
        let properties = &doc["components"]["schemas"][schema]["properties"];
        assert!(properties.as_object().is_some_and(|p| !p.is_empty()), "{schema}: {properties}");
    }
    let create = &doc["components"]["schemas"]["RideCreate"];
    let required: Vec<&str> = create["required"].as_array().into_iter().flatten().filter_map(|v| v.as_str()).collect();
    assert!(["call_id", "pickup", "destination", "within_hours"].iter().all(|f| required.contains(f)), "{required:?}");
    let housing = &doc["components"]["schemas"]["CheckupCreate"]["properties"]["housing"]["enum"];
    let mut codes: Vec<serde_json::Value> =
        pathways_domain::checkup::HOUSING.iter().map(|c| serde_json::json!(c)).collect();
    codes.extend([serde_json::json!(""), serde_json::Value::Null]);
    assert_eq!(housing, &serde_json::Value::Array(codes), "the codes, or left out: {housing}");
}

/// Follows `$ref`s into the components.
fn resolve<'a>(doc: &'a serde_json::Value, schema: &'a serde_json::Value) -> &'a serde_json::Value {
    match schema["$ref"].as_str().and_then(|r| r.strip_prefix("#/components/schemas/")) {
        Some(name) => &doc["components"]["schemas"][name],
        None => schema,
    }
}

/// Every object in a schema names its properties (no bare `{"type": "object"}` a generated client can only
/// treat as a map); `at` says where, for the failure message.
fn assert_described(doc: &serde_json::Value, schema: &serde_json::Value, at: &str, depth: usize) {
    assert!(depth < 12, "{at}: too deep (a cycle?)");
    let schema = resolve(doc, schema);
    let is_object =
        schema["type"] == "object" || schema["type"].as_array().is_some_and(|t| t.contains(&"object".into()));
    if is_object {
        let properties = schema["properties"].as_object();
        assert!(properties.is_some_and(|p| !p.is_empty()), "{at} is an object without its fields: {schema}");
        for (name, p) in properties.into_iter().flatten() {
            assert_described(doc, p, &format!("{at}.{name}"), depth + 1);
        }
    }
    if schema.get("items").is_some() {
        assert_described(doc, &schema["items"], &format!("{at}[]"), depth + 1);
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        for s in schema[key].as_array().into_iter().flatten() {
            assert_described(doc, s, at, depth + 1);
        }
    }
}

/// A client can be generated from the description: every request body is described field by field, down to the
/// plan's goals and their steps; every whole-number query parameter states both of its bounds (a number outside
/// them is refused with 400, never clamped); and a code is one of the codes the domain reads.
#[tokio::test]
async fn every_request_body_and_query_number_is_described_with_its_bounds() {
    let app = TestApp::new().await;
    let doc = app.send(Request::get("/api/openapi.json").body(Body::empty()).expect("req")).await.json();
    let mut bodies = 0;
    let mut numbers = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("a path item") {
            if let Some(content) = op["requestBody"]["content"].as_object() {
                for (media, c) in content {
                    bodies += 1;
                    assert_described(&doc, &c["schema"], &format!("{method} {path} ({media})"), 0);
                }
            }
            for p in op["parameters"].as_array().into_iter().flatten() {
                let schema = resolve(&doc, &p["schema"]);
                if p["in"] == "query" && schema["type"] == "integer" {
                    numbers += 1;
                    let name = p["name"].as_str().unwrap_or_default();
                    assert!(
                        schema["minimum"].is_number() && schema["maximum"].is_number(),
                        "{method} {path} ?{name}: {schema}"
                    );
                    assert!(
                        schema["maximum"].as_i64().is_some(),
                        "{method} {path} ?{name}: an exact maximum: {schema}"
                    );
                }
            }
        }
    }
    assert!(bodies >= 15 && numbers >= 20, "{bodies} bodies, {numbers} numbers");
    let plan = resolve(&doc, &doc["components"]["schemas"]["PlanPut"]["properties"]["plan"]);
    let goal = &plan["properties"]["goals"]["items"];
    let dimensions = &goal["properties"]["dimension"]["enum"];
    assert_eq!(dimensions, &serde_json::json!(["health", "home", "purpose", "community"]), "{goal}");
    assert_eq!(goal["properties"]["steps"]["maxItems"], pathways_domain::plan::MAX_STEPS, "{goal}");
    let offset = doc["paths"]["/api/v1/outreach"]["get"]["parameters"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == "offset"))
        .map(|p| p["schema"].clone())
        .unwrap_or_default();
    assert_eq!(offset["maximum"], serde_json::json!(i64::MAX), "2^63 - 1 exactly, not a float: {offset}");
}

/// Query numbers out of their bounds are refused (400 `bad_query`, naming the parameter) instead of being
/// clamped or wrapping: `per_page=101`, `limit=0`, an offset of 2^63; an unknown referral box too. Whole numbers
/// written `4.0` in a JSON body are read as the integers JSON Schema says they are.
#[tokio::test]
async fn query_numbers_out_of_bounds_are_refused_not_clamped() {
    use axum::http::Method;
    use pathways_domain::Role;
    let app = TestApp::new().await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    for (path, parameter) in [
        ("/api/v1/persons?per_page=101", "per_page"),
        ("/api/v1/persons?page=0", "page"),
        ("/api/v1/outreach?limit=0", "limit"),
        ("/api/v1/outreach?offset=9223372036854775808", "offset"),
        ("/api/v1/outreach?limit=abc", "limit"),
        ("/api/v1/referrals?box=archived", "box"),
        ("/api/v1/reports/people-served?year=1999", "year"),
    ] {
        let r = app.api(&supervisor, Method::GET, path, None).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{path}: {}", r.body);
        let error = &r.json()["error"];
        assert_eq!(error["code"], "bad_query", "{path}: {error}");
        assert!(error["detail"].as_str().is_some_and(|d| d.contains(parameter)), "{path} names {parameter}: {error}");
    }
    for path in [
        "/api/v1/persons?per_page=100&page=1",
        "/api/v1/outreach?limit=500&offset=9223372036854775807",
        "/api/v1/referrals?box=sent",
    ] {
        let r = app.api(&supervisor, Method::GET, path, None).await;
        assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.body);
    }
    let page = app.api(&supervisor, Method::GET, "/api/v1/persons?per_page=100", None).await.json();
    assert_eq!(page["per_page"], 100, "the page size asked for, not another");

    let huge = app.api(&supervisor, Method::GET, "/fhir/r4/Patient?_offset=9223372036854775808", None).await;
    assert_eq!(huge.status, StatusCode::BAD_REQUEST, "{}", huge.body);
    assert_eq!(huge.json()["resourceType"], "OperationOutcome");

    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Whole Numbers", Some(coach.id)).await;
    let checkin = serde_json::json!({"mood": 4.0, "craving": 2.0, "meetings_attended": 3.0, "safe": true});
    let made = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/checkins"), Some(checkin)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    assert_eq!(made.json()["mood"], 4);
    let half = serde_json::json!({"mood": 4.5, "craving": 2, "safe": true});
    let refused = app.api(&coach, Method::POST, &format!("/api/v1/persons/{p}/checkins"), Some(half)).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
}
