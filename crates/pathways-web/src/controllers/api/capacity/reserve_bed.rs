//! `POST /api/v1/programs/{id}/reservations`: hold a bed for a caller. One atomic step (see
//! `pathways_store::capacity`): 201 with the hold and its expiry, or 409 with other programs that have a bed.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::ids::{CallId, ProgramId};
use pathways_store::capacity::Reservation;
use serde::Deserialize;
use utoipa::ToSchema;

use super::{HoldJson, ProgramJson};
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath, JsonBodyOrEmpty};
use crate::services;
use crate::state::AppState;

/// A reservation's details; the body may be left out (an empty body is fine).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ReservationBody {
    /// The access line call the bed is for.
    #[schema(value_type = Option<String>, format = Uuid)]
    pub call_id: Option<CallId>,
}

#[utoipa::path(post, path = "/api/v1/programs/{id}/reservations", tag = "capacity",
    params(("id" = String, Path, description = "The program's id")),
    request_body(content = Option<ReservationBody>, description = "Optional: an empty body is fine"),
    responses((status = 201, body = HoldJson), (status = 401), (status = 404),
        (status = 409, description = "No bed left: `alternatives` lists programs at the same level with a bed")),
    security(("bearer" = [])))]
pub async fn reserve_bed(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(program): InPath<ProgramId>,
    JsonBodyOrEmpty(body): JsonBodyOrEmpty<ReservationBody>,
) -> WebResult<Response> {
    match services::capacity::reserve_bed(&state, &ctx, &caller, program, body.call_id).await? {
        Reservation::Held(hold) => Ok((StatusCode::CREATED, Json(HoldJson::from(hold))).into_response()),
        Reservation::NoBed { alternatives } => {
            let t = ctx.t();
            let alternatives: Vec<ProgramJson> = alternatives.into_iter().map(ProgramJson::from).collect();
            let body = serde_json::json!({
                "error": {
                    "status": 409,
                    "code": "no_bed_left",
                    "message": t.get("capacity-no-bed"),
                    "request_id": ctx.request_id,
                },
                "alternatives": alternatives,
            });
            Ok((StatusCode::CONFLICT, Json(body)).into_response())
        }
    }
}
