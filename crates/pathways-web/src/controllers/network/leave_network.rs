//! `POST /network/leave` (`org=<slug>`): ends a membership or withdraws a request, from either side.

use axum::extract::State;
use axum::response::Response;

use super::OtherOrg;
use crate::error::WebResult;
use crate::extract::{SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn leave_network(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    VerifiedForm(form): VerifiedForm<OtherOrg>,
) -> WebResult<Response> {
    services::network::leave(&state, &ctx, &caller, &form.org).await?;
    Ok(crate::flash::redirect(&state, "/network", crate::key!("network-left")))
}
