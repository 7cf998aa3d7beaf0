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

/// A new instance is not ready until its search index is built: `/readyz` answers 503 while `/healthz` (liveness)
/// answers; once the start-up build is done, `/readyz` is OK and a search is served from the built index.
#[tokio::test]
async fn readyz_is_503_until_the_search_index_is_built() {
    let app = TestApp::new().await;
    app.directory_service("Ready Recovery Center", "Ready Org", None).await;
    let get = |p: &str| Request::get(p).body(Body::empty()).expect("req");
    let before = app.send(get("/readyz")).await;
    assert_eq!(before.status, StatusCode::SERVICE_UNAVAILABLE, "{}", before.body);
    assert!(before.body.contains("search index"), "{}", before.body);
    assert_eq!(app.send(get("/healthz")).await.status, StatusCode::OK);
    assert!(!app.state.finder.is_ready());

    pathways_web::warm_up(app.state.clone()).await;
    assert!(app.state.finder.is_ready());
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
    assert_eq!(housing, &serde_json::json!(pathways_domain::checkup::HOUSING), "{housing}");
}
