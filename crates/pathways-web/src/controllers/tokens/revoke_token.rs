//! `POST /account/tokens/{id}/revoke`: ends one of the signed-in staff member's API tokens at once (another
//! account's token is not found).

use axum::extract::State;
use axum::response::Response;

use pathways_domain::ids::TokenId;

use crate::error::WebResult;
use crate::extract::{Empty, InPath, SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn revoke_token(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<TokenId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    services::tokens::revoke_own(&state, &ctx, &caller, id).await?;
    Ok(crate::flash::redirect(&state, "/account/tokens", crate::key!("flash-token-revoked")))
}
