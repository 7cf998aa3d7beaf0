//! `POST /access-line/calls/{id}/person`: the person agreed to a person record with a coach.

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
pub struct PersonForm {
    pub coach: String,
}

pub async fn make_person(
    State(state): State<AppState>,
    op: Operator,
    InPath(call): InPath<CallId>,
    VerifiedForm(form): VerifiedForm<PersonForm>,
) -> WebResult<Response> {
    services::access_line::make_person(&state, &op.ctx, &op.caller, call, &form.coach).await?;
    Ok(crate::flash::redirect(&state, &format!("/access-line/calls/{call}#person"), crate::key!("flash-created")))
}
