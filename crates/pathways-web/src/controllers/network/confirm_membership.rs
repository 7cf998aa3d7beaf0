//! `POST /network/confirm` (`org=<slug>`): asks an organization on the other side to pair, or confirms its
//! request.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::outcomes::network::Standing;

use super::OtherOrg;
use crate::error::WebResult;
use crate::extract::{SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn confirm_membership(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    VerifiedForm(form): VerifiedForm<OtherOrg>,
) -> WebResult<Response> {
    let key = match services::network::confirm(&state, &ctx, &caller, &form.org).await? {
        Standing::Member => crate::key!("network-joined"),
        Standing::AwaitingConfirmationBy(_) => crate::key!("network-asked"),
    };
    Ok(crate::flash::redirect(&state, "/network", key))
}
