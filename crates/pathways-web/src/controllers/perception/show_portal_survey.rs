//! `GET /me/survey`: the survey in the person's own portal.

use std::collections::HashMap;

use axum::extract::State;
use axum::response::Response;

use super::survey_page;
use crate::error::WebResult;
use crate::extract::Subject;
use crate::state::AppState;

pub async fn show_portal_survey(State(state): State<AppState>, subject: Subject) -> WebResult<Response> {
    survey_page(&state, &subject.ctx, "/me/survey", None, &HashMap::new(), &[])
}
