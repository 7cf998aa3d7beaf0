//! `POST /access-line/calls/{id}/rides`: a ride to treatment for the call (to the bed held for it, if any).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::access_line::call::{RawRide, Ride};
use pathways_domain::ids::CallId;

use crate::error::{WebError, WebResult};
use crate::extract::{InPath, Operator, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn request_ride(
    State(state): State<AppState>,
    op: Operator,
    InPath(call): InPath<CallId>,
    VerifiedForm(form): VerifiedForm<RawRide>,
) -> WebResult<Response> {
    let ride = Ride::parse(&form).map_err(WebError::Invalid)?;
    services::access_line::schedule_ride(&state, &op.ctx, &op.caller, call, &ride).await?;
    Ok(crate::flash::redirect(&state, &format!("/access-line/calls/{call}#rides"), crate::key!("flash-saved")))
}
