//! `POST /referrals/{id}/status`: a move by either end (acknowledge, accept, reject with a reason, start,
//! complete, report failure, or — the sender — cancel). `change` serves the page and `PATCH
//! /api/v1/referrals/{id}`.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Response;
use pathways_domain::PersonId;
use pathways_domain::access::may_handle_referrals;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::referral::{MoveError, Status, transition};
use pathways_domain::text::{FieldError, optional_text};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::model::Referral;
use pathways_store::referrals;
use serde::Deserialize;
use uuid::Uuid;

use crate::access::audit_alone;
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::extract::VerifiedForm;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MoveForm {
    status: String,
    reason: String,
}

pub async fn update_referral(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Path(params): Path<HashMap<String, String>>,
    VerifiedForm(f): VerifiedForm<MoveForm>,
) -> WebResult<Response> {
    let id: Uuid = params.get("id").and_then(|i| i.parse().ok()).ok_or(WebError::NotFound)?;
    change(&state, &ctx, &caller, id, &f.status, &f.reason).await?;
    Ok(crate::flash::redirect(&state, &format!("/referrals/{id}"), crate::key!("flash-saved")))
}

/// Moves a referral one of whose ends is the caller's organization, as that end may, with the audit event in
/// the same transaction. Another organization's referral answers 404; a move this side may not make, or one
/// needing a reason without it, 422; a referral someone else moved first, 409.
pub async fn change(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: Uuid,
    to: &str,
    reason: &str,
) -> WebResult<Referral> {
    let tx = state.store.begin().await?;
    let found = if may_handle_referrals(&caller.principal) {
        referrals::find_for_caller(&tx, &caller.principal, id).await?
    } else {
        None
    };
    let Some((r, side)) = found else {
        drop(tx);
        let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
            .on("referral", id)
            .detail(AuditAction::ReferralUpdate.as_str());
        audit_alone(state, ctx, entry).await?;
        return Err(WebError::NotFound);
    };
    let to = Status::parse(to).ok_or_else(|| WebError::Invalid(vec![FieldError::new("status", "unknown-choice")]))?;
    let reason = optional_text("reason", reason, 1000).map_err(|e| WebError::Invalid(vec![e]))?;
    let from = Status::parse(&r.status).unwrap_or(Status::Requested);
    transition(from, to, side, reason.as_deref()).map_err(|e| {
        WebError::Invalid(vec![match e {
            MoveError::ReasonRequired => FieldError::new("reason", "required"),
            MoveError::NotAllowed | MoveError::WrongSide => FieldError::new("status", "not-allowed"),
        }])
    })?;
    let entry = AuditEntry::person(AuditAction::ReferralUpdate, PersonId::from_uuid(r.person_id))
        .on("referral", r.id)
        .detail(format!("{} -> {}", from.as_str(), to.as_str()));
    audit::append(&tx, &ctx.actor(), entry).await?;
    let moved = referrals::move_to(&tx, r.id, from, to, (caller.account, caller.org), reason, pathways_store::now())
        .await?
        .ok_or(WebError::Conflict("referral status"))?;
    tx.commit().await?;
    Ok(moved)
}
