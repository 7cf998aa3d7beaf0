//! `POST /api/v1/persons/{id}/service-events/{service_event}/sign`.

use axum::Json;
use axum::extract::State;
use pathways_domain::ids::ServiceEventId;
use pathways_domain::{PersonId, PrincipalKind};

use super::ServiceEventJson;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

/// Signs a draft: only the staff member who gave the service (403 for anyone else). A voucher's units are taken
/// now; too few left: 409 and nothing changes. A signed event: 409.
#[utoipa::path(post, path = "/api/v1/persons/{id}/service-events/{service_event}/sign", tag = "financing",
    params(("id" = String, Path, description = "The person's id"),
        ("service_event" = String, Path, description = "The service event's id (one of the person's)")),
    responses((status = 200, body = ServiceEventJson), (status = 401), (status = 403), (status = 404),
        (status = 409, description = "Not a draft, or the voucher has too few units left")),
    security(("bearer" = [])))]
pub async fn sign_service_event(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    InPath(event): InPath<ServiceEventId>,
) -> WebResult<Json<ServiceEventJson>> {
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::Forbidden);
    }
    let v = services::financing::attest(&state, &ctx, &caller, id, event, false).await?;
    Ok(Json((&v).into()))
}
