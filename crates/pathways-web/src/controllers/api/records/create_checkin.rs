//! `POST /api/v1/persons/{id}/checkins`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pathways_domain::PersonId;
use pathways_domain::checkin::{Checkin, RawCheckin};

use super::CheckinJson;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::state::AppState;

/// Records a check-in. `"safe": false` raises an urgent item for the coach in the same transaction.
#[utoipa::path(post, path = "/api/v1/persons/{id}/checkins", tag = "recovery",
    params(("id" = String, Path, description = "The person's id")),
    request_body = crate::schemas::CheckinCreate,
    responses((status = 201, body = CheckinJson), (status = 400), (status = 401), (status = 403), (status = 404), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_checkin(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    JsonBody(raw): JsonBody<RawCheckin>,
) -> WebResult<(StatusCode, Json<CheckinJson>)> {
    let checkin = Checkin::parse(&raw).map_err(WebError::Invalid)?;
    let saved = services::checkins::record(&state, &ctx, &caller, id, &checkin).await?;
    Ok((StatusCode::CREATED, Json(saved.into())))
}
