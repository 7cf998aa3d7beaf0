//! `GET /api/v1/persons/{id}/vouchers`.

use axum::Json;
use axum::extract::State;
use pathways_domain::{PersonId, PrincipalKind};

use super::get_financing_report::VoucherJson;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

/// The person's vouchers with their balances, the latest expiry first (staff who reach the person; audited).
#[utoipa::path(get, path = "/api/v1/persons/{id}/vouchers", tag = "financing",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = [VoucherJson]), (status = 401), (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn list_vouchers(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
) -> WebResult<Json<Vec<VoucherJson>>> {
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::Forbidden);
    }
    let v = services::funding::person_vouchers(&state, &ctx, &caller, id).await?;
    Ok(Json(v.vouchers.iter().map(VoucherJson::from).collect()))
}
