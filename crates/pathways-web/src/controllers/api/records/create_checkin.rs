//! `POST /api/v1/persons/{id}/checkins`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use pathways_domain::audit::AuditAction;
use pathways_domain::checkin::{Checkin, RawCheckin};

use super::CheckinJson;
use crate::access::{PersonTx, open_person};
use crate::controllers::api::persons::parse_body;
use crate::controllers::persons::parse_id;
use crate::error::{WebError, WebResult};
use crate::extract::ApiCaller;
use crate::state::AppState;

/// Records a check-in. `"safe": false` raises an urgent item for the coach in the same transaction.
#[utoipa::path(post, path = "/api/v1/persons/{id}/checkins", tag = "recovery",
    params(("id" = String, Path, description = "The person's id")),
    request_body(content = Object, description = "mood (1–5), craving (0–10), used_since_last, use_note, meetings_attended, supports, safe"),
    responses((status = 201, body = CheckinJson), (status = 400), (status = 401), (status = 403), (status = 404), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_checkin(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
    body: Bytes,
) -> WebResult<(StatusCode, Json<CheckinJson>)> {
    let id = parse_id(&id)?;
    let raw: RawCheckin = parse_body(&body)?;
    let checkin = Checkin::parse(&raw).map_err(WebError::Invalid)?;
    let PersonTx { tx, scope, .. } = open_person(&state, &ctx, &caller, id, AuditAction::CheckinCreate).await?;
    let saved = crate::controllers::checkins::record(&tx, &ctx, &scope, id, &checkin, caller.account).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(saved.into())))
}
