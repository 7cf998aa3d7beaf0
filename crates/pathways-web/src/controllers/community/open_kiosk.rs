//! `POST /community/kiosks`: turns this device into the center's drop-in kiosk. The tablet gets a kiosk cookie
//! (a random token; only its hash is kept) and the staff member's session on it ends, so the shared tablet shows
//! the sign-in form and nothing else.

use axum::extract::State;
use axum::response::Response;

use crate::auth::cookies::{self, CookieNames};
use crate::error::WebResult;
use crate::extract::{CenterStaff, Empty, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn open_kiosk(
    State(state): State<AppState>,
    staff: CenterStaff,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    let token = services::community::open_kiosk(&state, &staff.ctx, &staff.caller).await?;
    services::sessions::sign_out(&state, &staff.ctx).await?;
    let names = CookieNames::new(state.config.secure_cookies());
    let mut resp = crate::flash::redirect(&state, "/kiosk", crate::key!("kiosk-opened"));
    cookies::set(resp.headers_mut(), &names.cookie(cookies::kiosk(&names), &token, Some(60 * 60 * 24 * 365)));
    cookies::set(resp.headers_mut(), &names.clear(names.session));
    Ok(resp)
}
