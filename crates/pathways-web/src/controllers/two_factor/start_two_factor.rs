//! `POST /account/two-factor/start`: a new authenticator secret (unconfirmed) and the page to set it up.

use axum::extract::State;
use axum::response::{IntoResponse, Response};

use crate::error::WebResult;
use crate::extract::{AnyoneSignedIn, Empty, VerifiedForm};
use crate::services::two_factor;
use crate::state::AppState;
use crate::views::two_factor::EnrollPage;
use crate::views::{Chrome, render};

pub async fn start_two_factor(
    State(state): State<AppState>,
    AnyoneSignedIn { ctx, caller }: AnyoneSignedIn,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    let Some(account) = pathways_store::accounts::find(state.store.reader(), caller.account).await? else {
        return Err(crate::error::WebError::NotFound);
    };
    let Some(enrollment) = two_factor::begin_enrollment(&state, &account).await? else {
        return Ok(crate::flash::redirect(&state, "/account/two-factor", crate::key!("flash-two-factor-on")));
    };
    let chrome = Chrome::new(&ctx, &state, ctx.t().get("two-factor-enroll-title"));
    let page = EnrollPage::new(chrome, "/account/two-factor", false, &enrollment, None, String::new())?;
    Ok(render(&page)?.into_response())
}
