//! `POST /outreach/{item}/attempts`: log an attempt from the queue; back to the queue with a message.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::OutreachItemId;
use pathways_domain::outreach::AttemptInput;
use serde::Deserialize;

use crate::error::{WebError, WebResult};
use crate::extract::{InPath, SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AttemptForm {
    channel: String,
    outcome: String,
    note: String,
}

pub async fn log_attempt(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(item): InPath<OutreachItemId>,
    VerifiedForm(f): VerifiedForm<AttemptForm>,
) -> WebResult<Response> {
    let attempt = AttemptInput::parse(&f.channel, &f.outcome, Some(&f.note)).map_err(WebError::Invalid)?;
    let done = services::outreach::log_attempt(&state, &ctx, &caller, item, attempt).await?;
    let flash =
        if done.escalated_now { crate::key!("flash-attempt-escalated") } else { crate::key!("flash-attempt-logged") };
    Ok(crate::flash::redirect(&state, "/outreach", flash))
}
