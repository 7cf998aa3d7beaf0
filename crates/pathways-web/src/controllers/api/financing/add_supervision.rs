//! `POST /api/v1/financing/supervision`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

use super::staff_json::{SupervisionBody, SupervisionJson};
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, JsonBody};
use crate::services;
use crate::state::AppState;

/// Logs a supervision contact the caller held with a staff member of the organization (supervisors and
/// administrators; another organization's account is 422 on `staff_member`).
#[utoipa::path(post, path = "/api/v1/financing/supervision", tag = "financing", request_body = SupervisionBody,
    responses((status = 201, body = SupervisionJson), (status = 400), (status = 401), (status = 403),
        (status = 422)),
    security(("bearer" = [])))]
pub async fn add_supervision(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    JsonBody(body): JsonBody<SupervisionBody>,
) -> WebResult<(StatusCode, Json<SupervisionJson>)> {
    let raw = body.raw().map_err(WebError::Invalid)?;
    let (id, account, s) =
        services::financing::add_supervision(&state, &ctx, &caller, &body.staff_member, &raw).await?;
    Ok((
        StatusCode::CREATED,
        Json(SupervisionJson {
            id,
            supervisor: caller.account.as_uuid(),
            staff_member: account.as_uuid(),
            held_on: s.held_on,
            minutes: s.minutes,
            topics: s.topics,
        }),
    ))
}
