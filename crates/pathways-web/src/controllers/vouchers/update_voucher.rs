//! `POST /persons/{id}/vouchers/{voucher}`: changes a voucher's units and expiry, or withdraws it
//! (administrators). A bad field re-renders the form (422).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::financing::setup::RawVoucherChange;
use pathways_domain::ids::VoucherId;
use serde::Deserialize;

use super::edit_voucher::page;
use crate::error::{WebError, WebResult};
use crate::extract::{InPath, Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{field_messages, render};

/// The form as sent (a checkbox sends `withdrawn=yes` only when ticked).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VoucherForm {
    pub authorized_units: String,
    pub expires_on: String,
    pub withdrawn: String,
}

pub async fn update_voucher(
    State(state): State<AppState>,
    s: Subject,
    InPath(voucher): InPath<VoucherId>,
    VerifiedForm(f): VerifiedForm<VoucherForm>,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let raw = RawVoucherChange {
        authorized_units: f.authorized_units,
        expires_on: f.expires_on,
        withdrawn: f.withdrawn == "yes",
    };
    match services::funding::update_voucher(&state, &s.ctx, &s.caller, s.person, voucher, &raw).await {
        Ok(_) => Ok(crate::flash::redirect(&state, &format!("{}/vouchers", s.base), crate::key!("flash-saved"))),
        Err(WebError::Invalid(errors)) => {
            let errors = field_messages(&s.ctx.t(), &errors);
            let p = page(&state, &s, voucher, errors, Some(raw)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
        Err(e) => Err(e),
    }
}
