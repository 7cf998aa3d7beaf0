//! The state view (issue 17): a state agency's network, confirmed by both administrators, and the network's
//! people-served figures — by organization, by region and the trend by quarter — on a fixture worked out by
//! hand; aggregates only, and never a person's record.

use axum::http::{Method, StatusCode};
use pathways_domain::org::{OrgKind, Slug};
use pathways_domain::outcomes::network::{network_links, suppress_network};
use pathways_domain::outcomes::{Cell, SuppressedTable, derivable, suppress};
use pathways_domain::{OrgId, Role};
use pathways_store::{network, orgs};

use super::reports::{d, episodes};
use crate::util::TestApp;

async fn org(app: &TestApp, slug: &str, name: &str, kind: OrgKind, region: Option<&str>) -> OrgId {
    let w = app.db.store.writer();
    let o = orgs::create(w, &Slug::parse(slug).expect("slug"), name, kind).await.expect("org");
    let id = OrgId::from_uuid(o.id);
    network::set_region(w, id, region).await.expect("region");
    id
}

fn cell(v: &serde_json::Value) -> String {
    match v["status"].as_str() {
        Some("shown") => v["value"].as_u64().map(|n| n.to_string()).unwrap_or_default(),
        Some(other) => other.to_owned(),
        None => "?".into(),
    }
}

fn json_cell(c: Cell) -> String {
    match c {
        Cell::Shown(n) => n.to_string(),
        Cell::FewerThan11 => "fewer_than_11".into(),
        Cell::Hidden => "hidden".into(),
    }
}

