//! `GET /invite`: type the code from an invitation, then choose a username and a password.

use axum::extract::State;
use axum::response::Html;

use super::show_invite::AcceptPage;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn show_invite_code(State(state): State<AppState>, ctx: Ctx) -> WebResult<Html<String>> {
    let t = ctx.t();
    render(&AcceptPage {
        chrome: Chrome::new(&ctx, &state, t.get("invite-accept-title")),
        token: String::new(),
        code: String::new(),
        username: String::new(),
        error: None,
    })
}
