//! `GET /api/v1/persons/{id}/assessments`.

use axum::Json;
use axum::extract::State;
use pathways_domain::PersonId;

use super::AssessmentJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

/// Every assessment, oldest first.
#[utoipa::path(get, path = "/api/v1/persons/{id}/assessments", tag = "recovery",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = [AssessmentJson]), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_assessments(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
) -> WebResult<Json<Vec<AssessmentJson>>> {
    let all = services::assessments::list(&state, &ctx, &caller, id).await?.assessments;
    Ok(Json(all.into_iter().map(AssessmentJson::from).collect()))
}
