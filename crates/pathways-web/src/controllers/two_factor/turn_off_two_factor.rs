//! `POST /account/two-factor/off`: turns an optional two-factor sign-in off, with a current code (or a recovery
//! code) as proof; 403 when the account's role requires it.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::CodeForm;
use super::show_two_factor::page;
use crate::error::WebResult;
use crate::extract::{AnyoneSignedIn, VerifiedForm};
use crate::services::two_factor::{self, CodeAnswer};
use crate::state::AppState;
use crate::views::two_factor::{too_many, wait_words};

pub async fn turn_off_two_factor(
    State(state): State<AppState>,
    AnyoneSignedIn { ctx, caller }: AnyoneSignedIn,
    VerifiedForm(form): VerifiedForm<CodeForm>,
) -> WebResult<Response> {
    let t = ctx.t();
    Ok(match two_factor::turn_off(&state, &ctx, &caller, &form.code).await? {
        CodeAnswer::Accepted { .. } | CodeAnswer::Expired => {
            crate::flash::redirect(&state, "/account/two-factor", crate::key!("flash-two-factor-off"))
        }
        CodeAnswer::Refused { reused } => {
            let key = if reused { "two-factor-code-reused" } else { "two-factor-code-wrong" };
            (StatusCode::UNAUTHORIZED, page(&state, &ctx, &caller, Some(t.get(key))).await?).into_response()
        }
        CodeAnswer::Throttled { retry_after_secs } => {
            too_many(page(&state, &ctx, &caller, Some(wait_words(&t, retry_after_secs))).await?, retry_after_secs)
        }
    })
}
