//! `POST /referrals/{id}/status`: a move by either end (acknowledge, accept, reject with a reason, start,
//! complete, report failure, or — the sender — cancel).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::ReferralId;
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::{InPath, SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MoveForm {
    status: String,
    reason: String,
}

pub async fn update_referral(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<ReferralId>,
    VerifiedForm(f): VerifiedForm<MoveForm>,
) -> WebResult<Response> {
    services::referrals::change(&state, &ctx, &caller, id, &f.status, &f.reason).await?;
    Ok(crate::flash::redirect(&state, &format!("/referrals/{id}"), crate::key!("flash-saved")))
}
