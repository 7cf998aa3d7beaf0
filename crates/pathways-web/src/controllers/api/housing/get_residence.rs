//! `GET /api/v1/residences/{id}`: one of the caller's organization's residences, for its operator.

use axum::Json;
use axum::extract::State;
use pathways_domain::ids::ResidenceId;

use super::residence_json::OperatorResidenceJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

#[utoipa::path(get, path = "/api/v1/residences/{id}", tag = "housing",
    params(("id" = String, Path, description = "The residence's id")),
    responses((status = 200, body = OperatorResidenceJson), (status = 401),
        (status = 404, description = "No such residence operated by the caller's organization")),
    security(("bearer" = [])))]
pub async fn get_residence(
    State(state): State<AppState>,
    ApiCaller { caller, .. }: ApiCaller,
    InPath(id): InPath<ResidenceId>,
) -> WebResult<Json<OperatorResidenceJson>> {
    Ok(Json(services::housing::residence(&state, &caller, id).await?.into()))
}
