//! `GET /persons`: the people the caller may see — a coach's caseload, or the organization for supervisors.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::access::{PersonReach, may_create_person, person_reach};
use serde::Deserialize;

use crate::ctx::url_encode;
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services::persons;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub const PER_PAGE: u64 = 25;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub page: String,
}

pub struct Row {
    pub id: String,
    pub name: String,
    pub pronouns: String,
    pub phone: String,
    pub coach: String,
}

#[derive(Template)]
#[template(path = "persons/list.html")]
struct ListPage {
    chrome: Chrome,
    heading: String,
    q: String,
    can_create: bool,
    count_line: String,
    rows: Vec<Row>,
    pages: u64,
    page_line: String,
    prev_href: Option<String>,
    next_href: Option<String>,
}

pub async fn list_persons(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(query): Query<ListQuery>,
) -> WebResult<Html<String>> {
    let page_no = query.page.parse::<u64>().unwrap_or(1).max(1);
    let page = persons::list(&state, &ctx, &caller, Some(&query.q), page_no, PER_PAGE).await?;
    let coaches = persons::coach_names(&state, &caller).await?;

    let t = ctx.t();
    let heading = match person_reach(&caller.principal) {
        PersonReach::Assigned => t.get("persons-title-caseload"),
        _ => t.get("persons-title"),
    };
    let rows = page
        .items
        .iter()
        .map(|p| Row {
            id: p.id.to_string(),
            name: p.preferred_name.clone(),
            pronouns: p.pronouns.clone().unwrap_or_default(),
            phone: p.phone.clone().unwrap_or_default(),
            coach: p.assigned_coach_id.and_then(|c| coaches.get(&c).cloned()).unwrap_or_default(),
        })
        .collect();
    let href = |n: u64| format!("/persons?q={}&page={n}", url_encode(&query.q));
    let pages = page.pages();
    let view = ListPage {
        chrome: Chrome::new(&ctx, &state, heading.clone()),
        heading,
        q: query.q.clone(),
        can_create: may_create_person(&caller.principal),
        count_line: t.count("persons-count", page.total),
        rows,
        pages,
        page_line: format!("{} {page_no} / {pages}", t.get("pagination-page")),
        prev_href: (page_no > 1).then(|| href(page_no - 1)),
        next_href: (page_no < pages).then(|| href(page_no + 1)),
    };
    render(&view)
}
