//! `PATCH /api/v1/referrals/{id}`: a move by either end of a referral.

use axum::Json;
use axum::extract::State;
use pathways_domain::ids::ReferralId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ReferralJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::state::AppState;

/// A status change.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct ReferralPatch {
    /// The new FHIR Task status.
    pub status: String,
    /// Required for `rejected`, `failed` and `cancelled`.
    pub reason: String,
}

/// Moves a referral: the receiving organization acknowledges (`received`), accepts or rejects (with a reason),
/// starts (`in-progress`), completes or reports `failed`; the sender may cancel. 404 for a referral the caller's
/// organization is not at either end of; 422 for a move this side may not make; 409 when someone moved it first.
#[utoipa::path(patch, path = "/api/v1/referrals/{id}", tag = "referrals",
    params(("id" = String, Path, description = "The referral's id")), request_body = ReferralPatch,
    responses((status = 200, body = ReferralJson), (status = 401), (status = 404), (status = 409), (status = 422)),
    security(("bearer" = [])))]
pub async fn patch_referral(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<ReferralId>,
    JsonBody(b): JsonBody<ReferralPatch>,
) -> WebResult<Json<ReferralJson>> {
    let moved = services::referrals::change(&state, &ctx, &caller, id, &b.status, &b.reason).await?;
    Ok(Json(ReferralJson::of(moved)))
}
