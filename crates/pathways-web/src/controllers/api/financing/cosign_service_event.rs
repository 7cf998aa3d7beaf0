//! `POST /api/v1/persons/{id}/service-events/{service_event}/cosign`.

use axum::Json;
use axum::extract::State;
use pathways_domain::ids::ServiceEventId;
use pathways_domain::{PersonId, PrincipalKind};

use super::ServiceEventJson;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

/// A supervisor co-signs a signed service someone else gave (403 for anyone else); "co-signature missing" leaves
/// its problems. Not signed, or already co-signed: 409.
#[utoipa::path(post, path = "/api/v1/persons/{id}/service-events/{service_event}/cosign", tag = "financing",
    params(("id" = String, Path, description = "The person's id"),
        ("service_event" = String, Path, description = "The service event's id (one of the person's)")),
    responses((status = 200, body = ServiceEventJson), (status = 401), (status = 403), (status = 404),
        (status = 409, description = "Not signed, or already co-signed")),
    security(("bearer" = [])))]
pub async fn cosign_service_event(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    InPath(event): InPath<ServiceEventId>,
) -> WebResult<Json<ServiceEventJson>> {
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::Forbidden);
    }
    let v = services::financing::attest(&state, &ctx, &caller, id, event, true).await?;
    Ok(Json((&v).into()))
}
