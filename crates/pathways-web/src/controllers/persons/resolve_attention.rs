//! `POST /persons/{id}/attention/{item}/resolve`: the coach has handled it.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Response;
use pathways_domain::audit::AuditAction;
use pathways_store::records;
use uuid::Uuid;

use crate::access::{PersonTx, open_person};
use crate::error::{WebError, WebResult};
use crate::extract::Empty;
use crate::extract::Subject;
use crate::extract::VerifiedForm;
use crate::state::AppState;

pub async fn resolve_attention(
    State(state): State<AppState>,
    s: Subject,
    Path(params): Path<HashMap<String, String>>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    let item: Uuid = params.get("item").and_then(|i| i.parse().ok()).ok_or(WebError::NotFound)?;
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let PersonTx { tx, scope, .. } =
        open_person(&state, &s.ctx, &s.caller, s.person, AuditAction::AttentionResolve).await?;
    if !records::resolve_attention(&tx, &scope, s.person, item, s.caller.account).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(crate::flash::redirect(&state, &s.base, crate::key!("flash-saved")))
}
