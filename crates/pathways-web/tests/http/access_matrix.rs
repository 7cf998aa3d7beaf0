//! The access matrix: every person route × every role × (assigned to the caller or not) × (own organization
//! or another) → the expected status, the same in pages and API, with the audit event each answer leaves.
//! Later capabilities add their routes to `ROUTES`.

use axum::http::{Method, StatusCode};
use pathways_domain::{AccountId, PersonId, Role};
use serde_json::json;

use crate::util::{Staff, TestApp, TestResponse};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// Own organization, assigned to the caller.
    Assigned,
    /// Own organization, assigned to another coach.
    Colleagues,
    /// Another organization.
    OtherOrg,
}

#[derive(Clone, Copy, Debug)]
enum Route {
    PageShow,
    PageEdit,
    PageUpdate,
    ApiGet,
    ApiPatch,
}

const ROUTES: [Route; 5] = [Route::PageShow, Route::PageEdit, Route::PageUpdate, Route::ApiGet, Route::ApiPatch];
const TARGETS: [Target; 3] = [Target::Assigned, Target::Colleagues, Target::OtherOrg];

/// What a role may do with a target: `Some(true)` reach it, `Some(false)` not found, `None` forbidden outright.
fn expected(role: Role, target: Target) -> Option<bool> {
    match role {
        Role::Admin | Role::Supervisor | Role::Clinician => Some(target != Target::OtherOrg),
        Role::Coach => Some(target == Target::Assigned),
        Role::AccessLine | Role::ProviderStaff | Role::Analyst => None,
    }
}

fn expected_status(route: Route, reach: Option<bool>) -> StatusCode {
    match reach {
        None => StatusCode::FORBIDDEN,
        Some(false) => StatusCode::NOT_FOUND,
        Some(true) => match route {
            Route::PageUpdate => StatusCode::SEE_OTHER,
            _ => StatusCode::OK,
        },
    }
}

async fn call(app: &TestApp, who: &Staff, route: Route, id: PersonId) -> TestResponse {
    match route {
        Route::PageShow => app.page(who, &format!("/persons/{id}")).await,
        Route::PageEdit => app.page(who, &format!("/persons/{id}/edit")).await,
        Route::PageUpdate => {
            app.post_form(
                who,
                &format!("/persons/{id}"),
                &[("preferred_name", "Renamed Person"), ("pronouns", "they/them")],
            )
            .await
        }
        Route::ApiGet => app.api(who, Method::GET, &format!("/api/v1/persons/{id}"), None).await,
        Route::ApiPatch => {
            app.api(who, Method::PATCH, &format!("/api/v1/persons/{id}"), Some(json!({"pronouns": "she/her"}))).await
        }
    }
}

struct World {
    app: TestApp,
    /// The other organization's coach, to whom the other organization's person is assigned.
    other_coach: AccountId,
    colleague: AccountId,
}

impl World {
    async fn new() -> Self {
        let app = TestApp::new().await;
        let colleague = app.staff(app.org, Role::Coach).await.id;
        let other_coach = app.staff(app.other_org, Role::Coach).await.id;
        Self { app, other_coach, colleague }
    }

    async fn target(&self, who: &Staff, target: Target) -> PersonId {
        match target {
            Target::Assigned => self.app.person(who.org, "Assigned Person", Some(who.id)).await,
            Target::Colleagues => self.app.person(who.org, "Colleague's Person", Some(self.colleague)).await,
            Target::OtherOrg => self.app.person(self.app.other_org, "Other Org Person", Some(self.other_coach)).await,
        }
    }
}

