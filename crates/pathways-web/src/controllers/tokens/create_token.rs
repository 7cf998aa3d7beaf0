//! `POST /account/tokens`: makes an API token for the signed-in staff member and shows its secret once (the page is
//! `no-store`, like every page).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::token::TokenScope;
use serde::Deserialize;

use super::tokens_page::page;
use crate::error::WebResult;
use crate::extract::{SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TokenForm {
    pub label: String,
    pub scope: String,
}

/// The longest label kept.
const MAX_LABEL: usize = 80;

pub async fn create_token(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    VerifiedForm(form): VerifiedForm<TokenForm>,
) -> WebResult<Response> {
    let scope = form.scope.parse::<TokenScope>().unwrap_or(TokenScope::Read);
    let label = form.label.trim();
    if label.is_empty() || label.chars().count() > MAX_LABEL {
        let tokens = services::tokens::list_own(&state, &caller).await?;
        let error = Some(ctx.t().get("tokens-label-error"));
        let html = page(&state, &ctx, &tokens, None, error, label, scope)?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
    }
    let issued = services::tokens::issue_own(&state, &ctx, &caller, label, scope).await?;
    let tokens = services::tokens::list_own(&state, &caller).await?;
    Ok(page(&state, &ctx, &tokens, Some(issued.secret), None, "", TokenScope::Read)?.into_response())
}
