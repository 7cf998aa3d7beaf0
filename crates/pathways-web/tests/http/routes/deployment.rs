//! Pathways deployed in another state (issue 14): Arizona (`AZ`, America/Phoenix, no daylight saving time) with its
//! own access line regions. The finder looks a bare town up in Arizona, the capacity board offers Arizona's regions,
//! and check-up schedules and the line's clock keep Arizona's time.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use pathways_domain::Role;
use pathways_domain::deployment::{Deployment, Region};

use crate::util::TestApp;

fn arizona() -> Deployment {
    let region = |name: &str, places: &[&str]| Region {
        name: name.to_owned(),
        places: places.iter().map(|p| (*p).to_owned()).collect(),
    };
    Deployment {
        state: "AZ".into(),
        state_name: "Arizona".into(),
        time_zone: chrono_tz::America::Phoenix,
        regions: vec![region("Central Arizona", &["Phoenix", "85004"]), region("Southern Arizona", &["Tucson"])],
    }
}

async fn get(app: &TestApp, path: &str) -> crate::util::TestResponse {
    app.send(Request::get(path).body(Body::empty()).expect("request")).await
}

#[tokio::test]
async fn the_finder_looks_a_town_up_in_the_configured_state() {
    let az = TestApp::deployed(arizona()).await;
    let tucson = get(&az, "/api/v1/search?near=Tucson").await;
    assert_eq!(tucson.status, StatusCode::OK, "{}", tucson.body);
    let hartford = get(&az, "/api/v1/search?near=Hartford").await;
    assert_eq!(hartford.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", hartford.body);
    assert_eq!(hartford.error_fields(), ["near"]);

    // The default deployment is Connecticut's, as before.
    let ct = TestApp::new().await;
    assert_eq!(get(&ct, "/api/v1/search?near=Hartford").await.status, StatusCode::OK);
    assert_eq!(get(&ct, "/api/v1/search?near=Tucson").await.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_board_offers_the_configured_regions() {
    let az = TestApp::deployed(arizona()).await;
    let board = get(&az, "/capacity?region=southern+arizona").await;
    assert_eq!(board.status, StatusCode::OK, "{}", board.body);
    assert!(board.body.contains("<option value=\"Central Arizona\">"), "{}", board.body);
    assert!(board.body.contains("<option value=\"Southern Arizona\" selected>"), "{}", board.body);
    assert!(!board.body.contains("North Central"), "no Connecticut region");
    let near = get(&az, "/api/v1/capacity?near=Phoenix").await;
    assert_eq!(near.status, StatusCode::OK, "a town on the board is looked up in Arizona: {}", near.body);

    let ct = TestApp::new().await;
    assert!(!get(&ct, "/capacity").await.body.contains("Arizona"), "the default deployment names no region of its own");
}

#[tokio::test]
async fn check_up_windows_and_the_line_keep_the_configured_time() {
    let az = TestApp::deployed(arizona()).await;
    let coach = az.staff(az.org, Role::Coach).await;
    let p = az.person(az.org, "Desert Person", Some(coach.id)).await;
    let schedule = az.api(&coach, Method::GET, &format!("/api/v1/persons/{p}/schedule"), None).await;
    assert_eq!(schedule.status, StatusCode::OK, "{}", schedule.body);
    assert_eq!(schedule.json()["time_zone"], "America/Phoenix");
    let page = az.page(&coach, &format!("/persons/{p}/checkups")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);

    // The line's clock: a call taken now shows Arizona's time of day (UTC−7 all year).
    let line = az.staff(az.org, Role::AccessLine).await;
    let console = az.page(&line, "/access-line").await;
    assert_eq!(console.status, StatusCode::OK, "{}", console.body);
    let made = az
        .post_form(
            &line,
            "/access-line/calls",
            &[("caller_type", "person"), ("first_name", "Sam"), ("place", "Tucson")],
        )
        .await;
    assert!(made.status.is_redirection(), "{} {}", made.status, made.body);
    let call = az.page(&line, made.location()).await;
    let phoenix = chrono::Utc::now().with_timezone(&chrono_tz::America::Phoenix).format("%H:%M").to_string();
    let a_minute_on = (chrono::Utc::now() - chrono::Duration::minutes(1))
        .with_timezone(&chrono_tz::America::Phoenix)
        .format("%H:%M")
        .to_string();
    assert!(call.body.contains(&phoenix) || call.body.contains(&a_minute_on), "{phoenix}: {}", call.body);
}
