//! `GET /login/two-factor`: the second step of a sign-in (a code from the authenticator app, or a recovery code).

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};

use super::second_step::{second_step_page, start_again};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::NextPage;
use crate::services::two_factor;
use crate::state::AppState;
use crate::views::two_factor::pending_token;

pub async fn show_second_step(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    NextPage(next): NextPage,
) -> WebResult<Response> {
    let next = next.unwrap_or_default();
    let Some(token) = pending_token(&state, &headers) else { return Ok(start_again(&state)) };
    match two_factor::pending(&state, &token).await? {
        None => Ok(start_again(&state)),
        Some(p) if p.enroll => Ok(Redirect::to(&enroll_path(&next)).into_response()),
        Some(_) => Ok(second_step_page(&state, &ctx, None, &next)?.into_response()),
    }
}

fn enroll_path(next: &str) -> String {
    if next.is_empty() {
        "/login/enroll".into()
    } else {
        format!("/login/enroll?next={}", crate::ctx::url_encode(next))
    }
}
