//! `GET /invite/{token}` (opened from the link): choose a username and a password. The page is also the one
//! `GET /invite` (typing the code) and a refused `POST /invite` show.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "invites/accept.html")]
pub struct AcceptPage {
    pub chrome: Chrome,
    /// From the link; empty when the person types the code.
    pub token: String,
    pub code: String,
    pub username: String,
    pub error: Option<String>,
}

pub async fn show_invite(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult<Html<String>> {
    let t = ctx.t();
    render(&AcceptPage {
        chrome: Chrome::new(&ctx, &state, t.get("invite-accept-title")),
        token,
        code: String::new(),
        username: String::new(),
        error: None,
    })
}
