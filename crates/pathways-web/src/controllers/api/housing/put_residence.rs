//! `PUT /api/v1/residences/{id}`: replaces a residence's details (its operator's), audited `residence_update`.

use axum::Json;
use axum::extract::State;
use pathways_domain::ids::ResidenceId;

use super::residence_json::{OperatorResidenceJson, ResidenceDetailsBody};
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::state::AppState;

#[utoipa::path(put, path = "/api/v1/residences/{id}", tag = "housing",
    params(("id" = String, Path, description = "The residence's id")),
    request_body = ResidenceDetailsBody,
    responses((status = 200, body = OperatorResidenceJson), (status = 400), (status = 401), (status = 403),
        (status = 404, description = "No such residence operated by the caller's organization"),
        (status = 422, description = "A field breaks a rule: `fields` names each")),
    security(("bearer" = [])))]
pub async fn put_residence(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<ResidenceId>,
    JsonBody(body): JsonBody<ResidenceDetailsBody>,
) -> WebResult<Json<OperatorResidenceJson>> {
    let form = body.form();
    match services::housing::update_residence(&state, &ctx, &caller, id, &form, None).await? {
        Ok(r) => Ok(Json(r.into())),
        Err(errors) => Err(WebError::Invalid(errors)),
    }
}
