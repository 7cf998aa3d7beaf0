//! `POST /directory/corrections/{id}`: mark a correction handled (`status=resolved`) or not needed (`dismissed`).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::CorrectionId;
use serde::Deserialize;

use crate::error::{WebError, WebResult};
use crate::extract::{Editor, InPath, VerifiedForm};
use crate::services;
use crate::services::directory::CorrectionClose;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct CloseForm {
    #[serde(default)]
    pub status: String,
}

pub async fn close_correction(
    State(state): State<AppState>,
    editor: Editor,
    InPath(id): InPath<CorrectionId>,
    VerifiedForm(form): VerifiedForm<CloseForm>,
) -> WebResult<Response> {
    let how = CorrectionClose::parse(&form.status).ok_or(WebError::BadRequest(crate::key!("error-bad-form")))?;
    services::directory::close_correction(&state, &editor.ctx, &editor.caller, id, how).await?;
    Ok(crate::flash::redirect(&state, "/directory/corrections", crate::key!("flash-saved")))
}
