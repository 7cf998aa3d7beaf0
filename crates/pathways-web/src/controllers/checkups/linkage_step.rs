//! `POST /persons/{id}/linkage/{task}`: a step of the linkage task, timestamped (feedback, barriers,
//! appointment, transport, arrived).

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Response;
use pathways_domain::audit::AuditAction;
use pathways_store::checkups::{self, LinkageStep};
use serde::Deserialize;
use uuid::Uuid;

use crate::access::{PersonTx, open_person};
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::extract::VerifiedForm;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StepForm {
    step: String,
}

pub async fn linkage_step(
    State(state): State<AppState>,
    s: Subject,
    Path(params): Path<HashMap<String, String>>,
    VerifiedForm(f): VerifiedForm<StepForm>,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let task: Uuid = params.get("task").and_then(|t| t.parse().ok()).ok_or(WebError::NotFound)?;
    let step = LinkageStep::parse(&f.step, None).ok_or(WebError::NotFound)?;
    let PersonTx { tx, scope, .. } =
        open_person(&state, &s.ctx, &s.caller, s.person, AuditAction::LinkageUpdate).await?;
    let now = pathways_store::now();
    checkups::linkage_step(&tx, &scope, s.person, task, step, now).await?.ok_or(WebError::NotFound)?;
    pathways_store::outreach::evaluate_person(&tx, s.person, now).await?;
    tx.commit().await?;
    Ok(crate::flash::redirect(&state, &format!("{}/checkups", s.base), crate::key!("flash-saved")))
}
