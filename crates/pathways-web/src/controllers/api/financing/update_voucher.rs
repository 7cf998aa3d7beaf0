//! `PUT /api/v1/persons/{id}/vouchers/{voucher}`.

use axum::Json;
use axum::extract::State;
use pathways_domain::financing::setup::RawVoucherChange;
use pathways_domain::ids::VoucherId;
use pathways_domain::{PersonId, PrincipalKind};
use serde::Deserialize;
use utoipa::ToSchema;

use super::get_financing_report::VoucherJson;
use crate::error::{WebError, WebResult};
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::state::AppState;

/// A voucher's change: the units it authorizes, its expiry, whether it is withdrawn.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct VoucherChangeBody {
    #[schema(schema_with = crate::schemas::funding::changed_units, required = true)]
    pub authorized_units: Option<i64>,
    #[schema(schema_with = crate::schemas::funding::changed_expiry, required = true)]
    pub expires_on: String,
    /// Withdrawn: no new service is signed against it (false reinstates it).
    pub withdrawn: bool,
}

impl VoucherChangeBody {
    fn raw(&self) -> RawVoucherChange {
        RawVoucherChange {
            authorized_units: self.authorized_units.map(|n| n.to_string()).unwrap_or_default(),
            expires_on: self.expires_on.clone(),
            withdrawn: self.withdrawn,
        }
    }
}

/// Changes one of the person's vouchers: the units it authorizes (never fewer than those already used: 422 on
/// `authorized_units`; its balance moves by the same difference), its expiry, withdrawn or not (administrators;
/// anyone else who reaches the person 403, audited on the record; another person's voucher 404).
#[utoipa::path(put, path = "/api/v1/persons/{id}/vouchers/{voucher}", tag = "financing",
    request_body = VoucherChangeBody,
    params(("id" = String, Path, description = "The person's id"),
        ("voucher" = String, Path, description = "One of the person's vouchers")),
    responses((status = 200, body = VoucherJson), (status = 400), (status = 401), (status = 403), (status = 404),
        (status = 422)),
    security(("bearer" = [])))]
pub async fn update_voucher(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<PersonId>,
    InPath(voucher): InPath<VoucherId>,
    JsonBody(body): JsonBody<VoucherChangeBody>,
) -> WebResult<Json<VoucherJson>> {
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::Forbidden);
    }
    let v = services::funding::update_voucher(&state, &ctx, &caller, id, voucher, &body.raw()).await?;
    Ok(Json(VoucherJson::from(&v)))
}
