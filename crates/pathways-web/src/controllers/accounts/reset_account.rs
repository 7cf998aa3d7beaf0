//! `POST /accounts/{account}/reset`: an administrator makes a one-time reset link for an account of their
//! organization (staff, a person's, an ally's), shown once — and mailed to a staff member's address when SMTP is
//! configured.

use axum::extract::State;
use axum::response::Html;
use pathways_domain::AccountId;

use super::issued::issued_page;
use crate::error::WebResult;
use crate::extract::{AccountsAdmin, Empty, InPath, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::render;

pub async fn reset_account(
    State(state): State<AppState>,
    a: AccountsAdmin,
    InPath(id): InPath<AccountId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Html<String>> {
    let (account, issued) = services::accounts::reset_account(&state, &a.ctx, &a.caller, id).await?;
    render(&issued_page(&state, &a.ctx, "/accounts".into(), account.display_name, Some(&issued)))
}
