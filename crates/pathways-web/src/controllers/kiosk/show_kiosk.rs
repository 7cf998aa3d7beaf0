//! `GET /kiosk`: the kiosk's sign-in form — first name or initials, an optional ZIP code, what brought them and,
//! for a group, which of today's. Big targets; works without JavaScript (`/static/kiosk.js` only adds the offline
//! queue).

use axum::extract::State;
use axum::response::Response;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::KioskTablet;
use crate::state::AppState;

pub async fn show_kiosk(
    State(state): State<AppState>,
    KioskTablet(kiosk): KioskTablet,
    ctx: Ctx,
) -> WebResult<Response> {
    super::page::page(&state, &ctx, kiosk, Default::default(), &[]).await
}
