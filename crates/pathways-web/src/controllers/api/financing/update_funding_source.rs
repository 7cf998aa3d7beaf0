//! `PUT /api/v1/financing/sources/{funding_source}`.

use axum::Json;
use axum::extract::State;
use pathways_domain::ids::FundingSourceId;

use super::setup_json::{SourceBody, SourceJson};
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::state::AppState;

/// Changes a funding source's name, profile and terms (administrators; another organization's source 404). Its
/// kind stays: another kind is 422 on `kind`.
#[utoipa::path(put, path = "/api/v1/financing/sources/{funding_source}", tag = "financing", request_body = SourceBody,
    params(("funding_source" = String, Path, description = "The funding source's id")),
    responses((status = 200, body = SourceJson), (status = 400), (status = 401), (status = 403), (status = 404),
        (status = 422)),
    security(("bearer" = [])))]
pub async fn update_funding_source(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<FundingSourceId>,
    JsonBody(body): JsonBody<SourceBody>,
) -> WebResult<Json<SourceJson>> {
    let row = services::funding::update_source(&state, &ctx, &caller, id, &body.raw()).await?;
    Ok(Json(SourceJson::from(&row)))
}
