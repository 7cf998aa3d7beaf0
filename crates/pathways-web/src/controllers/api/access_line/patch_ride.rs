//! `PATCH /api/v1/transport-requests/{id}`: move a ride on, or cancel it or mark a no-show with a reason.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::access_line::transport::{RideError, RideStatus};
use pathways_domain::ids::RideId;
use pathways_domain::text::FieldError;
use serde::Deserialize;
use utoipa::ToSchema;

use super::RideJson;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiOperator, InPath, JsonBody};
use crate::services;
use crate::state::AppState;

/// A ride's next step.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RidePatch {
    /// The ride's next status.
    #[schema(pattern = "^(assigned|en_route|picked_up|delivered|cancelled|no_show)$", example = "assigned")]
    pub status: String,
    /// Why, for a cancellation or a no-show (required for those).
    pub reason: Option<String>,
}

#[utoipa::path(patch, path = "/api/v1/transport-requests/{id}", tag = "capacity",
    params(("id" = String, Path, description = "The ride's id")),
    request_body = RidePatch,
    responses((status = 200, body = RideJson), (status = 401), (status = 404), (status = 409, description = "Not the next step"), (status = 422, description = "A cancellation or no-show without a reason")),
    security(("bearer" = [])))]
pub async fn patch_ride(
    State(state): State<AppState>,
    ApiOperator { ctx, caller }: ApiOperator,
    InPath(ride): InPath<RideId>,
    JsonBody(patch): JsonBody<RidePatch>,
) -> WebResult<Response> {
    let to = RideStatus::parse(&patch.status)
        .ok_or_else(|| WebError::Invalid(vec![FieldError::new("status", "unknown-choice")]))?;
    let changed = services::access_line::change_ride(&state, &ctx, &caller, ride, to, patch.reason.as_deref()).await?;
    match changed {
        Ok(ride) => Ok(Json(RideJson::from(ride)).into_response()),
        Err(RideError::ReasonRequired) => Err(WebError::Invalid(vec![FieldError::new("reason", "required")])),
        Err(RideError::NotNext { from, to }) => {
            let body = serde_json::json!({
                "error": {
                    "status": 409,
                    "code": "not_next",
                    "message": ctx.t().get("transport-not-next"),
                    "request_id": ctx.request_id,
                    "from": from,
                    "to": to,
                },
            });
            Ok((StatusCode::CONFLICT, Json(body)).into_response())
        }
    }
}
