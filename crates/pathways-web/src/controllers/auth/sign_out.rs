//! `POST /logout`: ends the session on the server, not just in the browser.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::sessions;
use serde::Deserialize;

use crate::auth::cookies::{self, CookieNames};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::VerifiedForm;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
pub struct SignOutForm {}

pub async fn sign_out(
    State(state): State<AppState>,
    ctx: Ctx,
    VerifiedForm(_): VerifiedForm<SignOutForm>,
) -> WebResult<Response> {
    if let Some(hash) = ctx.caller.as_ref().and_then(|c| c.session_hash.as_deref()) {
        let tx = state.store.begin().await?;
        sessions::delete(&tx, hash).await?;
        audit::append(&tx, &ctx.actor(), AuditEntry::new(AuditAction::SignOut, AuditOutcome::Success)).await?;
        tx.commit().await?;
    }
    let names = CookieNames::new(state.config.secure_cookies());
    let mut resp = crate::flash::redirect(&state, "/login", crate::key!("flash-signed-out"));
    cookies::set(resp.headers_mut(), &names.clear(names.session));
    Ok(resp)
}
