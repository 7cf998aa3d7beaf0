//! `GET /survey`: the shared tablet's first page — type the code staff gave you.

use axum::extract::State;
use axum::response::Response;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::state::AppState;

pub async fn show_code_form(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    super::code_page(&state, &ctx, &[])
}
