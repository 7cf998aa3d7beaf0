//! Staff keep the directory: add and edit listings (each save a version), verify, retire and restore; the public
//! suggests corrections, which wait in a queue. Only directory editors and administrators reach these pages.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use pathways_domain::Role;

use crate::util::{Staff, TestApp, TestResponse, csrf_in, set_cookies};

async fn get(app: &TestApp, path: &str) -> TestResponse {
    app.send(Request::get(path).body(Body::empty()).expect("request")).await
}

fn listing_form<'a>(name: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("name", name),
        ("organization", "Capitol Region Recovery"),
        ("description", "Peer-run center with all-recovery meetings."),
        ("categories", "recovery-community-centers"),
        ("categories", "peer-recovery-coaching"),
        ("attributes", "cost:free"),
        ("attributes", "pathway:peer"),
        ("languages", "en"),
        ("languages", "es"),
        ("phone", "860-555-0177"),
        ("address", "1 Main St"),
        ("city", "Hartford"),
        ("state", "CT"),
        ("postal_code", "06103"),
        ("day_0", "2"),
        ("start_0", "18:00"),
        ("end_0", "19:30"),
    ];
    f.extend_from_slice(extra);
    f
}

fn id_from_location(resp: &TestResponse) -> String {
    resp.location().trim_start_matches("/directory/").trim_end_matches("/history").to_owned()
}

async fn add(app: &TestApp, editor: &Staff, name: &str) -> String {
    let made = app.post_form(editor, "/directory", &listing_form(name, &[])).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    id_from_location(&made)
}

#[tokio::test]
async fn only_directory_editors_and_admins_keep_the_directory() {
    let app = TestApp::new().await;
    for role in Role::ALL {
        let who = app.staff(app.org, role).await;
        let expected =
            if matches!(role, Role::Admin | Role::DirectoryEditor) { StatusCode::OK } else { StatusCode::FORBIDDEN };
        assert_eq!(app.page(&who, "/directory").await.status, expected, "{role}");
        assert_eq!(app.page(&who, "/directory/corrections").await.status, expected, "{role}");
    }
    let coach = app.staff(app.org, Role::Coach).await;
    let refused = app.post_form(&coach, "/directory", &listing_form("Sneaky", &[])).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(get(&app, "/directory").await.status, StatusCode::SEE_OTHER, "anyone else signs in first");
}

#[tokio::test]
async fn an_editor_adds_edits_verifies_retires_and_restores_a_listing_with_history() {
    let app = TestApp::new().await;
    let editor = app.staff(app.org, Role::DirectoryEditor).await;
    assert!(app.page(&editor, "/staff").await.body.contains("href=\"/directory\""), "in the navigation");

    let bad = app.post_form(&editor, "/directory", &listing_form("", &[("url", "ftp://x"), ("day_1", "9")])).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["href=\"#name\"", "href=\"#url\"", "href=\"#schedule\""] {
        assert!(bad.body.contains(field), "{field} named: {}", bad.body);
    }
    assert!(bad.body.contains("Peer-run center"), "what was typed is kept");

    let id = add(&app, &editor, "Hartford Recovery Center").await;
    // The finder has it at once, at its ZIP code's centre (no coordinates were given), and by category.
    let found = get(&app, "/api/v1/search?category=recovery-community-centers&near=06103").await.json();
    assert_eq!(found["results"][0]["name"], "Hartford Recovery Center", "{found}");
    assert_eq!(found["results"][0]["approximate"], true);
    let public = get(&app, &format!("/find/{id}")).await;
    assert!(public.body.contains("Tuesday 18:00–19:30") && public.body.contains("tel:+18605550177"), "{}", public.body);

    let edited = app
        .post_form(&editor, &format!("/directory/{id}"), &listing_form("Hartford Recovery Community Center", &[]))
        .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.body);
    let history = app.page(&editor, &format!("/directory/{id}/history")).await.body;
    assert!(history.contains("First version") && history.contains(">name<"), "{history}");
    assert_eq!(history.matches("<th scope=\"row\">").count(), 2, "two versions");
    let form = app.page(&editor, &format!("/directory/{id}/edit")).await.body;
    assert!(form.contains("value=\"Hartford Recovery Community Center\"") && form.contains("value=\"18:00\""));

    assert_eq!(app.post_form(&editor, &format!("/directory/{id}/verify"), &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.post_form(&editor, &format!("/directory/{id}/retire"), &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(get(&app, &format!("/find/{id}")).await.status, StatusCode::NOT_FOUND, "retired: gone from the finder");
    assert_eq!(get(&app, "/api/v1/search?q=hartford+recovery").await.json()["total"], 0);
    assert!(app.page(&editor, "/directory?show=retired").await.body.contains("Hartford Recovery Community Center"));
    assert_eq!(app.post_form(&editor, &format!("/directory/{id}/restore"), &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(get(&app, &format!("/find/{id}")).await.status, StatusCode::OK);
    assert_eq!(app.post_form(&editor, &format!("/directory/{id}/explode"), &[]).await.status, StatusCode::NOT_FOUND);
    let actions = app.audit_actions().await;
    assert!(actions.iter().filter(|(a, _, _)| a == "directory_change").count() >= 5);
}

#[tokio::test]
async fn the_public_suggests_a_correction_and_staff_resolve_it() {
    let app = TestApp::new().await;
    let editor = app.staff(app.org, Role::DirectoryEditor).await;
    let id = add(&app, &editor, "Corrected Center").await;

    // A visitor, not signed in, with the form's token and cookie as a browser has them.
    let page = get(&app, &format!("/find/{id}")).await;
    assert!(page.body.contains("Suggest a correction"));
    let cookie = set_cookies(&page.headers).join("; ");
    let csrf = csrf_in(&page.body);
    let send = |message: &'static str| {
        let body = serde_urlencoded::to_string([("csrf", csrf.as_str()), ("message", message), ("contact", "")])
            .expect("form");
        Request::post(format!("/find/{id}/corrections"))
            .header(header::COOKIE, &cookie)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .expect("request")
    };
    let sent = app.send(send("The meeting moved to Wednesday")).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(sent.location(), format!("/find/{id}"));
    assert_eq!(app.send(send("   ")).await.status, StatusCode::UNPROCESSABLE_ENTITY, "words are needed");
    for _ in 0..4 {
        assert_eq!(app.send(send("Again")).await.status, StatusCode::SEE_OTHER);
    }
    assert_eq!(app.send(send("One too many")).await.status, StatusCode::TOO_MANY_REQUESTS, "five per ten minutes");

    let queue = app.page(&editor, "/directory/corrections").await.body;
    assert!(queue.contains("The meeting moved to Wednesday") && queue.contains("Corrected Center"));
    assert!(app.page(&editor, "/directory?show=corrections").await.body.contains("Corrected Center"));
    let first = queue.split("/directory/corrections/").nth(1).and_then(|s| s.split('"').next()).expect("an item");
    let closed = app.post_form(&editor, &format!("/directory/corrections/{first}"), &[("status", "resolved")]).await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let again = app.post_form(&editor, &format!("/directory/corrections/{first}"), &[("status", "resolved")]).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "already closed");
    let odd = app.post_form(&editor, &format!("/directory/corrections/{first}"), &[("status", "maybe")]).await;
    assert_eq!(odd.status, StatusCode::BAD_REQUEST);
}
