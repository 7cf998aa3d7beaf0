//! `GET /api/v1/persons/{id}/checkups`.

use axum::Json;
use axum::extract::State;
use pathways_domain::PersonId;

use super::CheckupJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

/// The person's check-ups, newest first.
#[utoipa::path(get, path = "/api/v1/persons/{id}/checkups", tag = "checkups",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = [CheckupJson]), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_checkups(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
) -> WebResult<Json<Vec<CheckupJson>>> {
    let list = services::checkups::list(&state, &ctx, &caller, id).await?;
    Ok(Json(list.into_iter().map(CheckupJson::from).collect()))
}
