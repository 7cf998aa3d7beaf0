//! `GET /api/v1/persons/{id}/checkups`.

use axum::Json;
use axum::extract::{Path, State};
use pathways_domain::audit::AuditAction;
use pathways_store::checkups;

use super::CheckupJson;
use crate::access::{PersonRead, read_person};
use crate::controllers::persons::parse_id;
use crate::error::WebResult;
use crate::extract::ApiCaller;
use crate::state::AppState;

/// The person's check-ups, newest first.
#[utoipa::path(get, path = "/api/v1/persons/{id}/checkups", tag = "checkups",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = [CheckupJson]), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_checkups(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
) -> WebResult<Json<Vec<CheckupJson>>> {
    let id = parse_id(&id)?;
    let PersonRead { scope, .. } = read_person(&state, &ctx, &caller, id, AuditAction::CheckupRead).await?;
    let list = checkups::list(state.store.reader(), &scope, id).await?;
    Ok(Json(list.into_iter().map(CheckupJson::from).collect()))
}
