//! `GET /api/v1/persons/{id}/plan`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use pathways_domain::audit::AuditAction;
use pathways_store::plans;

use super::PlanJson;
use crate::access::{PersonRead, read_person};
use crate::controllers::persons::parse_id;
use crate::error::WebResult;
use crate::extract::ApiCaller;
use crate::state::AppState;

/// The current plan; its version is also the `ETag`.
#[utoipa::path(get, path = "/api/v1/persons/{id}/plan", tag = "plans",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = PlanJson), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn get_plan(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    Path(id): Path<String>,
) -> WebResult<Response> {
    let id = parse_id(&id)?;
    let PersonRead { scope, .. } = read_person(&state, &ctx, &caller, id, AuditAction::PlanRead).await?;
    let tx = state.store.reader();
    let plan = plans::current(tx, &scope, id).await?;
    let body = PlanJson::of(id.as_uuid(), plan);
    let etag = HeaderValue::from_str(&format!("\"{}\"", body.version)).unwrap_or(HeaderValue::from_static("\"0\""));
    Ok(([(header::ETAG, etag)], Json(body)).into_response())
}
