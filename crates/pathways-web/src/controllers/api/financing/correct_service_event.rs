//! `POST /api/v1/persons/{id}/service-events/{service_event}/corrections`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pathways_domain::financing::event::ServiceEventInput;
use pathways_domain::ids::ServiceEventId;
use pathways_domain::{PersonId, PrincipalKind};
use serde::Deserialize;
use utoipa::ToSchema;

use super::ServiceEventBody;
use super::create_service_event::RecordedJson;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::state::AppState;

/// A correction: the event as it should have been, and why. (No defaults: a default `event` would be an empty
/// event, which its own schema refuses, and the OpenAPI document would not validate.)
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CorrectionBody {
    #[schema(schema_with = crate::schemas::service_event::reason, required = true)]
    pub reason: String,
    /// The corrected event (`"sign": true` signs it at once, when the caller gave the service).
    #[schema(required = true)]
    pub event: ServiceEventBody,
}

/// Corrects a signed event: a new version (a draft, or signed with `"sign": true` by the staff member who gave
/// it) with the reason; the old version is kept, superseded. The staff member who gave it, a supervisor or an
/// administrator (403 for others). A draft or a superseded version: 409.
#[utoipa::path(post, path = "/api/v1/persons/{id}/service-events/{service_event}/corrections", tag = "financing",
    request_body = CorrectionBody,
    params(("id" = String, Path, description = "The person's id"),
        ("service_event" = String, Path, description = "The signed service event's id (one of the person's)")),
    responses((status = 201, body = RecordedJson), (status = 400), (status = 401), (status = 403), (status = 404),
        (status = 409, description = "Not a signed event, or the voucher has too few units left"), (status = 422)),
    security(("bearer" = [])))]
pub async fn correct_service_event(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    InPath(event): InPath<ServiceEventId>,
    JsonBody(body): JsonBody<CorrectionBody>,
) -> WebResult<(StatusCode, Json<RecordedJson>)> {
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::Forbidden);
    }
    // A correction keeps the event's persons: naming a group here is refused, not ignored.
    let group = (!body.event.group_persons.is_empty())
        .then(|| pathways_domain::text::FieldError::new("group_persons", "not-allowed"));
    let mut errors = match ServiceEventInput::parse(&body.event.raw(), crate::clock::today()) {
        Ok(input) if group.is_none() => {
            let sign = body.event.sign;
            let (v, checked) =
                services::financing::correct(&state, &ctx, &caller, id, event, &input, &body.reason, sign).await?;
            return Ok((StatusCode::CREATED, Json(RecordedJson { event: (&v).into(), check: (&checked).into() })));
        }
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    };
    errors.extend(group);
    if body.reason.trim().is_empty() {
        errors.push(pathways_domain::text::FieldError::new("reason", "required"));
    }
    Err(WebError::Invalid(errors))
}
