//! `POST /account/password`: changes one's own password (the current one required). Every other session of the
//! account ends; this browser gets a fresh one and goes home. A refusal brings the form back (422).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::show_password::page;
use crate::auth::cookies::{self, CookieNames};
use crate::error::WebResult;
use crate::extract::{AccountHolder, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::render;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    current: String,
    password: String,
    password_again: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    a: AccountHolder,
    VerifiedForm(f): VerifiedForm<PasswordForm>,
) -> WebResult<Response> {
    let home = crate::auth::home_of(a.caller.kind);
    let changed =
        services::accounts::change_password(&state, &a.ctx, &a.caller, &f.current, &f.password, &f.password_again)
            .await?;
    match changed {
        Ok(token) => {
            let names = CookieNames::new(state.config.secure_cookies());
            let mut resp = crate::flash::redirect(&state, home, crate::key!("flash-password-changed"));
            cookies::set(resp.headers_mut(), &names.cookie(names.session, &token, None));
            Ok(resp)
        }
        Err(key) => {
            let p = page(&state, &a.ctx, home, Some(a.ctx.t().get(key)));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
    }
}
