//! `POST /directory/corrections/{id}`: mark a correction handled (`status=resolved`) or not needed (`dismissed`).

use axum::extract::{Path, State};
use axum::response::Response;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::directory_edit;
use serde::Deserialize;
use uuid::Uuid;

use crate::error::{WebError, WebResult};
use crate::extract::Editor;
use crate::extract::VerifiedForm;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct CloseForm {
    #[serde(default)]
    pub status: String,
}

pub async fn close_correction(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<String>,
    VerifiedForm(form): VerifiedForm<CloseForm>,
) -> WebResult<Response> {
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    let status = match form.status.as_str() {
        "resolved" | "dismissed" => form.status.as_str(),
        _ => return Err(WebError::BadRequest(crate::key!("error-bad-form"))),
    };
    let tx = state.store.begin().await?;
    if !directory_edit::close_correction(&tx, id, status, editor.caller.account.as_uuid()).await? {
        return Err(WebError::NotFound);
    }
    audit::append(
        &tx,
        &editor.ctx.actor(),
        AuditEntry::new(AuditAction::DirectoryChange, AuditOutcome::Success).on("dir_correction", id).detail(status),
    )
    .await?;
    tx.commit().await?;
    Ok(crate::flash::redirect(&state, "/directory/corrections", crate::key!("flash-saved")))
}
