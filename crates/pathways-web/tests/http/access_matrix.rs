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

/// A route under test: how to call it for a person, what success looks like, and the audit action it leaves.
#[derive(Clone, Copy, Debug)]
enum Route {
    PageShow,
    PageEdit,
    PageUpdate,
    ApiGet,
    ApiPatch,
    PagePlan,
    PageGoalSave,
    PageAssessments,
    PageCheckins,
    PageEncounters,
    ApiPlanGet,
    ApiPlanPut,
    ApiPlanVersions,
    ApiAssessmentCreate,
    ApiAssessmentList,
    ApiCheckinCreate,
    ApiCheckinList,
    ApiEncounterCreate,
    ApiEncounterList,
    ApiCheckupCreate,
    ApiCheckupList,
    ApiSchedule,
}

const ROUTES: [Route; 22] = [
    Route::PageShow,
    Route::PageEdit,
    Route::PageUpdate,
    Route::ApiGet,
    Route::ApiPatch,
    Route::PagePlan,
    Route::PageGoalSave,
    Route::PageAssessments,
    Route::PageCheckins,
    Route::PageEncounters,
    Route::ApiPlanGet,
    Route::ApiPlanPut,
    Route::ApiPlanVersions,
    Route::ApiAssessmentCreate,
    Route::ApiAssessmentList,
    Route::ApiCheckinCreate,
    Route::ApiCheckinList,
    Route::ApiEncounterCreate,
    Route::ApiEncounterList,
    Route::ApiCheckupCreate,
    Route::ApiCheckupList,
    Route::ApiSchedule,
];
const TARGETS: [Target; 3] = [Target::Assigned, Target::Colleagues, Target::OtherOrg];

impl Route {
    fn success(self) -> StatusCode {
        match self {
            Route::PageUpdate | Route::PageGoalSave => StatusCode::SEE_OTHER,
            Route::ApiAssessmentCreate
            | Route::ApiCheckinCreate
            | Route::ApiEncounterCreate
            | Route::ApiCheckupCreate => StatusCode::CREATED,
            _ => StatusCode::OK,
        }
    }

    fn audit(self) -> &'static str {
        match self {
            Route::PageShow | Route::PageEdit | Route::ApiGet => "person_read",
            Route::PageUpdate | Route::ApiPatch => "person_update",
            Route::PagePlan | Route::ApiPlanGet | Route::ApiPlanVersions => "plan_read",
            Route::PageGoalSave | Route::ApiPlanPut => "plan_update",
            Route::PageAssessments | Route::ApiAssessmentList => "assessment_read",
            Route::ApiAssessmentCreate => "assessment_create",
            Route::PageCheckins | Route::ApiCheckinList => "checkin_read",
            Route::ApiCheckinCreate => "checkin_create",
            Route::PageEncounters | Route::ApiEncounterList => "encounter_read",
            Route::ApiEncounterCreate => "encounter_create",
            Route::ApiCheckupCreate => "checkup_create",
            Route::ApiCheckupList => "checkup_read",
            Route::ApiSchedule => "schedule_read",
        }
    }
}

/// What a role may do with a target: `Some(true)` reach it, `Some(false)` not found, `None` forbidden outright.
fn expected(role: Role, target: Target) -> Option<bool> {
    match role {
        Role::Admin | Role::Supervisor | Role::Clinician => Some(target != Target::OtherOrg),
        Role::Coach => Some(target == Target::Assigned),
        Role::AccessLine | Role::ProviderStaff | Role::Analyst | Role::DirectoryEditor => None,
    }
}

fn expected_status(route: Route, reach: Option<bool>) -> StatusCode {
    match reach {
        None => StatusCode::FORBIDDEN,
        Some(false) => StatusCode::NOT_FOUND,
        Some(true) => route.success(),
    }
}

