//! `GET /api/v1/persons/{id}/checkins`.

use axum::Json;
use axum::extract::{Path, Query, State};
use pathways_domain::audit::AuditAction;
use pathways_store::records;
use serde::Deserialize;
use utoipa::IntoParams;

use super::CheckinJson;
use crate::access::{PersonRead, read_person};
use crate::controllers::persons::parse_id;
use crate::error::WebResult;
use crate::extract::ApiCaller;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct Limit {
    /// 1 to 1000 (default 100).
    pub limit: Option<u64>,
}

/// The most recent check-ins, newest first.
#[utoipa::path(get, path = "/api/v1/persons/{id}/checkins", tag = "recovery",
    params(("id" = String, Path, description = "The person's id"), Limit),
    responses((status = 200, body = [CheckinJson]), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_checkins(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
    Query(q): Query<Limit>,
) -> WebResult<Json<Vec<CheckinJson>>> {
    let id = parse_id(&id)?;
    let PersonRead { scope, .. } = read_person(&state, &ctx, &caller, id, AuditAction::CheckinRead).await?;
    let tx = state.store.reader();
    let list = records::checkins(tx, &scope, id, q.limit.unwrap_or(100).clamp(1, 1000)).await?;
    Ok(Json(list.into_iter().map(CheckinJson::from).collect()))
}
