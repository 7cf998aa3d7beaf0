//! `GET /api/v1/transport-queue`: the organization's rides not yet over, in the order they are served.

use axum::Json;
use axum::extract::State;

use super::RideJson;
use crate::error::WebResult;
use crate::extract::ApiOperator;
use crate::services;
use crate::state::AppState;

#[utoipa::path(get, path = "/api/v1/transport-queue", tag = "capacity",
    responses((status = 200, body = Vec<RideJson>, description = "Rides not yet over: detox first, then residential, then other; the longest wait first within each"), (status = 401), (status = 404, description = "The caller does not work the access line: its rides are not found")),
    security(("bearer" = [])))]
pub async fn get_queue(
    State(state): State<AppState>,
    ApiOperator { ctx, caller }: ApiOperator,
) -> WebResult<Json<Vec<RideJson>>> {
    let rides = services::access_line::transport_queue(&state, &ctx, &caller).await?;
    Ok(Json(rides.into_iter().map(RideJson::from).collect()))
}
