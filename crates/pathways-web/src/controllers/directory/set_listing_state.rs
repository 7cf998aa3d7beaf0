//! `POST /directory/{id}/{verify|retire|restore}`: confirm a listing is right today, take it out of the finder,
//! or put it back.

use axum::extract::{Path, State};
use axum::response::Response;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::directory_edit;
use uuid::Uuid;

use crate::error::{WebError, WebResult};
use crate::extract::Editor;
use crate::extract::VerifiedForm;
use crate::state::AppState;

pub async fn set_listing_state(
    State(state): State<AppState>,
    editor: Editor,
    Path((id, action)): Path<(String, String)>,
    VerifiedForm(_): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    let tx = state.store.begin().await?;
    let done = match action.as_str() {
        "verify" => directory_edit::verify(&tx, id, crate::clock::today()).await?,
        "retire" => directory_edit::set_retired(&tx, id, true).await?,
        "restore" => directory_edit::set_retired(&tx, id, false).await?,
        _ => return Err(WebError::NotFound),
    };
    if !done {
        return Err(WebError::NotFound);
    }
    audit::append(
        &tx,
        &editor.ctx.actor(),
        AuditEntry::new(AuditAction::DirectoryChange, AuditOutcome::Success)
            .on("dir_service", id)
            .detail(action.as_str()),
    )
    .await?;
    tx.commit().await?;
    if action != "verify" {
        let _ = state.finder.rebuild(&state.store).await;
    }
    Ok(crate::flash::redirect(&state, &format!("/directory/{id}/history"), crate::key!("flash-saved")))
}
