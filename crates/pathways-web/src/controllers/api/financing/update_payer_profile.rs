//! `PUT /api/v1/financing/profiles/{profile}`.

use axum::Json;
use axum::extract::State;
use pathways_domain::ids::PayerProfileId;

use super::setup_json::{ProfileBody, ProfileJson};
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::state::AppState;

/// Replaces a payer profile's rules (administrators; another organization's profile 404). Services already recorded
/// keep their check; the next ones are checked against these rules.
#[utoipa::path(put, path = "/api/v1/financing/profiles/{profile}", tag = "financing", request_body = ProfileBody,
    params(("profile" = String, Path, description = "The payer profile's id")),
    responses((status = 200, body = ProfileJson), (status = 400), (status = 401), (status = 403), (status = 404),
        (status = 422)),
    security(("bearer" = [])))]
pub async fn update_payer_profile(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PayerProfileId>,
    JsonBody(body): JsonBody<ProfileBody>,
) -> WebResult<Json<ProfileJson>> {
    let row = services::funding::update_profile(&state, &ctx, &caller, id, &body.raw()).await?;
    Ok(Json(ProfileJson::from(&row)))
}
