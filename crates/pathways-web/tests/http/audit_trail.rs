//! The audit trail: append-only on both backends, hash-chained, and `verify` names the first altered row.

use axum::http::Method;
use pathways_domain::Role;
use pathways_store::sea_orm::{ConnectionTrait, DbBackend};

use crate::util::TestApp;

async fn some_traffic(app: &TestApp) {
    let coach = app.staff(app.org, Role::Coach).await;
    let admin = app.staff(app.org, Role::Admin).await;
    let p = app.person(app.org, "Audit Person", Some(coach.id)).await;
    for _ in 0..3 {
        app.page(&coach, &format!("/persons/{p}")).await;
        app.api(&admin, Method::GET, &format!("/api/v1/persons/{p}"), None).await;
    }
    app.api(&coach, Method::GET, &format!("/api/v1/persons/{}", uuid::Uuid::now_v7()), None).await;
    app.page(&admin, "/persons").await;
}

#[tokio::test]
async fn verify_passes_after_traffic_and_names_an_altered_row() {
    let app = TestApp::new().await;
    some_traffic(&app).await;
    let store = &app.db.store;
    let v = pathways_store::audit::verify(store.reader(), None).await.expect("verify");
    assert!(v.broken.is_none(), "{:?}", v.broken);
    assert!(v.checked >= 8, "only {} events", v.checked);

    // Altering a row by hand needs the append-only trigger dropped first.
    let db = store.writer();
    let backend = db.get_database_backend();
    let tamper = "UPDATE audit_event SET outcome = 'denied' WHERE seq = 4";
    assert!(db.execute_unprepared(tamper).await.is_err(), "the trigger must refuse UPDATE");
    assert!(
        db.execute_unprepared("DELETE FROM audit_event WHERE seq = 4").await.is_err(),
        "the trigger must refuse DELETE"
    );
    match backend {
        DbBackend::Postgres => db.execute_unprepared("DROP TRIGGER audit_event_no_change ON audit_event").await,
        _ => db.execute_unprepared("DROP TRIGGER audit_event_no_update").await,
    }
    .expect("drop trigger");
    db.execute_unprepared(tamper).await.expect("tamper");
    let v = pathways_store::audit::verify(store.reader(), None).await.expect("verify");
    let broken = v.broken.expect("the chain is broken").to_string();
    assert!(broken.contains("#4"), "{broken}");
    assert_eq!(v.checked, 3);
}

#[tokio::test]
async fn two_server_instances_extend_one_chain() {
    let app = TestApp::new().await;
    let second = app.second_instance().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let p = app.person(app.org, "Shared Person", None).await;
    let mut handles = Vec::new();
    for i in 0..20 {
        let router = if i % 2 == 0 { app.router.clone() } else { second.clone() };
        let req = axum::http::Request::get(format!("/api/v1/persons/{p}"))
            .header("authorization", format!("Bearer {}", admin.token))
            .body(axum::body::Body::empty())
            .expect("request");
        handles.push(tokio::spawn(async move { crate::util::send_to(&router, req).await.status }));
    }
    for h in handles {
        assert_eq!(h.await.expect("join"), axum::http::StatusCode::OK);
    }
    let v = pathways_store::audit::verify(app.db.store.reader(), None).await.expect("verify");
    assert!(v.broken.is_none(), "{:?}", v.broken);
    let reads = app.audit_actions().await.iter().filter(|(a, _, _)| a == "person_read").count();
    assert_eq!(reads, 20);
}
