//! `GET /api/v1/persons/{id}/encounters`.

use axum::Json;
use axum::extract::State;
use pathways_domain::{PersonId, PrincipalKind};

use super::EncounterJson;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

/// Encounters, newest first; notes only for the author, the assigned coach and supervisors.
#[utoipa::path(get, path = "/api/v1/persons/{id}/encounters", tag = "recovery",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = [EncounterJson]), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_encounters(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
) -> WebResult<Json<Vec<EncounterJson>>> {
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::Forbidden);
    }
    let log = services::encounters::list(&state, &ctx, &caller, id, 500).await?;
    Ok(Json(log.entries.into_iter().map(|(e, visible)| EncounterJson::of(e, visible)).collect()))
}
