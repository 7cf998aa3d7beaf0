//! `POST /me/consents/{consent}/revoke` (the person, in their portal) and `POST /persons/{id}/consents/{consent}/
//! revoke` (staff, on the person's written request). In force for the very next request: the gate reads
//! consents in each disclosure's own transaction, with no cache.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Response;
use pathways_domain::audit::AuditAction;
use pathways_store::consents::{self, RevokedVia};
use pathways_store::model::Consent;
use serde::Deserialize;
use uuid::Uuid;

use crate::access::{PersonTx, open_person};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::extract::VerifiedForm;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
pub struct Empty {}

pub async fn revoke_consent(
    State(state): State<AppState>,
    s: Subject,
    Path(params): Path<HashMap<String, String>>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    let id: Uuid = params.get("consent").and_then(|c| c.parse().ok()).ok_or(WebError::NotFound)?;
    revoke(&state, &s.ctx, &s.caller, s.person, id, s.is_self).await?;
    Ok(crate::flash::redirect(&state, &format!("{}/consents", s.base), crate::key!("flash-consent-revoked")))
}

/// Revokes a consent of a person the caller may reach (404 for a consent that is not theirs or already
/// revoked), with its audit event in the same transaction.
pub async fn revoke(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: pathways_domain::PersonId,
    id: Uuid,
    is_self: bool,
) -> WebResult<Consent> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::ConsentRevoke).await?;
    if consents::of_person(&tx, &scope, person, id).await?.is_none() {
        return Err(WebError::NotFound);
    }
    let via = if is_self { RevokedVia::Portal } else { RevokedVia::WrittenRequest };
    let done = consents::revoke(&tx, person, id, caller.account, via, pathways_store::now())
        .await?
        .ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(done)
}

/// `POST /persons/{id}/consents/{consent}/end`: staff record that a consent's expiry event ("end of treatment")
/// has happened; the consent ends now, as a revocation does.
pub async fn end_consent(
    State(state): State<AppState>,
    s: Subject,
    Path(params): Path<HashMap<String, String>>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let id: Uuid = params.get("consent").and_then(|c| c.parse().ok()).ok_or(WebError::NotFound)?;
    let PersonTx { tx, scope, .. } =
        open_person(&state, &s.ctx, &s.caller, s.person, AuditAction::ConsentRevoke).await?;
    if consents::of_person(&tx, &scope, s.person, id).await?.is_none() {
        return Err(WebError::NotFound);
    }
    consents::end_on_event(&tx, s.person, id, pathways_store::now()).await?.ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(crate::flash::redirect(&state, &format!("{}/consents", s.base), crate::key!("flash-consent-ended")))
}