async fn call(app: &TestApp, who: &Staff, route: Route, id: PersonId) -> TestResponse {
    let api = |m: Method, tail: &str, body: Option<serde_json::Value>| {
        let path = format!("/api/v1/persons/{id}{tail}");
        async move { app.api(who, m, &path, body).await }
    };
    let today = chrono::Utc::now().date_naive().to_string();
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
        Route::ApiGet => api(Method::GET, "", None).await,
        Route::ApiPatch => api(Method::PATCH, "", Some(json!({"pronouns": "she/her"}))).await,
        Route::PagePlan => app.page(who, &format!("/persons/{id}/plan")).await,
        Route::PageGoalSave => {
            app.post_form(
                who,
                &format!("/persons/{id}/plan/goals"),
                &[("version", "0"), ("dimension", "home"), ("text", "A goal")],
            )
            .await
        }
        Route::PageAssessments => app.page(who, &format!("/persons/{id}/assessments")).await,
        Route::PageCheckins => app.page(who, &format!("/persons/{id}/checkins")).await,
        Route::PageEncounters => app.page(who, &format!("/persons/{id}/encounters")).await,
        Route::ApiPlanGet => api(Method::GET, "/plan", None).await,
        Route::ApiPlanPut => api(Method::PUT, "/plan", Some(json!({"version": 0, "plan": {"goals": []}}))).await,
        Route::ApiPlanVersions => api(Method::GET, "/plan/versions", None).await,
        Route::ApiAssessmentCreate => {
            api(
                Method::POST,
                "/assessments",
                Some(json!({"instrument": "barc10", "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4, 4]})),
            )
            .await
        }
        Route::ApiAssessmentList => api(Method::GET, "/assessments", None).await,
        Route::ApiCheckinCreate => {
            api(Method::POST, "/checkins", Some(json!({"mood": 3, "craving": 2, "safe": true}))).await
        }
        Route::ApiCheckinList => api(Method::GET, "/checkins", None).await,
        Route::ApiEncounterCreate => {
            api(
                Method::POST,
                "/encounters",
                Some(json!({"date": today, "type": "phone", "minutes": 10, "notes": "secret note"})),
            )
            .await
        }
        Route::ApiEncounterList => api(Method::GET, "/encounters", None).await,
        Route::ApiCheckupCreate => {
            let body = json!({"days_alcohol_90": 2, "days_drugs_90": 0, "weekly_use_since_last": false,
                "past_month_problems": [], "wants_treatment": true, "in_treatment": false});
            api(Method::POST, "/checkups", Some(body)).await
        }
        Route::ApiCheckupList => api(Method::GET, "/checkups", None).await,
        Route::ApiSchedule => api(Method::GET, "/schedule", None).await,
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
                let want_audit = if reach == Some(true) {
                    format!("{}/success", route.audit())
                } else {
                    "access_denied/denied".to_owned()
                };
                if new != [want_audit.clone()] {
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

#[tokio::test]
async fn a_persons_own_account_reaches_only_their_own_record() {
    let world = World::new().await;
    let app = &world.app;
    let me_id = app.person(app.org, "Self Person", None).await;
    let other = app.person(app.org, "Someone Else", None).await;
    let me = app.person_login(app.org, me_id).await;
    for path in [
        "/me",
        "/me/plan",
        "/me/plan/versions",
        "/me/assessments",
        "/me/assessments/new",
        "/me/checkins",
        "/me/checkin",
    ] {
        let resp = app.page(&me, path).await;
        assert_eq!(resp.status, StatusCode::OK, "{path}");
        assert!(!resp.body.contains("Someone Else"), "{path}");
    }
    for path in [
        format!("/persons/{other}"),
        format!("/persons/{other}/plan"),
        format!("/persons/{me_id}/plan"),
        format!("/persons/{me_id}/encounters"),
    ] {
        let resp = app.page(&me, &path).await;
        assert!(
            resp.status == StatusCode::NOT_FOUND || resp.status == StatusCode::SEE_OTHER,
            "{path}: {}",
            resp.status
        );
        assert!(!resp.body.contains("Someone Else"));
    }
    // Staff can't use the person's own routes.
    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(app.page(&coach, "/me/plan").await.status, StatusCode::NOT_FOUND);
}

/// An ally reaches no person route at all — not the person's portal, not staff pages, not the person's own
/// record — only `/ally`, where the consent gate decides (each category: `routes::consents`). Revoking a consent
/// takes effect on the very next request on both databases (`routes::consents`, the race test), and a receiving
/// organization sees the referral packet only (`routes::referrals`).
#[tokio::test]
async fn an_ally_reaches_no_person_route() {
    let world = World::new().await;
    let app = &world.app;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Supported Person", Some(coach.id)).await;
    let ally = app.ally_login(app.org, p, "An Ally").await;
    for path in [
        "/me",
        "/me/plan",
        "/me/checkins",
        "/me/checkups",
        "/me/consents",
        "/me/disclosures",
        "/me/access-log",
        "/me/allies",
        "/me/locator",
    ] {
        assert_eq!(app.page(&ally, path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    for route in ROUTES {
        let path = match route {
            Route::PageShow => format!("/persons/{p}"),
            Route::PagePlan => format!("/persons/{p}/plan"),
            Route::PageCheckins => format!("/persons/{p}/checkins"),
            Route::PageEncounters => format!("/persons/{p}/encounters"),
            Route::PageAssessments => format!("/persons/{p}/assessments"),
            _ => continue,
        };
        let resp = app.page(&ally, &path).await;
        assert!(
            resp.status == StatusCode::NOT_FOUND || resp.status == StatusCode::SEE_OTHER,
            "{path}: {}",
            resp.status
        );
        assert!(!resp.body.contains("Supported Person"), "{path}");
    }
    for path in [format!("/persons/{p}/consents"), format!("/persons/{p}/disclosures"), "/referrals".to_owned()] {
        let status = app.page(&ally, &path).await.status;
        assert!(status == StatusCode::NOT_FOUND || status == StatusCode::SEE_OTHER, "{path}: {status}");
    }
    assert!(app.page(&ally, "/ally").await.body.contains("Nothing is shared with you right now"));
}

/// The public pages: anyone reaches them — nobody signed in, every staff role, a person, an ally — in English and
/// Spanish, each with the crisis lines one tap away, and nothing on them depends on who asks.
#[tokio::test]
async fn public_pages_answer_everyone_with_the_crisis_lines() {
    use axum::body::Body;
    use axum::http::{Request, header};

    const PUBLIC: [&str; 5] = ["/", "/recovery", "/find", "/ally/support", "/login"];
    let world = World::new().await;
    let app = &world.app;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Public Person", Some(coach.id)).await;
    let mut callers = vec![app.person_login(app.org, p).await, app.ally_login(app.org, p, "An Ally").await];
    for role in Role::ALL {
        callers.push(app.staff(app.org, role).await);
    }
    for path in PUBLIC {
        for lang in ["en", "es"] {
            let anonymous = app
                .send(Request::get(path).header(header::ACCEPT_LANGUAGE, lang).body(Body::empty()).expect("request"))
                .await;
            assert_eq!(anonymous.status, StatusCode::OK, "{path} ({lang}), nobody signed in");
            assert!(anonymous.body.contains("href=\"tel:988\""), "{path} ({lang}): 988 one tap away");
            assert!(!anonymous.body.contains("Unknown localization"), "{path} ({lang})");
        }
        for who in &callers {
            let resp = app.page(who, path).await;
            assert!(
                resp.status == StatusCode::OK || (path == "/login" && resp.status == StatusCode::SEE_OTHER),
                "{path} as {}: {}",
                who.email,
                resp.status
            );
        }
    }
}

/// Each role's navigation and home offer only what it may open: signed in as every staff role, a person and an
/// ally, every link on the home page (the top navigation's and the home's own) answers (no 403, no 404).
#[tokio::test]
async fn every_roles_navigation_leads_only_where_it_may_go() {
    let world = World::new().await;
    let app = &world.app;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Navigating Person", Some(coach.id)).await;
    let mut callers = vec![
        ("person".to_owned(), app.person_login(app.org, p).await, "/me"),
        ("ally".to_owned(), app.ally_login(app.org, p, "An Ally").await, "/ally"),
    ];
    for role in Role::ALL {
        callers.push((role.as_str().to_owned(), app.staff(app.org, role).await, "/staff"));
    }
    for (who, login, home) in &callers {
        let page = app.page(login, home).await;
        assert_eq!(page.status, StatusCode::OK, "{who}'s home {home}");
        // Every link on the home page, the navigation's and the home's own work.
        let links: Vec<&str> = page
            .body
            .split("href=\"")
            .skip(1)
            .filter_map(|r| r.split('"').next())
            .filter(|l| l.starts_with('/') && !l.starts_with("/static/") && !l.starts_with("/lang/"))
            .collect();
        assert!(links.len() >= 3, "{who}: {links:?}");
        for link in links {
            let status = app.page(login, link).await.status;
            assert!(status == StatusCode::OK, "{who}'s navigation offers {link}, which answers {status}");
        }
    }
}
