//! `PUT /api/v1/persons/{id}/plan`: saves a new version. A save made from an older version answers 409 with
//! both versions, so the client can merge and try again.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pathways_domain::PersonId;

use super::{PlanJson, PlanPut};
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::services::plans::{Problems, Saved};
use crate::state::AppState;

/// Saves the plan. Name the version you edited in `version` or `If-Match`.
#[utoipa::path(put, path = "/api/v1/persons/{id}/plan", tag = "plans", request_body = PlanPut,
    params(("id" = String, Path, description = "The person's id"), ("If-Match" = Option<String>, Header, description = "The version edited, as an ETag")),
    responses((status = 200, body = PlanJson), (status = 400), (status = 401), (status = 403), (status = 404),
        (status = 409, description = "a newer version exists: `current` holds it, `yours` what was sent"), (status = 422)),
    security(("bearer" = [])))]
pub async fn put_plan(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    headers: HeaderMap,
    JsonBody(put): JsonBody<PlanPut>,
) -> WebResult<Response> {
    let if_match = headers
        .get(header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().trim_start_matches("W/").trim_matches('"').parse::<i32>().ok());
    let from = put.version.or(if_match).ok_or(WebError::InvalidPaths {
        fields: vec![("version".into(), "required")],
        detail: "name the version you edited, in `version` or an If-Match header".into(),
    })?;
    let plan =
        put.plan.validated().map_err(|errors| invalid(errors.into_iter().map(|e| (e.path, e.code)).collect()))?;
    match services::plans::put(&state, &ctx, &caller, id, from, plan).await? {
        Saved::Saved(saved) => Ok(Json(PlanJson::of(id.as_uuid(), Some(saved))).into_response()),
        Saved::Stale { theirs, yours } => {
            // Nothing was saved (the attempt is audited as failed): the answer holds the current version.
            let t = ctx.t();
            let body = serde_json::json!({
                "error": {
                    "status": 409,
                    "code": "stale_version",
                    "message": t.get("plan-conflict-title"),
                    "request_id": ctx.request_id,
                },
                "current": PlanJson::of(id.as_uuid(), theirs),
                "yours": { "version": from, "plan": yours },
            });
            Ok((StatusCode::CONFLICT, Json(body)).into_response())
        }
        Saved::Invalid { errors, .. } => Err(invalid(errors)),
    }
}

fn invalid(errors: Problems) -> WebError {
    WebError::InvalidPaths {
        detail: errors.iter().map(|(path, code)| format!("{path}: {code}")).collect::<Vec<_>>().join("; "),
        fields: errors,
    }
}
