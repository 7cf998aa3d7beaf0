//! `POST /api/v1/programs/{id}/reservations`: hold a bed for a caller. One atomic step (see
//! `pathways_store::capacity`): 201 with the hold and its expiry, or 409 with other programs that have a bed.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::access::may_reserve_bed;
use pathways_store::capacity::{Reservation, program_view, reserve};
use serde::Deserialize;
use uuid::Uuid;

use super::{HoldJson, ProgramJson, parse_uuid};
use crate::controllers::api::persons::parse_body;
use crate::error::{WebError, WebResult};
use crate::extract::ApiCaller;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReservationBody {
    /// The access line call the bed is for.
    pub call_id: Option<Uuid>,
}

#[utoipa::path(post, path = "/api/v1/programs/{id}/reservations", tag = "capacity",
    params(("id" = String, Path, description = "The program's id")),
    request_body(content = Object, description = r#"{"call_id": "…"} (optional; an empty body is fine)"#),
    responses((status = 201, body = HoldJson), (status = 401), (status = 404),
        (status = 409, description = "No bed left: `alternatives` lists programs at the same level with a bed")),
    security(("bearer" = [])))]
pub async fn reserve_bed(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
    body: Bytes,
) -> WebResult<Response> {
    let id = parse_uuid(&id)?;
    let body: ReservationBody =
        if body.iter().all(u8::is_ascii_whitespace) { ReservationBody::default() } else { parse_body(&body)? };
    let now = pathways_store::now();
    let program = program_view(state.store.reader(), id, now, state.config.capacity_stale_after()).await?;
    let program = program.ok_or(WebError::NotFound)?;
    if !may_reserve_bed(&caller.principal, program.organization) {
        return Err(WebError::NotFound);
    }
    let tx = state.store.begin().await?;
    let answer = reserve(&tx, &ctx.actor(), id, body.call_id, now, state.config.bed_hold()).await?;
    tx.commit().await?;
    match answer.ok_or(WebError::NotFound)? {
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
