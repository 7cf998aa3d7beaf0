//! The second step's page and what the sign-in's two-factor handlers share: the waiting sign-in's cookie and
//! where a finished sign-in goes.

use askama::Template;
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::auth::cookies::{self, CookieNames};
use crate::ctx::{Caller, Ctx, safe_next};
use crate::error::WebResult;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "two_factor/second_step.html")]
pub struct SecondStepPage {
    pub chrome: Chrome,
    pub error: Option<String>,
    pub next: String,
}

pub fn second_step_page(state: &AppState, ctx: &Ctx, error: Option<String>, next: &str) -> WebResult<Html<String>> {
    render(&SecondStepPage {
        chrome: Chrome::new(ctx, state, ctx.t().get("two-factor-step-title")),
        error,
        next: safe_next(&state.config, Some(next)).unwrap_or_default(),
    })
}

/// The waiting sign-in is gone (too old, or never was): back to the sign-in page, saying so.
pub fn start_again(state: &AppState) -> Response {
    let names = CookieNames::new(state.config.secure_cookies());
    let mut resp = crate::flash::redirect(state, "/login", crate::key!("flash-sign-in-again"));
    cookies::set(resp.headers_mut(), &names.clear(names.pending));
    resp
}

/// Sets the session cookie on `resp` and clears the waiting sign-in's and the anonymous CSRF cookies.
pub fn with_session(state: &AppState, mut resp: Response, token: &str) -> Response {
    let names = CookieNames::new(state.config.secure_cookies());
    let h = resp.headers_mut();
    cookies::set(h, &names.cookie(names.session, token, None));
    cookies::set(h, &names.clear(names.pending));
    cookies::set(h, &names.clear(names.csrf));
    resp
}

/// Where a finished sign-in goes: `next` if it is a local path, else the account's home.
pub fn destination(state: &AppState, caller: &Caller, next: &str) -> String {
    safe_next(&state.config, Some(next)).unwrap_or_else(|| crate::auth::home_of(caller.kind).into())
}

/// A redirect into the finished sign-in.
pub fn signed_in(state: &AppState, caller: &Caller, token: &str, next: &str) -> Response {
    with_session(state, Redirect::to(&destination(state, caller, next)).into_response(), token)
}
