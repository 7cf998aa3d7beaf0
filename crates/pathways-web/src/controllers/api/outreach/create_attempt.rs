//! `POST /api/v1/outreach/{item}/attempts`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pathways_domain::ids::OutreachItemId;
use pathways_domain::outreach::AttemptInput;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::state::AppState;

/// `{"channel": "phone", "outcome": "no_answer", "note": "…"}`
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct AttemptCreate {
    /// `phone`, `text`, `email`, `visit` or `ally` (through an ally, with consent).
    pub channel: String,
    /// `reached`, `left_message`, `no_answer`, `wrong_number` or `declined`.
    pub outcome: String,
    pub note: Option<String>,
}

/// The item after the attempt.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttemptJson {
    pub attempt_id: Uuid,
    pub item_id: Uuid,
    pub attempts: i32,
    pub failed_attempts: i32,
    /// Set once the failed attempts reach the program's number (3 by default): the supervisor sees it.
    pub escalated_at: Option<chrono::DateTime<chrono::Utc>>,
    /// This attempt escalated it.
    pub escalated_now: bool,
}

/// Logs an attempt to reach the person for an open item. Reaching them is a contact (a "not engaged" item
/// closes); each failed attempt counts toward escalation.
#[utoipa::path(post, path = "/api/v1/outreach/{item}/attempts", tag = "checkups", request_body = AttemptCreate,
    params(("item" = String, Path, description = "The outreach item's id")),
    responses((status = 201, body = AttemptJson), (status = 400), (status = 401), (status = 403), (status = 404), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_attempt(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(item): InPath<OutreachItemId>,
    JsonBody(body): JsonBody<AttemptCreate>,
) -> WebResult<(StatusCode, Json<AttemptJson>)> {
    let attempt = AttemptInput::parse(&body.channel, &body.outcome, body.note.as_deref()).map_err(WebError::Invalid)?;
    let done = services::outreach::log_attempt(&state, &ctx, &caller, item, attempt).await?;
    Ok((
        StatusCode::CREATED,
        Json(AttemptJson {
            attempt_id: done.attempt_id,
            item_id: done.item.id,
            attempts: done.item.attempts,
            failed_attempts: done.item.failed_attempts,
            escalated_at: done.item.escalated_at,
            escalated_now: done.escalated_now,
        }),
    ))
}
