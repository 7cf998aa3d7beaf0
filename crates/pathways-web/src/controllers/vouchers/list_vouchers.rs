//! `GET /persons/{id}/vouchers`: the person's vouchers (number, units authorized, units left, expiry) and, for an
//! administrator, the form to issue one. Issuing one that fails re-renders this page with its errors (`page`).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::access::may_manage_funding;
use pathways_domain::financing::setup::RawVoucher;

use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Row {
    pub id: String,
    pub number: String,
    pub program: String,
    pub authorized: i32,
    pub balance: i32,
    pub expires_on: String,
    pub expired: bool,
    pub withdrawn: bool,
}

#[derive(Template)]
#[template(path = "vouchers/list.html")]
pub struct VouchersPage {
    pub chrome: Chrome,
    pub heading: String,
    pub base: String,
    pub rows: Vec<Row>,
    /// (id, name) of the organization's voucher programs.
    pub programs: Vec<(String, String)>,
    pub can_issue: bool,
    pub errors: Vec<(String, String)>,
    pub form: RawVoucher,
    pub today: String,
}

pub async fn list_vouchers(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    render(&page(&state, &s, Vec::new(), None).await?)
}

/// The page (again, with the form as typed and its errors).
pub async fn page(
    state: &AppState,
    s: &Subject,
    errors: Vec<(String, String)>,
    form: Option<RawVoucher>,
) -> WebResult<VouchersPage> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let v = services::funding::person_vouchers(state, &s.ctx, &s.caller, s.person).await?;
    let t = s.ctx.t();
    let today = crate::clock::today();
    let name = |id| v.programs.iter().find(|(p, _)| *p == id).map(|(_, n)| n.clone()).unwrap_or_default();
    let rows = v
        .vouchers
        .iter()
        .map(|r| Row {
            id: r.id.to_string(),
            withdrawn: r.withdrawn_at.is_some(),
            number: r.number.clone(),
            program: name(r.funding_source_id),
            authorized: r.authorized_units,
            balance: r.balance_units,
            expires_on: r.expires_on.to_string(),
            expired: r.expires_on < today,
        })
        .collect();
    let programs: Vec<(String, String)> = v.programs.iter().map(|(id, n)| (id.to_string(), n.clone())).collect();
    let heading = t.get("vouchers-title");
    Ok(VouchersPage {
        chrome: Chrome::new(&s.ctx, state, heading.clone()),
        heading,
        base: s.base.clone(),
        rows,
        can_issue: may_manage_funding(&s.caller.principal),
        errors,
        form: form.unwrap_or_else(|| RawVoucher {
            funding_source: programs.first().map(|p| p.0.clone()).unwrap_or_default(),
            ..RawVoucher::default()
        }),
        programs,
        today: today.to_string(),
    })
}
