//! `POST /reset`: sets the new password from a reset link or code, ends every session of the account, and sends
//! the person to sign in. A refused password brings the form back (422); an unusable reset, the one "not valid"
//! page.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::show_reset::{invalid, reset_page};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::VerifiedForm;
use crate::services;
use crate::services::accounts::UseReset;
use crate::state::AppState;
use crate::views::render;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResetForm {
    token: String,
    code: String,
    password: String,
    password_again: String,
}

pub async fn use_reset(
    State(state): State<AppState>,
    ctx: Ctx,
    VerifiedForm(f): VerifiedForm<ResetForm>,
) -> WebResult<Response> {
    match services::accounts::use_reset(&state, &ctx, &f.token, &f.code, &f.password, &f.password_again).await? {
        UseReset::Done => Ok(crate::flash::redirect(&state, "/login", crate::key!("flash-password-set"))),
        UseReset::Invalid => invalid(&state, &ctx),
        UseReset::Refused(key) => {
            let page = reset_page(&state, &ctx, f.token, f.code, Some(ctx.t().get(key)));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}
