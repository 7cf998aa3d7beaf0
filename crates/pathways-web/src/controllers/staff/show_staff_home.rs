//! `GET /staff`: each role's starting point.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::Role;
use pathways_domain::access::{PersonReach, may_create_person, person_reach};

use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "staff_home.html")]
struct StaffHome {
    chrome: Chrome,
    name: String,
    role_line: String,
    can_see_people: bool,
    can_create: bool,
    people_title: String,
    people_detail: String,
    no_records_detail: String,
}

pub async fn show_staff_home(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
) -> WebResult<Html<String>> {
    let t = ctx.t();
    let org = services::staff::org_name(&state, &caller).await?;
    let role_key = match caller.role {
        Some(Role::Admin) => "role-admin",
        Some(Role::Supervisor) => "role-supervisor",
        Some(Role::Coach) => "role-coach",
        Some(Role::Clinician) => "role-clinician",
        Some(Role::AccessLine) => "role-access-line",
        Some(Role::ProviderStaff) => "role-provider-staff",
        Some(Role::DirectoryEditor) => "role-directory-editor",
        Some(Role::Analyst) | None => "role-analyst",
    };
    let role_line = format!("{} · {org}", t.get(role_key));
    let reach = person_reach(&caller.principal);
    let (people_title, people_detail) = match reach {
        PersonReach::Assigned => (t.get("persons-title-caseload"), t.get("staff-caseload-detail")),
        _ => (t.get("persons-title"), t.get("staff-people-detail")),
    };
    let no_records_detail = match caller.role {
        Some(Role::Analyst) => t.get("staff-analyst-detail"),
        _ => t.get("staff-no-records-detail"),
    };
    let page = StaffHome {
        chrome: Chrome::new(&ctx, &state, t.get("nav-staff-home")),
        name: caller.display_name.clone(),
        role_line,
        can_see_people: matches!(reach, PersonReach::Organization | PersonReach::Assigned),
        can_create: may_create_person(&caller.principal),
        people_title,
        people_detail,
        no_records_detail,
    };
    render(&page)
}
