//! `GET /login/enroll`: a sign-in whose role requires two-factor sign-in, not yet set up: the authenticator's
//! enrollment is the only page such a sign-in reaches (besides starting again).

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};

use super::second_step::start_again;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::NextPage;
use crate::services::two_factor;
use crate::state::AppState;
use crate::views::two_factor::{EnrollPage, pending_token};
use crate::views::{Chrome, render};

pub async fn show_enrollment(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    NextPage(next): NextPage,
) -> WebResult<Response> {
    let next = next.unwrap_or_default();
    let Some(token) = pending_token(&state, &headers) else { return Ok(start_again(&state)) };
    let Some(pending) = two_factor::pending(&state, &token).await? else { return Ok(start_again(&state)) };
    if !pending.enroll {
        return Ok(Redirect::to("/login/two-factor").into_response());
    }
    let Some(enrollment) = two_factor::begin_enrollment(&state, &pending.account).await? else {
        return Ok(start_again(&state));
    };
    let chrome = Chrome::new(&ctx, &state, ctx.t().get("two-factor-enroll-title"));
    let page = EnrollPage::new(chrome, "/login/enroll", true, &enrollment, None, next)?;
    Ok(render(&page)?.into_response())
}
