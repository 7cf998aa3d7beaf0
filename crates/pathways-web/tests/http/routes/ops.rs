//! `/healthz`, `/readyz`, `/metrics`, `/api/openapi.json`.

use axum::body::Body;
use axum::http::{Request, StatusCode};

use crate::util::TestApp;

#[tokio::test]
async fn health_readiness_and_metrics() {
    let app = TestApp::new().await;
    let get = |p: &str| Request::get(p).body(Body::empty()).expect("req");
    assert_eq!(app.send(get("/healthz")).await.body, "ok");
    let ready = app.send(get("/readyz")).await;
    assert_eq!((ready.status, ready.body.as_str()), (StatusCode::OK, "ready"));
    app.send(get("/")).await;
    let metrics = app.send(get("/metrics")).await;
    assert!(metrics.body.contains("pathways_http_requests_total"), "{}", metrics.body);
    assert!(metrics.body.contains("route=\"/\""));
    assert!(!metrics.body.contains("/persons/0"), "routes are templates, never ids");
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
