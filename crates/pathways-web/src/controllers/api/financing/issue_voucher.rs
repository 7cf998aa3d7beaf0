//! `POST /api/v1/persons/{id}/vouchers`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pathways_domain::{PersonId, PrincipalKind};

use super::get_financing_report::VoucherJson;
use super::setup_json::VoucherBody;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::state::AppState;

/// Issues the person a voucher under one of the organization's voucher programs; its balance starts at the units
/// authorized (administrators; anyone else who reaches the person 403, audited on the record).
#[utoipa::path(post, path = "/api/v1/persons/{id}/vouchers", tag = "financing", request_body = VoucherBody,
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 201, body = VoucherJson), (status = 400), (status = 401), (status = 403), (status = 404),
        (status = 422)),
    security(("bearer" = [])))]
pub async fn issue_voucher(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    JsonBody(body): JsonBody<VoucherBody>,
) -> WebResult<(StatusCode, Json<VoucherJson>)> {
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::Forbidden);
    }
    let v = services::funding::issue_voucher(&state, &ctx, &caller, id, &body.raw()).await?;
    Ok((StatusCode::CREATED, Json(VoucherJson::from(&v))))
}
