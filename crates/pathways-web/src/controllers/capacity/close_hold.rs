//! `POST /holds/{id}/{admit|release}`: from the provider's page, the person arrived or the bed is given back.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::access_line::HoldState;
use pathways_domain::access_line::capacity::HoldError;
use pathways_domain::ids::HoldId;

use crate::error::WebResult;
use crate::extract::{Empty, HoldAction, InPath, ProviderStaff, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn close_hold_form(
    State(state): State<AppState>,
    staff: ProviderStaff,
    InPath(hold): InPath<HoldId>,
    InPath(action): InPath<HoldAction>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    let to = match action {
        HoldAction::Admit => HoldState::Admitted,
        HoldAction::Release => HoldState::Released,
    };
    let closed = services::capacity::close_hold(&state, &staff.ctx, &staff.caller, hold, to).await?;
    let key = match closed.outcome {
        Ok(_) => crate::key!("flash-saved"),
        Err(HoldError::Expired) => crate::key!("capacity-hold-expired"),
        Err(HoldError::Closed) => crate::key!("capacity-hold-closed"),
    };
    Ok(crate::flash::redirect(&state, &format!("/programs#program-{}", closed.program), key))
}
