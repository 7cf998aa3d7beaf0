//! `GET /api/v1/persons/{id}/assessments`.

use axum::Json;
use axum::extract::{Path, State};
use pathways_domain::audit::AuditAction;
use pathways_store::records;

use super::AssessmentJson;
use crate::access::{PersonRead, read_person};
use crate::controllers::persons::parse_id;
use crate::error::WebResult;
use crate::extract::ApiCaller;
use crate::state::AppState;

/// Every assessment, oldest first.
#[utoipa::path(get, path = "/api/v1/persons/{id}/assessments", tag = "recovery",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = [AssessmentJson]), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_assessments(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
) -> WebResult<Json<Vec<AssessmentJson>>> {
    let id = parse_id(&id)?;
    let PersonRead { scope, .. } = read_person(&state, &ctx, &caller, id, AuditAction::AssessmentRead).await?;
    let tx = state.store.reader();
    let all = records::assessments(tx, &scope, id).await?;
    Ok(Json(all.into_iter().map(AssessmentJson::from).collect()))
}
