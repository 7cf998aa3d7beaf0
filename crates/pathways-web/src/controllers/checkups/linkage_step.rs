//! `POST /persons/{id}/linkage/{task}`: a step of the linkage task, timestamped (feedback, barriers,
//! appointment, transport, arrived).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::LinkageTaskId;
use pathways_store::checkups::LinkageStep;
use serde::Deserialize;

use crate::error::{WebError, WebResult};
use crate::extract::{InPath, Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StepForm {
    step: String,
}

pub async fn linkage_step(
    State(state): State<AppState>,
    s: Subject,
    InPath(task): InPath<LinkageTaskId>,
    VerifiedForm(f): VerifiedForm<StepForm>,
) -> WebResult<Response> {
    let step = LinkageStep::parse(&f.step, None).ok_or(WebError::NotFound)?;
    services::checkups::mark_linkage_step(&state, &s.ctx, &s.caller, s.person, task, step).await?;
    Ok(crate::flash::redirect(&state, &format!("{}/checkups", s.base), crate::key!("flash-saved")))
}
