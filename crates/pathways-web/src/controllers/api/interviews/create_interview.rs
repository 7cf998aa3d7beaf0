//! `POST /api/v1/persons/{id}/outcome-interviews`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pathways_domain::outcomes::interview::AdministrativeReason;
use pathways_domain::{PersonId, PrincipalKind};
use serde::Deserialize;
use utoipa::ToSchema;

use super::InterviewJson;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::services::interviews::Save;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct InterviewCreate {
    #[schema(schema_with = crate::schemas::outcome_interview::answers)]
    pub answers: serde_json::Map<String, serde_json::Value>,
    /// Finished: every required item not skipped must be answered. Otherwise the answers are kept and the
    /// interview stays in progress (a later call adds to it).
    pub complete: bool,
    #[schema(schema_with = crate::schemas::outcome_interview::administrative_reason)]
    pub administrative_reason: Option<String>,
    #[schema(schema_with = crate::schemas::outcome_interview::done_on)]
    pub done_on: Option<String>,
}

/// Records the outcome interview open on `done_on` (default today) by the person's schedule — baseline within
/// 30 days of the episode's start, reassessment 180 days after the baseline ±30, annual ±30, closeout within 30
/// days of the end — or continues the one in progress for that window. Staff only. 422 names each bad answer
/// (`answers.<item>`), or `done_on` when no interview is due that day; 409 when that window's interview is
/// already settled.
#[utoipa::path(post, path = "/api/v1/persons/{id}/outcome-interviews", tag = "outcomes",
    params(("id" = String, Path, description = "The person's id")),
    request_body = InterviewCreate,
    responses((status = 201, body = InterviewJson), (status = 400), (status = 401), (status = 403), (status = 404),
        (status = 409), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_interview(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    JsonBody(body): JsonBody<InterviewCreate>,
) -> WebResult<(StatusCode, Json<InterviewJson>)> {
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::Forbidden);
    }
    let administrative = match body.administrative_reason.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(r) => Some(AdministrativeReason::parse(r).ok_or_else(|| WebError::InvalidPaths {
            fields: vec![("administrative_reason".into(), "unknown-choice")],
            detail: "administrative_reason must be not_reached, died or refused".into(),
        })?),
    };
    let day = match body.done_on.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| WebError::InvalidPaths {
            fields: vec![("done_on".into(), "invalid-date")],
            detail: "done_on must be a date, YYYY-MM-DD".into(),
        })?),
    };
    let save = Save {
        interview: None,
        answers: body.answers,
        complete: body.complete,
        administrative,
        day,
        answered_by: None,
    };
    let saved = services::interviews::save(&state, &ctx, &caller, id, save).await?;
    Ok((StatusCode::CREATED, Json(InterviewJson::from(saved))))
}
