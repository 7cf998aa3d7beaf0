//! `GET /reset/{token}` (opened from a reset link): the form for a new password — or, for a link that is unknown,
//! used or expired, one page that says so without saying which.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "accounts/reset.html")]
pub struct ResetPage {
    pub chrome: Chrome,
    /// From the link; empty when the code is typed.
    pub token: String,
    pub code: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "accounts/reset_invalid.html")]
pub struct InvalidPage {
    pub chrome: Chrome,
}

pub fn reset_page(state: &AppState, ctx: &Ctx, token: String, code: String, error: Option<String>) -> ResetPage {
    let t = ctx.t();
    ResetPage { chrome: Chrome::new(ctx, state, t.get("reset-title")), token, code, error }
}

/// The one answer for a reset that can't be used (404: there is nothing to reset here).
pub fn invalid(state: &AppState, ctx: &Ctx) -> WebResult<Response> {
    let t = ctx.t();
    let page = InvalidPage { chrome: Chrome::new(ctx, state, t.get("reset-invalid-title")) };
    Ok((StatusCode::NOT_FOUND, render(&page)?).into_response())
}

pub async fn show_reset(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> WebResult<Response> {
    if !services::accounts::reset_usable(&state, &token).await? {
        return invalid(&state, &ctx);
    }
    Ok(render(&reset_page(&state, &ctx, token, String::new(), None))?.into_response())
}
