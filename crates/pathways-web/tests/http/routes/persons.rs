//! `/persons` pages: add, validate, edit, assign.

use axum::http::{Method, StatusCode};
use pathways_domain::Role;

use crate::util::TestApp;

#[tokio::test]
async fn a_coach_adds_a_person_who_lands_on_their_caseload() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let form = app.page(&coach, "/persons/new").await;
    assert_eq!(form.status, StatusCode::OK);
    for label in ["Preferred name", "Pronouns", "Date of birth", "Phone", "Email", "Preferred language"] {
        assert!(form.body.contains(&format!(">{label}</label>")), "label {label}");
    }
    assert!(!form.body.contains("Assigned coach"), "a coach does not choose the coach");

    let created = app
        .post_form(
            &coach,
            "/persons",
            &[
                ("preferred_name", "  Ana Ruiz "),
                ("pronouns", "she/her"),
                ("date_of_birth", "1988-02-29"),
                ("phone", "(860) 555-0199"),
                ("preferred_language", "es"),
                ("assigned_coach", "ignored"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let location = created.location().to_owned();
    assert!(location.starts_with("/persons/"));
    assert!(created.header("set-cookie").contains("pathways_flash=flash-saved"));

    let shown = app.page(&coach, &location).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.body.contains("<h1>Ana Ruiz</h1>"));
    assert!(shown.body.contains("+18605550199"));
    assert!(shown.body.contains("Español"));
    assert!(shown.body.contains("Test coach"), "assigned to the coach who added them");
    let id = location.trim_start_matches("/persons/");
    let json = app.api(&coach, Method::GET, &format!("/api/v1/persons/{id}"), None).await.json();
    assert_eq!(json["assigned_coach_id"], coach.id.to_string());
    assert_eq!(json["date_of_birth"], "1988-02-29");
}

#[tokio::test]
async fn invalid_input_is_shown_beside_each_field_and_nothing_is_saved() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let resp = app
        .post_form(
            &admin,
            "/persons",
            &[("preferred_name", ""), ("phone", "12"), ("email", "nope"), ("date_of_birth", "2999-01-01")],
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(resp.body.contains("role=\"alert\""));
    for (id, text) in [
        ("preferred_name", "This is required."),
        ("phone", "Enter a phone number"),
        ("email", "Enter an email address"),
        ("date_of_birth", "This date isn"),
    ] {
        assert!(resp.body.contains(&format!("id=\"{id}-error\"")), "{id} error element");
        assert!(resp.body.contains(&format!("href=\"#{id}\"")), "{id} in the summary");
        assert!(resp.body.contains(text), "{text}");
    }
    assert!(resp.body.contains("aria-invalid=\"true\""));
    assert!(resp.body.contains("value=\"nope\""), "what was typed is kept");
    let list = app.api(&admin, Method::GET, "/api/v1/persons", None).await.json();
    assert_eq!(list["total"], 0);
    // A form in Spanish reports in Spanish.
    app.send(
        axum::http::Request::get("/lang/es")
            .header("cookie", &admin.cookie)
            .body(axum::body::Body::empty())
            .expect("req"),
    )
    .await;
    let es = app.post_form(&admin, "/persons", &[("preferred_name", "")]).await;
    assert!(es.body.contains("Este dato es obligatorio."), "{}", es.body);
}

#[tokio::test]
async fn supervisors_assign_coaches_of_their_own_organization_only() {
    let app = TestApp::new().await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let coach = app.staff(app.org, Role::Coach).await;
    let outsider = app.staff(app.other_org, Role::Coach).await;
    let clinician = app.staff(app.org, Role::Clinician).await;
    let form = app.page(&supervisor, "/persons/new").await;
    assert!(form.body.contains("Assigned coach"));
    assert!(form.body.contains(&coach.id.to_string()));
    assert!(!form.body.contains(&outsider.id.to_string()), "other organizations' coaches are not offered");

    for bad in [outsider.id.to_string(), clinician.id.to_string(), "not-an-id".into()] {
        let resp = app.post_form(&supervisor, "/persons", &[("preferred_name", "Lee"), ("assigned_coach", &bad)]).await;
        assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(resp.body.contains("Choose a coach from your organization."));
    }
    let ok = app
        .post_form(&supervisor, "/persons", &[("preferred_name", "Lee"), ("assigned_coach", &coach.id.to_string())])
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let id = ok.location().trim_start_matches("/persons/").to_owned();
    // Now on the coach's caseload.
    assert_eq!(app.page(&coach, &format!("/persons/{id}")).await.status, StatusCode::OK);
    // Unassigning takes it off.
    let edit = app
        .post_form(&supervisor, &format!("/persons/{id}"), &[("preferred_name", "Lee"), ("assigned_coach", "")])
        .await;
    assert_eq!(edit.status, StatusCode::SEE_OTHER);
    assert_eq!(app.page(&coach, &format!("/persons/{id}")).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_caseload_searches_and_pages() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    for i in 0..30 {
        app.person(app.org, &format!("Person {i:02}"), Some(coach.id)).await;
    }
    app.person(app.org, "Zelda Search", Some(coach.id)).await;
    let first = app.page(&coach, "/persons").await;
    assert!(first.body.contains("Your caseload"));
    assert!(first.body.contains("31 people."));
    assert!(first.body.contains("Person 00") && !first.body.contains("Person 29"));
    assert!(first.body.contains("rel=\"next\""));
    let second = app.page(&coach, "/persons?page=2").await;
    assert!(second.body.contains("Person 29") && second.body.contains("rel=\"prev\""));
    let found = app.page(&coach, "/persons?q=zel").await;
    assert!(found.body.contains("Zelda Search") && found.body.contains("One person."));
    let garbage = app.page(&coach, "/persons?page=-4&q=%25").await;
    assert_eq!(garbage.status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_ids_and_bad_ids_are_not_found() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    for path in ["/persons/not-a-uuid", "/persons/01900000-0000-7000-8000-000000000000", "/persons/x/edit", "/nowhere"]
    {
        let resp = app.page(&admin, path).await;
        assert_eq!(resp.status, StatusCode::NOT_FOUND, "{path}");
        assert!(resp.body.contains("<h1>Page not found</h1>"), "{path}: an HTML page");
    }
}
