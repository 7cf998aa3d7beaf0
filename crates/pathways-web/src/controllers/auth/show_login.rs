//! `GET /login`.

use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::ctx::{Ctx, safe_next};
use crate::error::WebResult;
use crate::extract::NextPage;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub chrome: Chrome,
    pub error: Option<String>,
    pub login: String,
    pub next: String,
}

pub async fn show_login(State(state): State<AppState>, ctx: Ctx, NextPage(next): NextPage) -> WebResult<Response> {
    if let Some(caller) = &ctx.caller {
        let home = crate::auth::home_of(caller.kind);
        return Ok(Redirect::to(&next.unwrap_or_else(|| home.into())).into_response());
    }
    let page = login_page(&state, &ctx, None, String::new(), next.unwrap_or_default())?;
    Ok(page.into_response())
}

pub fn login_page(
    state: &AppState,
    ctx: &Ctx,
    error: Option<String>,
    login: String,
    next: String,
) -> WebResult<Html<String>> {
    let t = ctx.t();
    render(&LoginPage {
        chrome: Chrome::new(ctx, state, t.get("sign-in")),
        error,
        login,
        next: safe_next(&state.config, Some(&next)).unwrap_or_default(),
    })
}
