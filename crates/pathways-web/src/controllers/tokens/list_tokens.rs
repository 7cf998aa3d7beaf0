//! `GET /account/tokens`: the signed-in staff member's API tokens.

use axum::extract::State;
use axum::response::Html;
use pathways_domain::token::TokenScope;

use super::tokens_page::page;
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;

pub async fn list_tokens(State(state): State<AppState>, SignedIn { ctx, caller }: SignedIn) -> WebResult<Html<String>> {
    let tokens = services::tokens::list_own(&state, &caller).await?;
    page(&state, &ctx, &tokens, None, None, "", TokenScope::Read)
}
