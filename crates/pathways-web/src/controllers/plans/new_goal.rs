//! `GET …/plan/goals/new?dimension=…`: the empty goal form, in one dimension.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::dimension::Dimension;

use super::goal_form::{GoalFormPage, blank_goal};
use crate::error::WebResult;
use crate::extract::Subject;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn new_goal(
    State(state): State<AppState>,
    s: Subject,
    Query(query): Query<HashMap<String, String>>,
) -> WebResult<Html<String>> {
    let plan = services::plans::current(&state, &s.ctx, &s.caller, s.person).await?;
    let version = plan.as_ref().map_or(0, |p| p.version);
    let dimension = query.get("dimension").and_then(|d| d.parse().ok()).unwrap_or(Dimension::Health);
    let t = s.ctx.t();
    let chrome = Chrome::new(&s.ctx, &state, t.get("goal-edit-title"));
    render(&GoalFormPage::new(t, chrome, &s.base, &blank_goal(dimension), false, version))
}
