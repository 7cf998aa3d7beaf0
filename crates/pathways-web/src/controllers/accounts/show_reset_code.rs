//! `GET /reset`: type the code of a reset (given by phone or on paper), and a new password.

use axum::extract::State;
use axum::response::Html;

use super::show_reset::reset_page;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::state::AppState;
use crate::views::render;

pub async fn show_reset_code(State(state): State<AppState>, ctx: Ctx) -> WebResult<Html<String>> {
    render(&reset_page(&state, &ctx, String::new(), String::new(), None))
}
