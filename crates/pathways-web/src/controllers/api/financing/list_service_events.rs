//! `GET /api/v1/persons/{id}/service-events`.

use axum::Json;
use axum::extract::State;
use pathways_domain::{PersonId, PrincipalKind};

use super::ServiceEventJson;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

/// The person's service events, newest first (superseded versions left out).
#[utoipa::path(get, path = "/api/v1/persons/{id}/service-events", tag = "financing",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = [ServiceEventJson]), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_service_events(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
) -> WebResult<Json<Vec<ServiceEventJson>>> {
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::Forbidden);
    }
    let events = services::financing::list(&state, &ctx, &caller, id).await?;
    Ok(Json(events.iter().map(ServiceEventJson::from).collect()))
}
