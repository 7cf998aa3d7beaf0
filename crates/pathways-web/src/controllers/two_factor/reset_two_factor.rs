//! `POST /admin/two-factor/{account}/reset`: an administrator removes the authenticator of an account in their
//! organization (audited); another organization's account is not found.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::AccountId;

use crate::error::WebResult;
use crate::extract::{Empty, InPath, SignedIn, VerifiedForm};
use crate::services::two_factor;
use crate::state::AppState;

pub async fn reset_two_factor(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(account): InPath<AccountId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    two_factor::reset(&state, &ctx, &caller, account).await?;
    Ok(crate::flash::redirect(&state, "/admin/two-factor", crate::key!("flash-two-factor-reset")))
}
