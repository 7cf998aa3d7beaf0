//! `POST /find/{id}/corrections`: anyone can say a listing is wrong; it waits in the staff's review queue.
//! Limited per address so the queue can't be flooded; what is written is kept, nothing else about the writer.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::directory::listing::parse_correction;
use pathways_domain::ids::ServiceId;
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{InPath, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CorrectionForm {
    pub message: String,
    pub contact: String,
}

pub async fn suggest_correction(
    State(state): State<AppState>,
    ctx: Ctx,
    InPath(id): InPath<ServiceId>,
    VerifiedForm(form): VerifiedForm<CorrectionForm>,
) -> WebResult<Response> {
    let (message, contact) = parse_correction(&form.message, &form.contact).map_err(WebError::Invalid)?;
    if !state.corrections_limit.allow(ctx.client_addr.as_deref().unwrap_or("unknown")) {
        return Err(WebError::TooManyRequests { retry_after_secs: state.corrections_limit.window_secs() });
    }
    services::directory::suggest_correction(&state, id, &message, contact.as_deref()).await?;
    let mut resp = crate::flash::redirect(&state, &format!("/find/{id}"), crate::key!("flash-correction"));
    *resp.status_mut() = StatusCode::SEE_OTHER;
    Ok(resp.into_response())
}
