//! `POST /api/v1/persons/{id}/checkups`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pathways_domain::PersonId;
use pathways_domain::checkup::{CheckupAnswers, RawCheckupAnswers};

use super::CheckupJson;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::state::AppState;

/// Records a completed check-up. The body carries at least `days_alcohol_90` and `days_drugs_90` (0–90),
/// `weekly_use_since_last`, `wants_treatment`, `in_treatment` and `past_month_problems` (a list of codes, empty
/// when none); optionally `treatment_status`, `housing`, `work_or_school`, `justice_involved`,
/// `social_support` and `barc10` (ten answers, 1–6). Every bad field is named in one 422. When treatment is
/// needed a linkage task opens for the person's coach in the same transaction.
#[utoipa::path(post, path = "/api/v1/persons/{id}/checkups", tag = "checkups",
    params(("id" = String, Path, description = "The person's id")),
    request_body = crate::schemas::CheckupCreate,
    responses((status = 201, body = CheckupJson), (status = 400), (status = 401), (status = 403), (status = 404), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_checkup(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    JsonBody(raw): JsonBody<RawCheckupAnswers>,
) -> WebResult<(StatusCode, Json<CheckupJson>)> {
    let answers = CheckupAnswers::parse(&raw).map_err(WebError::Invalid)?;
    let recorded = services::checkups::save(&state, &ctx, &caller, id, &answers).await?;
    let mut json = CheckupJson::from(recorded.checkup);
    json.linkage_task_id = recorded.linkage_task;
    Ok((StatusCode::CREATED, Json(json)))
}
