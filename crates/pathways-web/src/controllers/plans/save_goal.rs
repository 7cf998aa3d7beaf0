//! `POST …/plan/goals/{goal}`: saves a change to a goal as a new plan version (see [`super::save_form`]).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::GoalId;

use crate::error::WebResult;
use crate::extract::{InPath, Subject, VerifiedForm};
use crate::state::AppState;

pub async fn save_goal(
    State(state): State<AppState>,
    s: Subject,
    InPath(goal): InPath<GoalId>,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    super::save_form::save(&state, &s, Some(goal.as_uuid()), pairs).await
}
