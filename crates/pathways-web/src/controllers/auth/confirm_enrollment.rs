//! `POST /login/enroll`: the first code from the new authenticator confirms it; the sign-in finishes and the ten
//! recovery codes are shown, once. A wrong code comes back to the enrollment page (401).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::second_step::{destination, start_again, with_session};
use super::verify_second_step::CodeForm;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::VerifiedForm;
use crate::services::two_factor::{self, CodeAnswer};
use crate::state::AppState;
use crate::views::two_factor::{EnrollPage, pending_token, recovery_codes_page, too_many, wait_words};
use crate::views::{Chrome, render};

pub async fn confirm_enrollment(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    VerifiedForm(form): VerifiedForm<CodeForm>,
) -> WebResult<Response> {
    let Some(token) = pending_token(&state, &headers) else { return Ok(start_again(&state)) };
    let t = ctx.t();
    let (error, retry_after) = match two_factor::confirm_pending_enrollment(&state, &ctx, &token, &form.code).await? {
        CodeAnswer::Accepted { token: Some(session), caller, recovery_codes } => {
            let chrome = Chrome::new(&ctx, &state, t.get("two-factor-codes-title"));
            let page = recovery_codes_page(chrome, recovery_codes, destination(&state, &caller, &form.next))?;
            return Ok(with_session(&state, page.into_response(), &session));
        }
        CodeAnswer::Accepted { token: None, .. } | CodeAnswer::Expired => return Ok(start_again(&state)),
        CodeAnswer::Refused { .. } => (t.get("two-factor-code-wrong"), None),
        CodeAnswer::Throttled { retry_after_secs } => (wait_words(&t, retry_after_secs), Some(retry_after_secs)),
    };
    let Some(pending) = two_factor::pending(&state, &token).await? else { return Ok(start_again(&state)) };
    let Some(enrollment) = two_factor::begin_enrollment(&state, &pending.account).await? else {
        return Ok(start_again(&state));
    };
    let chrome = Chrome::new(&ctx, &state, t.get("two-factor-enroll-title"));
    let page = render(&EnrollPage::new(chrome, "/login/enroll", true, &enrollment, Some(error), form.next)?)?;
    Ok(match retry_after {
        Some(secs) => too_many(page, secs),
        None => (StatusCode::UNAUTHORIZED, page).into_response(),
    })
}
