//! `GET /account/password`: the form to change one's own password (staff, persons and allies alike).

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::AccountHolder;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "accounts/password.html")]
pub struct PasswordPage {
    pub chrome: Chrome,
    pub error: Option<String>,
    /// Where "back" goes: the account's home.
    pub home: &'static str,
}

pub fn page(state: &AppState, ctx: &Ctx, home: &'static str, error: Option<String>) -> PasswordPage {
    let t = ctx.t();
    PasswordPage { chrome: Chrome::new(ctx, state, t.get("account-password-title")), error, home }
}

pub async fn show_password(State(state): State<AppState>, a: AccountHolder) -> WebResult<Html<String>> {
    render(&page(&state, &a.ctx, crate::auth::home_of(a.caller.kind), None))
}
