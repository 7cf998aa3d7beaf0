//! `POST /api/v1/persons/{id}/service-events`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pathways_domain::{PersonId, PrincipalKind};
use serde::Serialize;
use utoipa::ToSchema;

use super::{CheckJson, ServiceEventBody, ServiceEventJson};
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::state::AppState;

/// The recorded event and its check.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecordedJson {
    pub event: ServiceEventJson,
    pub check: CheckJson,
}

/// Records a service event by the caller (staff), signed at once with `"sign": true`. Problems do not stop
/// recording (the event is not ready to bill until they are gone); a voucher with too few units left stops
/// signing (409). A group service names its other persons in `group_persons`: each must be one the caller
/// reaches (422 on `group_persons` otherwise, and nothing is saved); a claim line is billed for each.
#[utoipa::path(post, path = "/api/v1/persons/{id}/service-events", tag = "financing", request_body = ServiceEventBody,
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 201, body = RecordedJson), (status = 400), (status = 401), (status = 403), (status = 404),
        (status = 409), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_service_event(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    JsonBody(body): JsonBody<ServiceEventBody>,
) -> WebResult<(StatusCode, Json<RecordedJson>)> {
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::Forbidden);
    }
    let (input, group) = body.parse(id).map_err(WebError::Invalid)?;
    let (event, checked) = services::financing::record(&state, &ctx, &caller, id, &group, &input, body.sign).await?;
    Ok((StatusCode::CREATED, Json(RecordedJson { event: (&event).into(), check: (&checked).into() })))
}
