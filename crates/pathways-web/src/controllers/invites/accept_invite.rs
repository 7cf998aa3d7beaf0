//! `POST /invite`: checks the invitation, creates the person's own account, and signs them in. A refusal brings the
//! form back (422) with what was wrong.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::show_invite::AcceptPage;
use crate::auth::cookies::{self, CookieNames};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::VerifiedForm;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AcceptForm {
    token: String,
    code: String,
    username: String,
    password: String,
    password_again: String,
}

pub async fn accept_invite(
    State(state): State<AppState>,
    ctx: Ctx,
    VerifiedForm(f): VerifiedForm<AcceptForm>,
) -> WebResult<Response> {
    let accepted =
        services::invites::accept(&state, &ctx, &f.token, &f.code, &f.username, &f.password, &f.password_again).await?;
    match accepted {
        Ok(done) => {
            let names = CookieNames::new(state.config.secure_cookies());
            let mut resp = Redirect::to(crate::auth::home_of(done.kind)).into_response();
            cookies::set(resp.headers_mut(), &names.cookie(names.session, &done.session_token, None));
            cookies::set(resp.headers_mut(), &names.clear(names.csrf));
            Ok(resp)
        }
        Err(key) => {
            let t = ctx.t();
            let page = AcceptPage {
                chrome: Chrome::new(&ctx, &state, t.get("invite-accept-title")),
                token: f.token,
                code: f.code,
                username: f.username,
                error: Some(t.get(key)),
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}
