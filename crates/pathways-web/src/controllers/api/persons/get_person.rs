//! `GET /api/v1/persons/{id}`.

use axum::Json;
use axum::extract::State;
use pathways_domain::PersonId;

use super::PersonJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath};
use crate::services::persons;
use crate::state::AppState;

/// One person; 404 when outside the caller's reach (another organization, or not on a coach's caseload).
#[utoipa::path(get, path = "/api/v1/persons/{id}", tag = "persons",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = PersonJson), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn get_person(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
) -> WebResult<Json<PersonJson>> {
    Ok(Json(persons::get(&state, &ctx, &caller, id).await?.into()))
}
