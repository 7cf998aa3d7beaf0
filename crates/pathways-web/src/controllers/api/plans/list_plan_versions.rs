//! `GET /api/v1/persons/{id}/plan/versions`.

use axum::Json;
use axum::extract::{Path, State};
use pathways_domain::audit::AuditAction;
use pathways_store::plans;

use super::PlanJson;
use crate::access::{PersonRead, read_person};
use crate::controllers::persons::parse_id;
use crate::error::WebResult;
use crate::extract::ApiCaller;
use crate::state::AppState;

/// Every version, newest first.
#[utoipa::path(get, path = "/api/v1/persons/{id}/plan/versions", tag = "plans",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = [PlanJson]), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_plan_versions(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
) -> WebResult<Json<Vec<PlanJson>>> {
    let id = parse_id(&id)?;
    let PersonRead { scope, .. } = read_person(&state, &ctx, &caller, id, AuditAction::PlanRead).await?;
    let tx = state.store.reader();
    let versions = plans::versions(tx, &scope, id).await?;
    Ok(Json(versions.into_iter().map(|v| PlanJson::of(id.as_uuid(), Some(v))).collect()))
}