#[tokio::test]
async fn every_route_role_assignment_and_organization() {
    let world = World::new().await;
    let app = &world.app;
    let mut failures = Vec::new();
    let mut checked = 0;
    for role in Role::ALL {
        let who = app.staff(app.org, role).await;
        for target in TARGETS {
            for route in ROUTES {
                // A fresh record per cell, so updates in one cell can't affect another.
                let id = world.target(&who, target).await;
                let reach = expected(role, target);
                let want = expected_status(route, reach);
                let before = app.audit_actions().await.len();
                let got = call(app, &who, route, id).await;
                checked += 1;
                if got.status != want {
                    failures.push(format!(
                        "{role:?} {route:?} {target:?}: want {want}, got {} ({})",
                        got.status,
                        &got.body.chars().take(120).collect::<String>()
                    ));
                    continue;
                }
                // Each answer leaves exactly the audit event it should.
                let after = app.audit_actions().await;
                let new: Vec<_> = after[before..].iter().map(|(a, o, _)| format!("{a}/{o}")).collect();
                let want_audit = match (reach, route) {
                    (Some(true), Route::PageUpdate | Route::ApiPatch) => "person_update/success",
                    (Some(true), _) => "person_read/success",
                    (_, _) => "access_denied/denied",
                };
                if new != [want_audit] {
                    failures.push(format!("{role:?} {route:?} {target:?}: audit {new:?}, want [{want_audit}]"));
                }
                if reach == Some(true) {
                    let subject = after.last().and_then(|(_, _, s)| *s);
                    if subject != Some(id.as_uuid()) {
                        failures.push(format!("{role:?} {route:?} {target:?}: audit subject {subject:?}"));
                    }
                }
                // A denied answer never carries the record.
                if reach != Some(true)
                    && (got.body.contains("Person\"")
                        || got.body.contains("860-555-0142")
                        || got.body.contains("+18605550142"))
                {
                    failures.push(format!("{role:?} {route:?} {target:?}: denied answer shows the record"));
                }
            }
        }
    }
    assert_eq!(checked, Role::ALL.len() * TARGETS.len() * ROUTES.len());
    assert!(failures.is_empty(), "{} of {checked} cells failed:\n{}", failures.len(), failures.join("\n"));
}

#[tokio::test]
async fn lists_show_exactly_what_lookups_allow() {
    let world = World::new().await;
    let app = &world.app;
    for role in Role::ALL {
        let who = app.staff(app.org, role).await;
        let mut names = Vec::new();
        for target in TARGETS {
            let name = format!("{role:?} {target:?} listed");
            let id = world.target(&who, target).await;
            pathways_store::persons::update(
                app.db.store.writer(),
                &pathways_domain::access::PersonScope {
                    org: if target == Target::OtherOrg { app.other_org } else { app.org },
                    assigned_to: None,
                    only_person: None,
                },
                id,
                &pathways_domain::person::PersonDetails::parse(
                    &pathways_domain::person::RawPerson { preferred_name: name.clone(), ..Default::default() },
                    chrono::Utc::now().date_naive(),
                )
                .expect("valid"),
                None,
            )
            .await
            .expect("rename")
            .expect("exists");
            names.push((name, target));
        }
        let page = app.page(&who, &format!("/persons?q={}", urlencode(&format!("{role:?}")))).await;
        let api =
            app.api(&who, Method::GET, &format!("/api/v1/persons?q={}", urlencode(&format!("{role:?}"))), None).await;
        match expected(role, Target::Assigned) {
            None => {
                assert_eq!(page.status, StatusCode::FORBIDDEN, "{role:?} page");
                assert_eq!(api.status, StatusCode::FORBIDDEN, "{role:?} api");
            }
            Some(_) => {
                assert_eq!(page.status, StatusCode::OK, "{role:?} page");
                assert_eq!(api.status, StatusCode::OK, "{role:?} api");
                let listed: Vec<String> = api.json()["items"]
                    .as_array()
                    .expect("items")
                    .iter()
                    .map(|p| p["preferred_name"].as_str().unwrap_or_default().to_owned())
                    .collect();
                for (name, target) in &names {
                    let visible = expected(role, *target) == Some(true);
                    assert_eq!(listed.contains(name), visible, "{role:?} api list, {target:?}");
                    assert_eq!(page.body.contains(name.as_str()), visible, "{role:?} page list, {target:?}");
                }
            }
        }
    }
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("v", s)]).expect("encode")[2..].to_owned()
}
