//! `POST …/plan/goals`: saves a new goal as a new plan version (see [`super::save_form`]).

use axum::extract::State;
use axum::response::Response;

use crate::error::WebResult;
use crate::extract::{Subject, VerifiedForm};
use crate::state::AppState;

pub async fn add_goal(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    super::save_form::save(&state, &s, None, pairs).await
}
