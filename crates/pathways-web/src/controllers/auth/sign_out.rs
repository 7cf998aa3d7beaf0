//! `POST /logout`: ends the session on the server, not just in the browser.

use axum::extract::State;
use axum::response::Response;

use crate::auth::cookies::{self, CookieNames};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{Empty, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn sign_out(
    State(state): State<AppState>,
    ctx: Ctx,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    services::sessions::sign_out(&state, &ctx).await?;
    let names = CookieNames::new(state.config.secure_cookies());
    let mut resp = crate::flash::redirect(&state, "/login", crate::key!("flash-signed-out"));
    cookies::set(resp.headers_mut(), &names.clear(names.session));
    Ok(resp)
}
