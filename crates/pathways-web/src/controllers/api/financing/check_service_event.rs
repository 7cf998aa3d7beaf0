//! `POST /api/v1/persons/{id}/service-events/check`.

use axum::Json;
use axum::extract::State;
use pathways_domain::{PersonId, PrincipalKind};

use super::{CheckJson, ServiceEventBody};
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::state::AppState;

/// Checks a service event without recording it: the units and every problem a funder would refuse (for each
/// person of a group service, `group_persons`).
#[utoipa::path(post, path = "/api/v1/persons/{id}/service-events/check", tag = "financing",
    request_body = ServiceEventBody,
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = CheckJson), (status = 400), (status = 401), (status = 403), (status = 404),
        (status = 422)),
    security(("bearer" = [])))]
pub async fn check_service_event(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    JsonBody(body): JsonBody<ServiceEventBody>,
) -> WebResult<Json<CheckJson>> {
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::Forbidden);
    }
    let (input, group) = body.parse(id).map_err(WebError::Invalid)?;
    let checked = services::financing::check(&state, &ctx, &caller, id, &group, &input).await?;
    Ok(Json((&checked).into()))
}
