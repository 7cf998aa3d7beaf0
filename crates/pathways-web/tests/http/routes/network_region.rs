//! The state view (issue 17): a state agency's administrator records each member organization's region on the
//! network page — trimmed, spelled as an already recorded region when it is one, blank to clear, a bad name named
//! (422) — audited; the state's people-served report then groups the organizations by it. Nobody else records one.

use axum::http::StatusCode;
use pathways_domain::org::{OrgKind, Slug};
use pathways_domain::outcomes::network::Side;
use pathways_domain::{OrgId, Role};
use pathways_store::{network, orgs};

use crate::util::TestApp;

async fn region_of(app: &TestApp, org: OrgId) -> Option<String> {
    orgs::find(app.db.store.reader(), org).await.expect("find").expect("org").region
}

#[tokio::test]
async fn a_state_administrator_records_each_members_region_and_the_report_groups_by_it() {
    let app = TestApp::new().await;
    let w = app.db.store.writer();
    let make = |slug: &'static str, name: &'static str, kind: OrgKind| async move {
        OrgId::from_uuid(orgs::create(w, &Slug::parse(slug).expect("slug"), name, kind).await.expect("org").id)
    };
    let state = make("state-agency", "State Agency", OrgKind::StateAgency).await;
    let east = make("east-rcc", "East RCC", OrgKind::RecoveryCommunityCenter).await;
    let west = make("west-rcc", "West RCC", OrgKind::RecoveryCommunityCenter).await;
    let home = orgs::find(app.db.store.reader(), app.org).await.expect("find").expect("org").slug;
    for member in [app.org, east] {
        network::confirm(w, state, member, Side::State).await.expect("asked");
        network::confirm(w, state, member, Side::Member).await.expect("confirmed");
    }
    let admin = app.staff(state, Role::Admin).await;
    let analyst = app.staff(state, Role::Analyst).await;

    let page = app.page(&admin, "/network").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&format!("<label for=\"region-{home}\">")), "{}", page.body);
    assert!(page.body.contains("id=\"region-east-rcc\""), "{}", page.body);
    let report = app.page(&analyst, "/reports/network/people-served").await;
    assert!(report.body.contains("Region not recorded"), "{}", report.body);

    let saved = app.post_form(&admin, "/network/region", &[("org", &home), ("region", "  North   Central ")]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(saved.location(), "/network");
    assert_eq!(region_of(&app, app.org).await.as_deref(), Some("North Central"));
    // Typed again another way, it is the region already recorded.
    let same = app.post_form(&admin, "/network/region", &[("org", "east-rcc"), ("region", "north central")]).await;
    assert_eq!(same.status, StatusCode::SEE_OTHER, "{}", same.body);
    assert_eq!(region_of(&app, east).await.as_deref(), Some("North Central"));
    let page = app.page(&admin, "/network").await;
    assert!(page.body.contains("value=\"North Central\"") && page.body.contains("<option value=\"North Central\">"));
    let report = app.page(&analyst, "/reports/network/people-served").await;
    assert!(report.body.contains("North Central") && !report.body.contains("Region not recorded"), "{}", report.body);

    // Too long: the page again with the problem, what was typed, and nothing changed.
    let long = "x".repeat(81);
    let bad = app.post_form(&admin, "/network/region", &[("org", "east-rcc"), ("region", &long)]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("href=\"#region-east-rcc\"") && bad.body.contains(&format!("value=\"{long}\"")));
    assert!(bad.body.contains("aria-invalid=\"true\""), "{}", bad.body);
    assert_eq!(region_of(&app, east).await.as_deref(), Some("North Central"));
    // An organization outside the state's network, or none: a field error, never a 500.
    for other in ["west-rcc", "no-such-org", "state-agency"] {
        let r = app.post_form(&admin, "/network/region", &[("org", other), ("region", "South")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{other}: {}", r.body);
    }
    assert_eq!(region_of(&app, west).await, None);
    // Blank clears it.
    let cleared = app.post_form(&admin, "/network/region", &[("org", "east-rcc"), ("region", "  ")]).await;
    assert_eq!(cleared.status, StatusCode::SEE_OTHER);
    assert_eq!(region_of(&app, east).await, None);

    // Only the state's administrators: the member's own administrator and the state's analyst are refused, audited.
    let member_admin = app.staff(app.org, Role::Admin).await;
    let r = app.post_form(&member_admin, "/network/region", &[("org", "state-agency"), ("region", "Mine")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app.post_form(&analyst, "/network/region", &[("org", &home), ("region", "Mine")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(region_of(&app, app.org).await.as_deref(), Some("North Central"));

    let actions = app.audit_actions().await;
    let recorded: Vec<_> = actions.iter().filter(|(a, o, _)| a == "network_region" && o == "success").collect();
    assert_eq!(recorded.len(), 3, "{recorded:?}");
    assert_eq!(recorded[0].2, Some(app.org.as_uuid()), "the organization is the entity");
    assert_eq!(actions.iter().filter(|(a, o, _)| a == "access_denied" && o == "denied").count(), 2);
}
