//! `POST /kiosk`: one drop-in sign-in, counted as a visit; back to an empty form with thanks, or the form with
//! its problems named (422). A sign-in the tablet queued offline carries its `client_ref` and counts once.
//!
//! A person already known types their check-in code instead of a first name (issue 20): the visit is also linked
//! to them (`services::kiosk_known::sign_in`). The tablet answers it exactly as a name's sign-in — the same thanks,
//! nothing about the person; a code that names no one is "not recognised" (422), and after too many of those the
//! kiosk takes no code for a while (429, the form with the message; names still sign in).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pathways_domain::community::kiosk::SignIn;
use pathways_domain::community::kiosk_code::KnownSignIn;
use pathways_domain::text::FieldError;

use super::page::KioskForm;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{KioskTablet, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn sign_in_kiosk(
    State(state): State<AppState>,
    KioskTablet(kiosk): KioskTablet,
    ctx: Ctx,
    VerifiedForm(form): VerifiedForm<KioskForm>,
) -> WebResult<Response> {
    let group = form.group.trim().parse().ok();
    let client_ref = Some(form.client_ref.trim()).filter(|r| !r.is_empty() && r.len() <= 64);
    let done = if form.code.trim().is_empty() {
        let signed = SignIn::parse(&form.first_name, &form.postal_code, &form.reason);
        services::community::sign_in(&state, &ctx, kiosk, signed, group, client_ref).await
    } else {
        let signed = KnownSignIn::parse(&form.code, &form.reason);
        services::kiosk_known::sign_in(&state, &ctx, kiosk, signed, group, client_ref).await
    };
    match done {
        Ok(_) => Ok(crate::flash::redirect(&state, "/kiosk", crate::key!("kiosk-thanks"))),
        Err(WebError::Invalid(errors)) => super::page::page(&state, &ctx, kiosk, form, &errors).await,
        Err(WebError::TooManyRequests { retry_after_secs }) => {
            let errors = [FieldError::new("code", "kiosk-code-limited")];
            let mut page = super::page::page(&state, &ctx, kiosk, form, &errors).await?;
            *page.status_mut() = StatusCode::TOO_MANY_REQUESTS;
            if let Ok(v) = retry_after_secs.to_string().parse() {
                page.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
            }
            Ok(page)
        }
        Err(e) => Err(e),
    }
}
