//! `GET /api/v1/persons/{id}/outcome-interviews`.

use axum::Json;
use axum::extract::State;
use pathways_domain::PersonId;

use super::InterviewJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

/// The person's outcome interviews with the caller's organization, by due date.
#[utoipa::path(get, path = "/api/v1/persons/{id}/outcome-interviews", tag = "outcomes",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = [InterviewJson]), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_interviews(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
) -> WebResult<Json<Vec<InterviewJson>>> {
    let list = services::interviews::list(&state, &ctx, &caller, id).await?;
    Ok(Json(list.into_iter().map(InterviewJson::from).collect()))
}
