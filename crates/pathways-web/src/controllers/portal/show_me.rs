//! `GET /me`: a person's home — check in, their plan, their recovery capital, their team.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::audit::AuditAction;
use pathways_store::{accounts, orgs};

use crate::access::{PersonRead, read_person};
use crate::controllers::persons::summary::{Summary, summary};
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "portal/home.html")]
struct HomePage {
    chrome: Chrome,
    name: String,
    base: String,
    is_self: bool,
    plan_title: String,
    summary: Summary,
    coach: String,
    org: String,
}

pub async fn show_me(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    if !s.is_self {
        return Err(WebError::NotFound);
    }
    let PersonRead { scope, record } =
        read_person(&state, &s.ctx, &s.caller, s.person, AuditAction::PersonRead).await?;
    let tx = state.store.reader();
    let t = s.ctx.t();
    let summary = summary(tx, t, &scope, s.person).await?;
    let coach = match record.assigned_coach_id {
        Some(c) => accounts::find(tx, c.into()).await?.map(|a| a.display_name).unwrap_or_default(),
        None => String::new(),
    };
    let org = orgs::find(tx, scope.org).await?.map(|o| o.name).unwrap_or_default();
    render(&HomePage {
        chrome: Chrome::new(&s.ctx, &state, t.get("portal-home")),
        name: record.preferred_name,
        base: s.base,
        is_self: true,
        plan_title: t.get("plan-title-mine"),
        summary,
        coach,
        org,
    })
}
