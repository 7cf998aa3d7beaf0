//! `POST /find/{id}/corrections`: anyone can say a listing is wrong; it waits in the staff's review queue.
//! Limited per address so the queue can't be flooded; what is written is kept, nothing else about the writer.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::directory::listing::parse_correction;
use serde::Deserialize;
use uuid::Uuid;

use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::VerifiedForm;
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
    Path(id): Path<String>,
    VerifiedForm(form): VerifiedForm<CorrectionForm>,
) -> WebResult<Response> {
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    let (message, contact) = parse_correction(&form.message, &form.contact).map_err(WebError::Invalid)?;
    if !state.corrections_limit.allow(ctx.client_addr.as_deref().unwrap_or("unknown")) {
        return Err(WebError::TooManyRequests { retry_after_secs: state.corrections_limit.window_secs() });
    }
    let tx = state.store.begin().await?;
    let added = pathways_store::directory_edit::add_correction(&tx, id, &message, contact.as_deref()).await?;
    if !added {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    let mut resp = crate::flash::redirect(&state, &format!("/find/{id}"), crate::key!("flash-correction"));
    *resp.status_mut() = StatusCode::SEE_OTHER;
    Ok(resp.into_response())
}
