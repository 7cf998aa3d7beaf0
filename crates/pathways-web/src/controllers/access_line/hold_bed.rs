//! `POST /access-line/calls/{id}/holds`: hold a bed at one of the programs the call's page offers.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::{CallId, ProgramId};
use pathways_store::capacity::Reservation;
use serde::Deserialize;

use crate::error::{WebError, WebResult};
use crate::extract::{InPath, Operator, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct HoldForm {
    pub program_id: String,
}

pub async fn hold_bed(
    State(state): State<AppState>,
    op: Operator,
    InPath(call): InPath<CallId>,
    VerifiedForm(form): VerifiedForm<HoldForm>,
) -> WebResult<Response> {
    // A program that is not one names nothing.
    let program: ProgramId = form.program_id.trim().parse().map_err(|_| WebError::NotFound)?;
    let key = match services::access_line::hold_bed(&state, &op.ctx, &op.caller, call, program).await? {
        Reservation::Held(_) => crate::key!("flash-saved"),
        Reservation::NoBed { .. } => crate::key!("line-no-bed-left"),
    };
    Ok(crate::flash::redirect(&state, &format!("/access-line/calls/{call}#holds"), key))
}
