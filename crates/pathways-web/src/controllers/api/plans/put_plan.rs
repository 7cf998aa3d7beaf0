//! `PUT /api/v1/persons/{id}/plan`: saves a new version. A save made from an older version answers 409 with
//! both versions, so the client can merge and try again.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pathways_domain::PrincipalKind;
use pathways_domain::audit::AuditAction;
use pathways_store::plans::{self, Author, SaveOutcome};

use super::{PlanJson, PlanPut};
use crate::access::{PersonTx, open_person};
use crate::controllers::api::persons::parse_body;
use crate::controllers::persons::parse_id;
use crate::error::{WebError, WebResult};
use crate::extract::ApiCaller;
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
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> WebResult<Response> {
    let id = parse_id(&id)?;
    let put: PlanPut = parse_body(&body)?;
    let if_match = headers
        .get(header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().trim_start_matches("W/").trim_matches('"').parse::<i32>().ok());
    let from = put.version.or(if_match).ok_or(WebError::InvalidPaths {
        fields: vec![("version".into(), "required")],
        detail: "name the version you edited, in `version` or an If-Match header".into(),
    })?;
    let plan = put.plan.validated().map_err(|errors| WebError::InvalidPaths {
        detail: errors.iter().map(|e| format!("{}: {}", e.path, e.code)).collect::<Vec<_>>().join("; "),
        fields: errors.into_iter().map(|e| (e.path, e.code)).collect(),
    })?;
    let PersonTx { tx, scope, .. } = open_person(&state, &ctx, &caller, id, AuditAction::PlanUpdate).await?;
    let kind = if caller.kind == PrincipalKind::Person { "person" } else { "staff" };
    match plans::save(&tx, &scope, id, from, &plan, Author { account: caller.account, kind, restored_from: None })
        .await?
    {
        SaveOutcome::Saved(saved) => {
            tx.commit().await?;
            Ok(Json(PlanJson::of(id.as_uuid(), Some(saved))).into_response())
        }
        SaveOutcome::Stale(current) => {
            // Nothing was saved; the attempt, which answers with the current version, is audited as failed.
            drop(tx);
            crate::access::audit_failed(&state, &ctx, AuditAction::PlanUpdate, id, "stale_version").await?;
            let t = ctx.t();
            let body = serde_json::json!({
                "error": {
                    "status": 409,
                    "code": "stale_version",
                    "message": t.get("plan-conflict-title"),
                    "request_id": ctx.request_id,
                },
                "current": PlanJson::of(id.as_uuid(), current.map(|b| *b)),
                "yours": { "version": from, "plan": plan },
            });
            Ok((StatusCode::CONFLICT, Json(body)).into_response())
        }
    }
}
