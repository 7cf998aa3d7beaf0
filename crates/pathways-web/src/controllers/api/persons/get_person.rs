//! `GET /api/v1/persons/{id}`.

use axum::Json;
use axum::extract::{Path, State};
use pathways_domain::audit::AuditAction;

use super::PersonJson;
use crate::access::{PersonRead, read_person};
use crate::controllers::persons::parse_id;
use crate::error::WebResult;
use crate::extract::ApiCaller;
use crate::state::AppState;

/// One person; 404 when outside the caller's reach (another organization, or not on a coach's caseload).
#[utoipa::path(get, path = "/api/v1/persons/{id}", tag = "persons",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = PersonJson), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn get_person(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
) -> WebResult<Json<PersonJson>> {
    let id = parse_id(&id)?;
    let PersonRead { record, .. } = read_person(&state, &ctx, &caller, id, AuditAction::PersonRead).await?;
    Ok(Json(record.into()))
}
