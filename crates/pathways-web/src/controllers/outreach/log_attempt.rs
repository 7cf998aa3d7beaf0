//! `POST /outreach/{item}/attempts`: log an attempt from the queue; back to the queue with a message. The
//! checks, the record and its audit event are [`record`], which the API's `POST /api/v1/outreach/{item}/attempts`
//! uses too.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Response;
use pathways_domain::PersonId;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::outreach::{CHANNELS, OUTCOMES};
use pathways_domain::text::FieldError;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::outreach::{self, Attempt, AttemptResult};
use serde::Deserialize;
use uuid::Uuid;

use crate::access::{ScopeTx, audit_alone, open_scope};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::extract::VerifiedForm;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AttemptForm {
    channel: String,
    outcome: String,
    note: String,
}

/// Checks an attempt (every bad field named), records it on an open item of a person in the caller's scope with
/// its audit event in the same transaction — or, for an item the caller can't reach, records the denial and
/// answers 404.
pub async fn record(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    item: Uuid,
    channel: String,
    outcome: String,
    note: Option<&str>,
) -> WebResult<AttemptResult> {
    let mut errors = Vec::new();
    if !CHANNELS.contains(&channel.as_str()) {
        errors.push(FieldError::new("channel", "unknown-choice"));
    }
    if !OUTCOMES.contains(&outcome.as_str()) {
        errors.push(FieldError::new("outcome", "unknown-choice"));
    }
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > 2000) {
        errors.push(FieldError::new("notes", "too-long"));
    }
    if !errors.is_empty() {
        return Err(WebError::Invalid(errors));
    }
    let ScopeTx { tx, scope } = open_scope(state, ctx, caller, AuditAction::OutreachAttemptCreate).await?;
    let attempt = Attempt { by: caller.account, channel, outcome, note: note.map(str::to_owned) };
    match outreach::record_attempt(&tx, &scope, item, attempt, pathways_store::now()).await? {
        Some(done) => {
            let entry =
                AuditEntry::person(AuditAction::OutreachAttemptCreate, PersonId::from_uuid(done.item.person_id))
                    .on("outreach_item", done.item.id)
                    .detail(if done.escalated_now { "escalated" } else { "logged" });
            audit::append(&tx, &ctx.actor(), entry).await?;
            tx.commit().await?;
            Ok(done)
        }
        None => {
            drop(tx);
            let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
                .on("outreach_item", item)
                .detail(AuditAction::OutreachAttemptCreate.as_str());
            audit_alone(state, ctx, entry).await?;
            Err(WebError::NotFound)
        }
    }
}

pub async fn log_attempt(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Path(params): Path<HashMap<String, String>>,
    VerifiedForm(f): VerifiedForm<AttemptForm>,
) -> WebResult<Response> {
    let item: Uuid = params.get("item").and_then(|i| i.parse().ok()).ok_or(WebError::NotFound)?;
    let done = record(&state, &ctx, &caller, item, f.channel, f.outcome, Some(&f.note)).await?;
    let flash =
        if done.escalated_now { crate::key!("flash-attempt-escalated") } else { crate::key!("flash-attempt-logged") };
    Ok(crate::flash::redirect(&state, "/outreach", flash))
}
