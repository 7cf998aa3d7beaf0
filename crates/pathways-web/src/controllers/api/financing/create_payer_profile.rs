//! `POST /api/v1/financing/profiles`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

use super::setup_json::{ProfileBody, ProfileJson};
use crate::error::WebResult;
use crate::extract::{ApiCaller, JsonBody};
use crate::services;
use crate::state::AppState;

/// Adds a payer profile: one funder's rules, as the organization enters them (administrators; every bad field is
/// named, 422).
#[utoipa::path(post, path = "/api/v1/financing/profiles", tag = "financing", request_body = ProfileBody,
    responses((status = 201, body = ProfileJson), (status = 400), (status = 401), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_payer_profile(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    JsonBody(body): JsonBody<ProfileBody>,
) -> WebResult<(StatusCode, Json<ProfileJson>)> {
    let row = services::funding::add_profile(&state, &ctx, &caller, &body.raw()).await?;
    Ok((StatusCode::CREATED, Json(ProfileJson::from(&row))))
}
