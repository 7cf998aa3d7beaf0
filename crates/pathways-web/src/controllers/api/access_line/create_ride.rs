//! `POST /api/v1/transport-requests`: a ride to treatment for one of the organization's calls.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pathways_domain::access_line::LevelOfCare;
use pathways_domain::access_line::call::{RawRide, Ride};
use pathways_domain::ids::{CallId, HoldId};
use pathways_domain::text::FieldError;
use pathways_store::access_calls::RideFor;
use serde::Deserialize;
use utoipa::ToSchema;

use super::RideJson;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiOperator, JsonBody};
use crate::services;
use crate::state::AppState;

/// A ride to request for an access line call.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RideCreate {
    /// The call the ride is for.
    #[schema(value_type = String, format = Uuid)]
    pub call_id: CallId,
    /// The bed held for the caller, when there is one.
    #[schema(value_type = Option<String>, format = Uuid)]
    pub hold_id: Option<HoldId>,
    /// The destination's level of care, an ASAM code such as `3.7-WM` (orders the queue: withdrawal management
    /// first).
    pub level: Option<String>,
    #[schema(min_length = 1)]
    pub pickup: String,
    #[schema(min_length = 1)]
    pub destination: String,
    /// How soon the ride is needed: 1, 2, 4, 8 or 24 hours.
    #[schema(example = 4)]
    pub within_hours: u32,
    #[serde(default)]
    pub notes: String,
}

#[utoipa::path(post, path = "/api/v1/transport-requests", tag = "capacity",
    request_body = RideCreate,
    responses((status = 201, body = RideJson), (status = 400), (status = 401), (status = 404, description = "No such call of the caller's organization"), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_ride(
    State(state): State<AppState>,
    ApiOperator { ctx, caller }: ApiOperator,
    JsonBody(body): JsonBody<RideCreate>,
) -> WebResult<(StatusCode, Json<RideJson>)> {
    let level = match body.level.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        None => None,
        Some(code) => Some(
            LevelOfCare::parse(code)
                .ok_or_else(|| WebError::Invalid(vec![FieldError::new("level", "unknown-choice")]))?,
        ),
    };
    let raw = RawRide {
        pickup: body.pickup,
        destination: body.destination,
        within_hours: body.within_hours.to_string(),
        notes: body.notes,
    };
    let ride = Ride::parse(&raw).map_err(WebError::Invalid)?;
    let target = RideFor { call: body.call_id.as_uuid(), hold: body.hold_id.map(|h| h.as_uuid()), level };
    let saved = services::access_line::request_ride(&state, &ctx, &caller, target, &ride).await?;
    Ok((StatusCode::CREATED, Json(saved.into())))
}
