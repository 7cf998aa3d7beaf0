//! `POST /residence-holds/{id}/{admit|release}`: from the operator's page, the referred person moved in or the
//! bed is given back.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::access_line::HoldState;
use pathways_domain::access_line::capacity::HoldError;
use pathways_domain::ids::ResidenceHoldId;

use crate::error::WebResult;
use crate::extract::{Empty, HoldAction, InPath, ProviderStaff, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn close_residence_hold(
    State(state): State<AppState>,
    staff: ProviderStaff,
    InPath(hold): InPath<ResidenceHoldId>,
    InPath(action): InPath<HoldAction>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    let to = match action {
        HoldAction::Admit => HoldState::Admitted,
        HoldAction::Release => HoldState::Released,
    };
    let closed = services::housing::close_hold(&state, &staff.ctx, &staff.caller, hold, to).await?;
    let key = match closed {
        Ok(_) => crate::key!("flash-saved"),
        Err(HoldError::Expired) => crate::key!("capacity-hold-expired"),
        Err(HoldError::Closed) => crate::key!("capacity-hold-closed"),
    };
    Ok(crate::flash::redirect(&state, "/residences", key))
}
