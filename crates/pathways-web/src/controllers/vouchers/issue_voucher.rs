//! `POST /persons/{id}/vouchers`: issues the person a voucher under a voucher program (administrators; anyone else
//! who reaches the person 403, audited on the record). A bad field re-renders the page (422).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::financing::setup::RawVoucher;

use super::list_vouchers::page;
use crate::error::{WebError, WebResult};
use crate::extract::{Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{field_messages, render};

pub async fn issue_voucher(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(raw): VerifiedForm<RawVoucher>,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    match services::funding::issue_voucher(&state, &s.ctx, &s.caller, s.person, &raw).await {
        Ok(_) => Ok(crate::flash::redirect(&state, &format!("{}/vouchers", s.base), crate::key!("flash-saved"))),
        Err(WebError::Invalid(errors)) => {
            let errors = field_messages(&s.ctx.t(), &errors);
            let p = page(&state, &s, errors, Some(raw)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
        Err(e) => Err(e),
    }
}
