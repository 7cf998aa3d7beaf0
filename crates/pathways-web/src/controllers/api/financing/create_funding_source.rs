//! `POST /api/v1/financing/sources`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

use super::setup_json::{SourceBody, SourceJson};
use crate::error::WebResult;
use crate::extract::{ApiCaller, JsonBody};
use crate::services;
use crate::state::AppState;

/// Adds a grant (with its period and budget), a voucher program or a payer under one of the organization's payer
/// profiles (administrators; every bad field is named, 422).
#[utoipa::path(post, path = "/api/v1/financing/sources", tag = "financing", request_body = SourceBody,
    responses((status = 201, body = SourceJson), (status = 400), (status = 401), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_funding_source(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    JsonBody(body): JsonBody<SourceBody>,
) -> WebResult<(StatusCode, Json<SourceJson>)> {
    let row = services::funding::add_source(&state, &ctx, &caller, &body.raw()).await?;
    Ok((StatusCode::CREATED, Json(SourceJson::from(&row))))
}
