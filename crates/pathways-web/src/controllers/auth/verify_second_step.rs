//! `POST /login/two-factor`: checks the code (`services::two_factor::verify_pending`) and finishes the sign-in; a
//! wrong or reused code comes back to the form (401), too many wrong ones are slowed (429 with `Retry-After`).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::second_step::{second_step_page, signed_in, start_again};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::VerifiedForm;
use crate::services::two_factor::{self, CodeAnswer};
use crate::state::AppState;
use crate::views::two_factor::{pending_token, too_many, wait_words};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeForm {
    pub code: String,
    pub next: String,
}

pub async fn verify_second_step(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    VerifiedForm(form): VerifiedForm<CodeForm>,
) -> WebResult<Response> {
    let Some(token) = pending_token(&state, &headers) else { return Ok(start_again(&state)) };
    let t = ctx.t();
    Ok(match two_factor::verify_pending(&state, &ctx, &token, &form.code).await? {
        CodeAnswer::Accepted { token: Some(session), caller, .. } => signed_in(&state, &caller, &session, &form.next),
        CodeAnswer::Accepted { token: None, .. } | CodeAnswer::Expired => start_again(&state),
        CodeAnswer::Refused { reused } => {
            let key = if reused { "two-factor-code-reused" } else { "two-factor-code-wrong" };
            let page = second_step_page(&state, &ctx, Some(t.get(key)), &form.next)?;
            (StatusCode::UNAUTHORIZED, page).into_response()
        }
        CodeAnswer::Throttled { retry_after_secs } => {
            let page = second_step_page(&state, &ctx, Some(wait_words(&t, retry_after_secs)), &form.next)?;
            too_many(page, retry_after_secs)
        }
    })
}
