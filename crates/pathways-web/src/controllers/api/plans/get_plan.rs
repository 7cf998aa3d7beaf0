//! `GET /api/v1/persons/{id}/plan`.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use pathways_domain::PersonId;

use super::PlanJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

/// The current plan; its version is also the `ETag`.
#[utoipa::path(get, path = "/api/v1/persons/{id}/plan", tag = "plans",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = PlanJson), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn get_plan(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
) -> WebResult<Response> {
    let plan = services::plans::current(&state, &ctx, &caller, id).await?;
    let body = PlanJson::of(id.as_uuid(), plan);
    let etag = HeaderValue::from_str(&format!("\"{}\"", body.version)).unwrap_or(HeaderValue::from_static("\"0\""));
    Ok(([(header::ETAG, etag)], Json(body)).into_response())
}
