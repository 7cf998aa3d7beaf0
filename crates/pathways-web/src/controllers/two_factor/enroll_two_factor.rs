//! `POST /account/two-factor`: the first code from the new authenticator confirms it; the ten recovery codes are
//! shown, once. A wrong code comes back to the enrollment page (401).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::CodeForm;
use crate::error::{WebError, WebResult};
use crate::extract::{AnyoneSignedIn, VerifiedForm};
use crate::services::two_factor::{self, CodeAnswer};
use crate::state::AppState;
use crate::views::two_factor::{EnrollPage, recovery_codes_page, too_many, wait_words};
use crate::views::{Chrome, render};

pub async fn enroll_two_factor(
    State(state): State<AppState>,
    AnyoneSignedIn { ctx, caller }: AnyoneSignedIn,
    VerifiedForm(form): VerifiedForm<CodeForm>,
) -> WebResult<Response> {
    let t = ctx.t();
    let (error, retry_after) = match two_factor::confirm_enrollment(&state, &ctx, &caller, &form.code).await? {
        CodeAnswer::Accepted { recovery_codes, .. } => {
            let chrome = Chrome::new(&ctx, &state, t.get("two-factor-codes-title"));
            return Ok(recovery_codes_page(chrome, recovery_codes, "/account/two-factor".into())?.into_response());
        }
        CodeAnswer::Expired => {
            return Ok(crate::flash::redirect(&state, "/account/two-factor", crate::key!("flash-two-factor-on")));
        }
        CodeAnswer::Refused { .. } => (t.get("two-factor-code-wrong"), None),
        CodeAnswer::Throttled { retry_after_secs } => (wait_words(&t, retry_after_secs), Some(retry_after_secs)),
    };
    let account =
        pathways_store::accounts::find(state.store.reader(), caller.account).await?.ok_or(WebError::NotFound)?;
    let Some(enrollment) = two_factor::begin_enrollment(&state, &account).await? else {
        return Ok(crate::flash::redirect(&state, "/account/two-factor", crate::key!("flash-two-factor-on")));
    };
    let chrome = Chrome::new(&ctx, &state, t.get("two-factor-enroll-title"));
    let page =
        render(&EnrollPage::new(chrome, "/account/two-factor", false, &enrollment, Some(error), String::new())?)?;
    Ok(match retry_after {
        Some(secs) => too_many(page, secs),
        None => (StatusCode::UNAUTHORIZED, page).into_response(),
    })
}
