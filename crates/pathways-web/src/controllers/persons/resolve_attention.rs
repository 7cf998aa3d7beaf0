//! `POST /persons/{id}/attention/{item}/resolve`: the coach has handled it.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::AttentionItemId;

use crate::error::{WebError, WebResult};
use crate::extract::{Empty, InPath, Subject, VerifiedForm};
use crate::services::persons;
use crate::state::AppState;

pub async fn resolve_attention(
    State(state): State<AppState>,
    s: Subject,
    InPath(item): InPath<AttentionItemId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    persons::resolve_attention(&state, &s.ctx, &s.caller, s.person, item).await?;
    Ok(crate::flash::redirect(&state, &s.base, crate::key!("flash-saved")))
}
