//! `GET /`: what Pathways is, and help right now.

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    chrome: Chrome,
}

pub async fn show_home(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let t = ctx.t();
    let page = render(&HomePage { chrome: Chrome::new(&ctx, &state, t.get("home-title")) })?;
    // The public page holds nothing personal when nobody is signed in; let browsers keep it briefly.
    let cache = if ctx.caller.is_some() { "no-store" } else { "private, max-age=60" };
    Ok(([(header::CACHE_CONTROL, cache), (header::VARY, "Accept-Language, Cookie")], page).into_response())
}
