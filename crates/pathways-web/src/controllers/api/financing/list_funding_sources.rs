//! `GET /api/v1/financing/sources`.

use axum::Json;
use axum::extract::State;

use super::setup_json::SourceJson;
use crate::error::WebResult;
use crate::extract::ApiCaller;
use crate::services;
use crate::state::AppState;

/// The organization's funding sources, by name (administrators).
#[utoipa::path(get, path = "/api/v1/financing/sources", tag = "financing",
    responses((status = 200, body = [SourceJson]), (status = 401), (status = 403)),
    security(("bearer" = [])))]
pub async fn list_funding_sources(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
) -> WebResult<Json<Vec<SourceJson>>> {
    let setup = services::funding::overview(&state, &ctx, &caller).await?;
    Ok(Json(setup.sources.iter().map(SourceJson::from).collect()))
}
