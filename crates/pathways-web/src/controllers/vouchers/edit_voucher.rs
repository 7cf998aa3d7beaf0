//! `GET /persons/{id}/vouchers/{voucher}`: the form to change a voucher's units and expiry, or withdraw it
//! (administrators; linked from the person's vouchers). Its POST re-renders this page with its errors (`page`).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::financing::setup::RawVoucherChange;
use pathways_domain::ids::VoucherId;

use crate::error::{WebError, WebResult};
use crate::extract::{InPath, Subject};
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "vouchers/edit.html")]
pub struct VoucherPage {
    pub chrome: Chrome,
    pub heading: String,
    pub base: String,
    pub action: String,
    pub number: String,
    /// Units already used (the least it may authorize).
    pub used: i32,
    pub errors: Vec<(String, String)>,
    pub form: RawVoucherChange,
    pub today: String,
}

pub async fn edit_voucher(
    State(state): State<AppState>,
    s: Subject,
    InPath(voucher): InPath<VoucherId>,
) -> WebResult<Html<String>> {
    render(&page(&state, &s, voucher, Vec::new(), None).await?)
}

/// The form (again, with what was typed and its errors).
pub async fn page(
    state: &AppState,
    s: &Subject,
    voucher: VoucherId,
    errors: Vec<(String, String)>,
    form: Option<RawVoucherChange>,
) -> WebResult<VoucherPage> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let v = services::funding::person_voucher(state, &s.ctx, &s.caller, s.person, voucher).await?;
    let t = s.ctx.t();
    let heading = t.get("vouchers-edit-title");
    Ok(VoucherPage {
        chrome: Chrome::new(&s.ctx, state, heading.clone()),
        heading,
        base: s.base.clone(),
        action: format!("{}/vouchers/{}", s.base, v.id),
        number: v.number.clone(),
        used: v.authorized_units - v.balance_units,
        errors,
        form: form.unwrap_or_else(|| RawVoucherChange {
            authorized_units: v.authorized_units.to_string(),
            expires_on: v.expires_on.to_string(),
            withdrawn: v.withdrawn_at.is_some(),
        }),
        today: crate::clock::today().to_string(),
    })
}
