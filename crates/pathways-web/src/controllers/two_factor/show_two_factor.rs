//! `GET /account/two-factor`: whether the account uses two-factor sign-in, how many recovery codes are left, and
//! the way to set it up (or turn an optional one off). The account page's `page()` builder is reused by the
//! turn-off form when it comes back with an error.

use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};

use crate::ctx::{Caller, Ctx};
use crate::error::WebResult;
use crate::extract::AnyoneSignedIn;
use crate::services::two_factor;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "two_factor/account.html")]
pub struct AccountPage {
    pub chrome: Chrome,
    pub enrolled: bool,
    pub required: bool,
    pub codes_left: String,
    pub admin: bool,
    pub error: Option<String>,
}

pub async fn show_two_factor(
    State(state): State<AppState>,
    AnyoneSignedIn { ctx, caller }: AnyoneSignedIn,
) -> WebResult<Response> {
    Ok(page(&state, &ctx, &caller, None).await?.into_response())
}

pub async fn page(state: &AppState, ctx: &Ctx, caller: &Caller, error: Option<String>) -> WebResult<Html<String>> {
    let status = two_factor::status(state, caller).await?;
    let t = ctx.t();
    render(&AccountPage {
        chrome: Chrome::new(ctx, state, t.get("two-factor-account-title")),
        enrolled: status.enrolled,
        required: status.required,
        codes_left: t.count("two-factor-codes-left", status.recovery_codes_left),
        admin: pathways_domain::two_factor::may_reset(&caller.principal),
        error,
    })
}