#[tokio::test]
async fn both_administrators_confirm_either_may_leave_and_every_step_is_audited() {
    let app = TestApp::new().await;
    let state = org(&app, "state-agency", "State Agency", OrgKind::StateAgency, None).await;
    let state_admin = app.staff(state, Role::Admin).await;
    let org_admin = app.staff(app.org, Role::Admin).await;
    let slug = orgs::find(app.db.store.reader(), app.org).await.expect("find").expect("org").slug;

    // The state asks; the organization sees the request and confirms.
    let asked = app.post_form(&state_admin, "/network/confirm", &[("org", &slug)]).await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.body);
    assert!(network::members(app.db.store.reader(), state).await.expect("members").is_empty(), "one side only");
    let page = app.page(&org_admin, "/network").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("State Agency") && page.body.contains("Asked you to confirm"), "{}", page.body);
    let confirmed = app.post_form(&org_admin, "/network/confirm", &[("org", "state-agency")]).await;
    assert_eq!(confirmed.status, StatusCode::SEE_OTHER);
    assert_eq!(network::members(app.db.store.reader(), state).await.expect("members").len(), 1);

    // Not an organization one may pair with: a field error, never a 500.
    let bad = app.post_form(&org_admin, "/network/confirm", &[("org", "no-such-org")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let other_slug = orgs::find(app.db.store.reader(), app.other_org).await.expect("find").expect("org").slug;
    let same_side = app.post_form(&org_admin, "/network/confirm", &[("org", &other_slug)]).await;
    assert_eq!(same_side.status, StatusCode::UNPROCESSABLE_ENTITY, "two organizations that are not states");
    // Only administrators manage the network.
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    assert_eq!(app.page(&supervisor, "/network").await.status, StatusCode::FORBIDDEN);
    let refused = app.post_form(&supervisor, "/network/leave", &[("org", "state-agency")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // The organization leaves: the state no longer counts it.
    let left = app.post_form(&org_admin, "/network/leave", &[("org", "state-agency")]).await;
    assert_eq!(left.status, StatusCode::SEE_OTHER);
    assert!(network::members(app.db.store.reader(), state).await.expect("members").is_empty());
    let again = app.post_form(&org_admin, "/network/leave", &[("org", "state-agency")]).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);

    let actions: Vec<String> = app.audit_actions().await.into_iter().map(|(a, _, _)| a).collect();
    assert_eq!(actions.iter().filter(|a| *a == "network_confirm").count(), 2);
    assert_eq!(actions.iter().filter(|a| *a == "network_leave").count(), 1);
}

#[tokio::test]
async fn the_state_sees_its_networks_figures_side_by_side_and_never_a_person() {
    let app = TestApp::new().await;
    let state = org(&app, "state-agency", "State Agency", OrgKind::StateAgency, None).await;
    let w = app.db.store.writer();
    // Members: A (app.org) and B in "North", C (app.other_org) in "South", E with no region; D only asked.
    network::set_region(w, app.org, Some("North")).await.expect("region");
    network::set_region(w, app.other_org, Some("South")).await.expect("region");
    let b = org(&app, "org-b", "B Treatment", OrgKind::TreatmentProvider, Some("North")).await;
    let dd = org(&app, "org-d", "D Pending", OrgKind::RecoveryCommunityCenter, Some("North")).await;
    let e = org(&app, "org-e", "E Center", OrgKind::RecoveryCommunityCenter, None).await;
    for m in [app.org, b, app.other_org, e] {
        network::confirm(w, state, m, pathways_domain::outcomes::network::Side::State).await.expect("ask");
        network::confirm(w, state, m, pathways_domain::outcomes::network::Side::Member).await.expect("confirm");
    }
    network::confirm(w, state, dd, pathways_domain::outcomes::network::Side::State).await.expect("ask only");

    // Fiscal year 2026: 1 July 2025 – 30 June 2026.
    episodes(&app, app.org, 12, d(2025, 7, 10), d(2025, 12, 20)).await; // A: Q1 new, Q2 continuing
    episodes(&app, b, 11, d(2025, 10, 5), d(2026, 2, 1)).await; // B: Q2 new, Q3 continuing
    episodes(&app, app.other_org, 20, d(2026, 1, 15), d(2026, 5, 1)).await; // C: Q3 new, Q4 continuing
    episodes(&app, e, 3, d(2026, 4, 10), d(2026, 4, 20)).await; // E: Q4 new (a small cell)
    episodes(&app, dd, 30, d(2025, 7, 1), d(2025, 9, 1)).await; // D: not confirmed, not counted
    // By hand, per quarter (Q1, Q2, Q3, Q4):
    //   A [12, 12, 0, 0]; B [0, 11, 11, 0]; C [0, 0, 20, 20]; E [0, 0, 0, 3].
    //   North (A + B) [12, 23, 11, 0]; South (C) [0, 0, 20, 20]; not recorded (E) [0, 0, 0, 3].
    //   Trend: Q1 new 12, continuing 0; Q2 new 11, continuing 12; Q3 new 20, continuing 11; Q4 new 3,
    //   continuing 20.
    let admin = app.staff(state, Role::Admin).await;
    let r = app.api(&admin, Method::GET, "/api/v1/reports/network/people-served?year=2026", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let j = r.json();
    let a_name = orgs::find(app.db.store.reader(), app.org).await.expect("find").expect("org").name;
    let c_name = orgs::find(app.db.store.reader(), app.other_org).await.expect("find").expect("org").name;
    let mut by_name: Vec<(String, Vec<u64>)> = vec![
        (a_name, vec![12, 12, 0, 0]),
        ("B Treatment".into(), vec![0, 11, 11, 0]),
        (c_name.clone(), vec![0, 0, 20, 20]),
        ("E Center".into(), vec![0, 0, 0, 3]),
    ];
    by_name.sort_by(|x, y| x.0.cmp(&y.0));
    // The three tables are suppressed together: organizations (sorted by name), regions North, South, not
    // recorded, and the trend.
    let region_of: Vec<usize> = by_name
        .iter()
        .map(|x| {
            if x.0 == c_name {
                1
            } else if x.0 == "E Center" {
                2
            } else {
                0
            }
        })
        .collect();
    let by_org: Vec<[u64; 4]> = by_name.iter().map(|x| [x.1[0], x.1[1], x.1[2], x.1[3]]).collect();
    let trend_counts = [[12, 0], [11, 12], [20, 11], [3, 20]];
    let joint = suppress_network(&by_org, &region_of, &trend_counts);
    // Suppressed table by table (as before), a figure hidden in one table could be worked out from the others.
    let apart = vec![
        suppress(&by_name.iter().map(|x| x.1.clone()).collect::<Vec<_>>()),
        suppress(&[vec![12, 23, 11, 0], vec![0, 0, 20, 20], vec![0, 0, 0, 3]]),
        suppress(&[vec![12, 0], vec![11, 12], vec![20, 11], vec![3, 20]]),
    ];
    let links = network_links(&region_of, 3, 4);
    assert!(!derivable(&apart, &links).expect("links").is_empty(), "apart, the tables give figures away");
    let expected = joint.by_org.clone();
    let got: Vec<(String, Vec<String>)> = j["organizations"]
        .as_array()
        .expect("organizations")
        .iter()
        .map(|o| {
            (
                o["name"].as_str().unwrap_or("").to_owned(),
                o["quarters"].as_array().expect("q").iter().map(cell).collect(),
            )
        })
        .collect();
    let want: Vec<(String, Vec<String>)> = by_name
        .iter()
        .zip(&expected.cells)
        .map(|(x, cells)| (x.0.clone(), cells.iter().map(|c| json_cell(*c)).collect()))
        .collect();
    assert_eq!(got, want, "D Pending is not in the network");
    let e_row = got.iter().find(|x| x.0 == "E Center").expect("E");
    assert_eq!(e_row.1[3], "fewer_than_11", "3 persons are never shown");

    let regions: Vec<(Option<String>, Vec<String>)> = j["regions"]
        .as_array()
        .expect("regions")
        .iter()
        .map(|o| {
            (o["name"].as_str().map(str::to_owned), o["quarters"].as_array().expect("q").iter().map(cell).collect())
        })
        .collect();
    let expected = joint.by_region.clone();
    let names = [Some("North".to_owned()), Some("South".to_owned()), None];
    let want: Vec<(Option<String>, Vec<String>)> = names
        .iter()
        .zip(&expected.cells)
        .map(|(n, cells)| (n.clone(), cells.iter().map(|c| json_cell(*c)).collect()))
        .collect();
    assert_eq!(regions, want);

    let trend: Vec<(String, String, String)> = j["trend"]
        .as_array()
        .expect("trend")
        .iter()
        .map(|q| (cell(&q["new"]), cell(&q["continuing"]), cell(&q["total"])))
        .collect();
    let expected = joint.trend.clone();
    let want: Vec<(String, String, String)> = (0..4)
        .map(|i| (json_cell(expected.cells[i][0]), json_cell(expected.cells[i][1]), json_cell(expected.row_totals[i])))
        .collect();
    assert_eq!(trend, want);
    assert_eq!(trend[3].0, "fewer_than_11");
    // What the API shows, read back as tables: nothing hidden can be worked out from the three together.
    let shown = |rows: Vec<Vec<String>>| -> SuppressedTable {
        let parse = |c: &String| match c.as_str() {
            "fewer_than_11" => Cell::FewerThan11,
            "hidden" => Cell::Hidden,
            n => Cell::Shown(n.parse().expect("a count")),
        };
        let cells: Vec<Vec<Cell>> = rows.iter().map(|r| r.iter().map(parse).collect()).collect();
        SuppressedTable { cells, ..suppress(&[]) }
    };
    let published = [
        SuppressedTable { cells: shown(got.iter().map(|x| x.1.clone()).collect()).cells, ..joint.by_org.clone() },
        SuppressedTable {
            cells: shown(regions.iter().map(|x| x.1.clone()).collect()).cells,
            ..joint.by_region.clone()
        },
        SuppressedTable {
            cells: shown(trend.iter().map(|x| vec![x.0.clone(), x.1.clone()]).collect()).cells,
            ..joint.trend.clone()
        },
    ];
    assert_eq!(published[0], joint.by_org);
    assert_eq!(derivable(&published, &links).expect("links"), vec![], "nothing hidden can be worked out");

    // The page and the CSV file show the same, with the chart; every read is audited.
    let page = app.page(&admin, "/reports/network/people-served?year=2026").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<svg") && page.body.contains("B Treatment") && page.body.contains("North"));
    assert!(!page.body.contains("D Pending"));
    assert!(!page.body.contains("Served 0"), "no person's name");
    let csv = app.page(&admin, "/reports/network/people-served.csv?year=2026").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with("table,group,period,first_day,last_day,persons\n"));
    let csv_cell = |c: Cell| match c {
        Cell::Shown(n) => n.to_string(),
        Cell::FewerThan11 => "fewer than 11".into(),
        Cell::Hidden => "not shown".into(),
    };
    let b_row = by_name.iter().position(|x| x.0 == "B Treatment").expect("B");
    let line = format!(
        "organization,B Treatment,FY2026 Q2,2025-10-01,2025-12-31,{}\n",
        csv_cell(joint.by_org.cells[b_row][1])
    );
    assert!(csv.body.contains(&line), "{line} in {}", csv.body);
    let line = format!("region,North,FY2026 Q2,2025-10-01,2025-12-31,{}\n", csv_cell(joint.by_region.cells[0][1]));
    assert!(csv.body.contains(&line), "{line} in {}", csv.body);
    assert!(csv.body.contains("Region not recorded,FY2026 Q4,2026-04-01,2026-06-30,fewer than 11"), "{}", csv.body);
    let reads = app.audit_actions().await.into_iter().filter(|(a, _, _)| a == "report_read").count();
    assert_eq!(reads, 3);

    // Never a person's record: the state's administrator and analyst are not let in.
    let person = app.person(app.org, "Network Person", None).await;
    assert_eq!(app.page(&admin, &format!("/persons/{person}")).await.status, StatusCode::NOT_FOUND);
    let analyst = app.staff(state, Role::Analyst).await;
    assert_eq!(
        app.api(&analyst, Method::GET, "/api/v1/reports/network/people-served?year=2026", None).await.status,
        StatusCode::OK
    );
    assert_ne!(app.page(&analyst, &format!("/persons/{person}")).await.status, StatusCode::OK);
    // An organization's own reporters are not the state: 403; a coach of the state agency too.
    let org_analyst = app.staff(app.org, Role::Analyst).await;
    assert_eq!(app.page(&org_analyst, "/reports/network/people-served").await.status, StatusCode::FORBIDDEN);
    let state_coach = app.staff(state, Role::Coach).await;
    assert_eq!(
        app.api(&state_coach, Method::GET, "/api/v1/reports/network/people-served", None).await.status,
        StatusCode::FORBIDDEN
    );
    let bad = app.page(&admin, "/reports/network/people-served?year=soon").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}
