//! `POST /access-line/calls/{id}/follow-up`: the next-day follow-up's outcome.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::CallId;
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::{InPath, Operator, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FollowUpForm {
    pub outcome: String,
}

pub async fn follow_up(
    State(state): State<AppState>,
    op: Operator,
    InPath(call): InPath<CallId>,
    VerifiedForm(form): VerifiedForm<FollowUpForm>,
) -> WebResult<Response> {
    services::access_line::follow_up(&state, &op.ctx, &op.caller, call, &form.outcome).await?;
    Ok(crate::flash::redirect(&state, "/access-line", crate::key!("flash-saved")))
}
