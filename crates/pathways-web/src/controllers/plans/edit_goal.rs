//! `GET …/plan/goals/{goal}/edit`: the goal form, filled in.

use axum::extract::State;
use axum::response::Html;
use pathways_domain::ids::GoalId;

use super::goal_form::GoalFormPage;
use crate::error::{WebError, WebResult};
use crate::extract::{InPath, Subject};
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn edit_goal(
    State(state): State<AppState>,
    s: Subject,
    InPath(goal): InPath<GoalId>,
) -> WebResult<Html<String>> {
    let plan = services::plans::current(&state, &s.ctx, &s.caller, s.person).await?;
    let version = plan.as_ref().map_or(0, |p| p.version);
    let content = plan.map(|p| p.content).unwrap_or_default();
    let goal = content.goal(goal.as_uuid()).ok_or(WebError::NotFound)?;
    let t = s.ctx.t();
    let chrome = Chrome::new(&s.ctx, &state, t.get("goal-edit-title"));
    render(&GoalFormPage::new(t, chrome, &s.base, goal, true, version))
}
