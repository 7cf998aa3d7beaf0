//! `POST /accounts/{account}/disable`: an administrator turns an account off; its sessions and tokens end at once.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::AccountId;

use crate::error::WebResult;
use crate::extract::{AccountsAdmin, Empty, InPath, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn disable_account(
    State(state): State<AppState>,
    a: AccountsAdmin,
    InPath(id): InPath<AccountId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    services::accounts::set_disabled(&state, &a.ctx, &a.caller, id, true).await?;
    Ok(crate::flash::redirect(&state, "/accounts", crate::key!("flash-account-disabled")))
}
