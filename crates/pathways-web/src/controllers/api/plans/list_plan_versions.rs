//! `GET /api/v1/persons/{id}/plan/versions`.

use axum::Json;
use axum::extract::State;
use pathways_domain::PersonId;

use super::PlanJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

/// Every version, newest first.
#[utoipa::path(get, path = "/api/v1/persons/{id}/plan/versions", tag = "plans",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = [PlanJson]), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_plan_versions(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
) -> WebResult<Json<Vec<PlanJson>>> {
    let versions = services::plans::versions(&state, &ctx, &caller, id).await?;
    Ok(Json(versions.into_iter().map(|v| PlanJson::of(id.as_uuid(), Some(v))).collect()))
}
