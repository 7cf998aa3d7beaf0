//! The transport API: `POST /api/v1/transport-requests`, `GET /api/v1/transport-queue`,
//! `PATCH /api/v1/transport-requests/{id}`. Access line operators of the call's organization only; another
//! organization's call or ride is not found.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use pathways_domain::access_line::LevelOfCare;
use pathways_domain::access_line::call::{RawRide, Ride};
use pathways_domain::access_line::transport::{PriorityClass, RideError, RideStatus};
use pathways_store::access_calls::{RideFor, change_ride, request_ride, transport_queue};
use pathways_store::model;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::controllers::api::persons::parse_body;
use crate::controllers::capacity::parse_uuid;
use crate::error::{WebError, WebResult};
use crate::extract::ApiCaller;
use crate::state::AppState;
use pathways_domain::access::works_access_line;

/// A ride to treatment.
#[derive(Debug, Serialize, ToSchema)]
pub struct RideJson {
    pub id: Uuid,
    pub call_id: Uuid,
    pub hold_id: Option<Uuid>,
    pub level: Option<String>,
    /// `withdrawal_management`, `residential` or `other`: the queue serves them in that order.
    pub priority_class: String,
    pub pickup: String,
    pub destination: String,
    pub within_hours: i32,
    pub status: String,
    pub requested_at: DateTime<Utc>,
    pub assigned_at: Option<DateTime<Utc>>,
    pub en_route_at: Option<DateTime<Utc>>,
    pub picked_up_at: Option<DateTime<Utc>>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub reason: Option<String>,
}

impl From<model::Ride> for RideJson {
    fn from(r: model::Ride) -> Self {
        let class = PriorityClass::of(r.level.as_deref().and_then(LevelOfCare::parse));
        Self {
            id: r.id,
            call_id: r.call_id,
            hold_id: r.hold_id,
            priority_class: serde_json::to_value(class)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            level: r.level,
            pickup: r.pickup,
            destination: r.destination,
            within_hours: r.within_hours,
            status: r.status,
            requested_at: r.requested_at,
            assigned_at: r.assigned_at,
            en_route_at: r.en_route_at,
            picked_up_at: r.picked_up_at,
            delivered_at: r.delivered_at,
            closed_at: r.closed_at,
            reason: r.reason,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RideCreate {
    pub call_id: Uuid,
    pub hold_id: Option<Uuid>,
    /// The destination's level of care (orders the queue).
    pub level: Option<String>,
    pub pickup: String,
    pub destination: String,
    pub within_hours: u32,
    #[serde(default)]
    pub notes: String,
}

#[utoipa::path(post, path = "/api/v1/transport-requests", tag = "capacity",
    request_body(content = Object, description = r#"{"call_id", "hold_id"?, "level"?, "pickup", "destination", "within_hours": 1|2|4|8|24, "notes"?}"#),
    responses((status = 201, body = RideJson), (status = 400), (status = 401), (status = 404, description = "No such call of the caller's organization"), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_ride(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    body: Bytes,
) -> WebResult<(StatusCode, Json<RideJson>)> {
    if !works_access_line(&caller.principal) {
        return Err(WebError::NotFound);
    }
    let body: RideCreate = parse_body(&body)?;
    let level = match body.level.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        None => None,
        Some(code) => Some(LevelOfCare::parse(code).ok_or_else(|| {
            WebError::Invalid(vec![pathways_domain::text::FieldError::new("level", "unknown-choice")])
        })?),
    };
    let raw = RawRide {
        pickup: body.pickup,
        destination: body.destination,
        within_hours: body.within_hours.to_string(),
        notes: body.notes,
    };
    let ride = Ride::parse(&raw).map_err(WebError::Invalid)?;
    let tx = state.store.begin().await?;
    let saved = request_ride(
        &tx,
        &ctx.actor(),
        caller.org,
        RideFor { call: body.call_id, hold: body.hold_id, level },
        &ride,
        pathways_store::now(),
    )
    .await?
    .ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(saved.into())))
}

#[utoipa::path(get, path = "/api/v1/transport-queue", tag = "capacity",
    responses((status = 200, body = Vec<RideJson>, description = "Rides not yet over: detox first, then residential, then other; the longest wait first within each"), (status = 401)),
    security(("bearer" = [])))]
pub async fn get_queue(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
) -> WebResult<Json<Vec<RideJson>>> {
    if !works_access_line(&caller.principal) {
        return Err(WebError::NotFound);
    }
    let tx = state.store.begin().await?;
    let rides = transport_queue(&tx, &ctx.actor(), caller.org).await?;
    tx.commit().await?;
    Ok(Json(rides.into_iter().map(RideJson::from).collect()))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RidePatch {
    pub status: String,
    pub reason: Option<String>,
}

#[utoipa::path(patch, path = "/api/v1/transport-requests/{id}", tag = "capacity",
    params(("id" = String, Path, description = "The ride's id")),
    request_body(content = Object, description = r#"{"status": "assigned"|"en_route"|"picked_up"|"delivered"|"cancelled"|"no_show", "reason"?}"#),
    responses((status = 200, body = RideJson), (status = 401), (status = 404), (status = 409, description = "Not the next step"), (status = 422, description = "A cancellation or no-show without a reason")),
    security(("bearer" = [])))]
pub async fn patch_ride(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
    body: Bytes,
) -> WebResult<Response> {
    if !works_access_line(&caller.principal) {
        return Err(WebError::NotFound);
    }
    let id = parse_uuid(&id)?;
    let patch: RidePatch = parse_body(&body)?;
    let to = RideStatus::parse(&patch.status)
        .ok_or_else(|| WebError::Invalid(vec![pathways_domain::text::FieldError::new("status", "unknown-choice")]))?;
    let tx = state.store.begin().await?;
    let changed = change_ride(&tx, &ctx.actor(), caller.org, id, to, patch.reason.as_deref(), pathways_store::now())
        .await?
        .ok_or(WebError::NotFound)?;
    tx.commit().await?;
    match changed {
        Ok(ride) => Ok(Json(RideJson::from(ride)).into_response()),
        Err(RideError::ReasonRequired) => {
            Err(WebError::Invalid(vec![pathways_domain::text::FieldError::new("reason", "required")]))
        }
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
