//! `POST /api/v1/reservations/{id}/admit` and `/release`: the person arrived (the bed is taken), or the bed is
//! given back. A hold that expired or was closed answers 409 saying which.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::access::may_close_hold;
use pathways_domain::access_line::HoldState;
use pathways_domain::access_line::capacity::HoldError;
use pathways_store::capacity::{close_hold, program_of_hold, program_view};

use super::{HoldJson, parse_uuid};
use crate::ctx::Caller;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::ApiCaller;
use crate::state::AppState;

#[utoipa::path(post, path = "/api/v1/reservations/{id}/admit", tag = "capacity",
    params(("id" = String, Path, description = "The hold's id")),
    responses((status = 200, body = HoldJson), (status = 401), (status = 404), (status = 409, description = "Expired or already closed")),
    security(("bearer" = [])))]
pub async fn admit_hold(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
) -> WebResult<Response> {
    close(&state, &ctx, &caller, &id, HoldState::Admitted).await
}

#[utoipa::path(post, path = "/api/v1/reservations/{id}/release", tag = "capacity",
    params(("id" = String, Path, description = "The hold's id")),
    responses((status = 200, body = HoldJson), (status = 401), (status = 404), (status = 409, description = "Expired or already closed")),
    security(("bearer" = [])))]
pub async fn release_hold(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
) -> WebResult<Response> {
    close(&state, &ctx, &caller, &id, HoldState::Released).await
}

async fn close(state: &AppState, ctx: &Ctx, caller: &Caller, id: &str, to: HoldState) -> WebResult<Response> {
    let id = parse_uuid(id)?;
    let now = pathways_store::now();
    let program_id = program_of_hold(state.store.reader(), id).await?.ok_or(WebError::NotFound)?;
    let program = program_view(state.store.reader(), program_id, now, state.config.capacity_stale_after()).await?;
    let program = program.ok_or(WebError::NotFound)?;
    if !may_close_hold(&caller.principal, program.organization) {
        return Err(WebError::NotFound);
    }
    let tx = state.store.begin().await?;
    let closed = close_hold(&tx, &ctx.actor(), id, to, now).await?;
    tx.commit().await?;
    match closed.ok_or(WebError::NotFound)? {
        Ok(hold) => Ok(Json(HoldJson::from(hold)).into_response()),
        Err(e) => {
            let (code, key) = match e {
                HoldError::Expired => ("hold_expired", "capacity-hold-expired"),
                HoldError::Closed => ("hold_closed", "capacity-hold-closed"),
            };
            let body = serde_json::json!({
                "error": { "status": 409, "code": code, "message": ctx.t().get(key), "request_id": ctx.request_id },
            });
            Ok((StatusCode::CONFLICT, Json(body)).into_response())
        }
    }
}
