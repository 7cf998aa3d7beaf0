//! `POST /login`: signs in (`services::sessions::sign_in`: the password checked, repeated failures throttled, a new
//! session) and goes on to `next` or the account's home — or, when the account uses two-factor sign-in, to its
//! second step (or its enrollment) with a short-lived cookie naming the waiting sign-in. A refused sign-in comes
//! back to the form (401); one too soon after recent failures too, with 429, `Retry-After` and how long to wait —
//! the same answer whether or not the login names an account.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::show_login::login_page;
use crate::auth::cookies::{self, CookieNames};
use crate::ctx::{Ctx, safe_next};
use crate::error::WebResult;
use crate::extract::VerifiedForm;
use crate::services;
use crate::services::sessions::SignIn;
use crate::state::AppState;
use crate::views::two_factor::{too_many, wait_words};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignInForm {
    /// An email (staff) or a username (a person's own account).
    pub login: String,
    pub password: String,
    pub next: String,
}

pub async fn sign_in(
    State(state): State<AppState>,
    ctx: Ctx,
    VerifiedForm(form): VerifiedForm<SignInForm>,
) -> WebResult<Response> {
    let (token, caller) = match services::sessions::sign_in(&state, &ctx, &form.login, &form.password).await? {
        SignIn::Started { token, caller } => (token, caller),
        SignIn::Refused => {
            let t = ctx.t();
            let page = login_page(&state, &ctx, Some(t.get("login-failed")), form.login.clone(), form.next.clone())?;
            return Ok((StatusCode::UNAUTHORIZED, page).into_response());
        }
        SignIn::Throttled { retry_after_secs } => {
            let t = ctx.t();
            let wait = format!("{} {}", t.get("login-slowed"), wait_words(&t, retry_after_secs));
            let page = login_page(&state, &ctx, Some(wait), form.login.clone(), form.next.clone())?;
            return Ok(too_many(page, retry_after_secs));
        }
        SignIn::SecondStep { pending, enroll } => {
            let names = CookieNames::new(state.config.secure_cookies());
            let step = if enroll { "/login/enroll" } else { "/login/two-factor" };
            let to = match safe_next(&state.config, Some(&form.next)) {
                Some(next) => format!("{step}?next={}", crate::ctx::url_encode(&next)),
                None => step.to_owned(),
            };
            let mut resp = Redirect::to(&to).into_response();
            let max_age = crate::services::two_factor::PENDING_MINUTES * 60;
            cookies::set(resp.headers_mut(), &names.cookie(names.pending, &pending, Some(max_age)));
            return Ok(resp);
        }
    };
    let names = CookieNames::new(state.config.secure_cookies());
    let to = safe_next(&state.config, Some(&form.next)).unwrap_or_else(|| crate::auth::home_of(caller.kind).into());
    let mut resp = Redirect::to(&to).into_response();
    let h = resp.headers_mut();
    cookies::set(h, &names.cookie(names.session, &token, None));
    // The anonymous CSRF cookie has done its job; signed-in forms use the session's own token.
    cookies::set(h, &names.clear(names.csrf));
    Ok(resp)
}
