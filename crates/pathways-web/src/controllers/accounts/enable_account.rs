//! `POST /accounts/{account}/enable`: an administrator turns a disabled account back on (it signs in afresh).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::AccountId;

use crate::error::WebResult;
use crate::extract::{AccountsAdmin, Empty, InPath, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn enable_account(
    State(state): State<AppState>,
    a: AccountsAdmin,
    InPath(id): InPath<AccountId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    services::accounts::set_disabled(&state, &a.ctx, &a.caller, id, false).await?;
    Ok(crate::flash::redirect(&state, "/accounts", crate::key!("flash-account-enabled")))
}
