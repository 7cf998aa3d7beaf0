//! `POST /api/v1/reservations/{id}/admit`: the person arrived (the bed is taken). A hold that expired or was
//! closed answers 409 saying which.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::access_line::HoldState;
use pathways_domain::ids::HoldId;

use super::{HoldJson, closed_hold_answer};
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

#[utoipa::path(post, path = "/api/v1/reservations/{id}/admit", tag = "capacity",
    params(("id" = String, Path, description = "The hold's id")),
    responses((status = 200, body = HoldJson), (status = 401), (status = 404), (status = 409, description = "Expired or already closed")),
    security(("bearer" = [])))]
pub async fn admit_hold(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(hold): InPath<HoldId>,
) -> WebResult<Response> {
    let closed = services::capacity::close_hold(&state, &ctx, &caller, hold, HoldState::Admitted).await?;
    Ok(closed_hold_answer(&ctx, closed.outcome))
}
