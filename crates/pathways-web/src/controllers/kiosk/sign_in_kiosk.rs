//! `POST /kiosk`: one drop-in sign-in, counted as a visit; back to an empty form with thanks, or the form with
//! its problems named (422). A sign-in the tablet queued offline carries its `client_ref` and counts once.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::kiosk::SignIn;

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
    let signed = SignIn::parse(&form.first_name, &form.postal_code, &form.reason);
    let group = form.group.trim().parse().ok();
    let client_ref = Some(form.client_ref.trim()).filter(|r| !r.is_empty() && r.len() <= 64);
    match services::community::sign_in(&state, &ctx, kiosk, signed, group, client_ref).await {
        Ok(_) => Ok(crate::flash::redirect(&state, "/kiosk", crate::key!("kiosk-thanks"))),
        Err(WebError::Invalid(errors)) => super::page::page(&state, &ctx, kiosk, form, &errors).await,
        Err(e) => Err(e),
    }
}
