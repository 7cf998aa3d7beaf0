//! `POST /directory` (add) and `POST /directory/{id}` (save a new version). An invalid form comes back with
//! every problem named beside its field (422).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::directory_edit::{self, Save};
use uuid::Uuid;

use super::form::{page, parse, place, raw_from_pairs, service_doc};
use crate::error::{WebError, WebResult};
use crate::extract::Editor;
use crate::extract::VerifiedForm;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn create_listing(
    State(state): State<AppState>,
    editor: Editor,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    save(&state, &editor, None, &pairs).await
}

pub async fn update_listing(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<String>,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    save(&state, &editor, Some(id), &pairs).await
}

async fn save(state: &AppState, editor: &Editor, id: Option<Uuid>, pairs: &[(String, String)]) -> WebResult<Response> {
    let previous = match id {
        Some(id) => Some(directory_edit::find(state.store.reader(), id).await?.ok_or(WebError::NotFound)?),
        None => None,
    };
    let raw = raw_from_pairs(pairs);
    let edit = match parse(&raw, state.config.deployment.time_zone) {
        Ok(e) => e,
        Err(errors) => {
            let t = editor.ctx.t();
            let heading = match &previous {
                Some((s, _, _)) => t.arg("directory-edit", "name", &s.name),
                None => t.get("directory-add"),
            };
            let action = id.map_or_else(|| "/directory".to_owned(), |id| format!("/directory/{id}"));
            let html = render(&page(
                Chrome::new(&editor.ctx, state, heading.clone()),
                t,
                editor.ctx.locale,
                heading,
                action,
                "/directory".into(),
                String::new(),
                raw,
                &errors,
            ))?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
        }
    };
    let is_meeting = previous.as_ref().is_some_and(|(s, _, _)| s.is_meeting)
        || edit.categories.iter().any(|c| crate::finder::taxonomy().lineage(c).iter().any(|l| l == "mutual-help"));
    let doc = service_doc(&edit, previous.as_ref().map(|(s, _, _)| &s.doc));
    let s = Save {
        name: edit.name.clone(),
        organization: edit.organization.clone(),
        doc,
        time_zone: edit.time_zone.name().to_owned(),
        is_meeting,
        place: place(&edit),
    };
    let tx = state.store.begin().await?;
    let saved = directory_edit::save(&tx, id, &s, &editor.author()).await?;
    audit::append(
        &tx,
        &editor.ctx.actor(),
        AuditEntry::new(AuditAction::DirectoryChange, AuditOutcome::Success)
            .on("dir_service", saved)
            .detail(if id.is_some() { "update" } else { "create" }),
    )
    .await?;
    tx.commit().await?;
    let _ = state.finder.rebuild(&state.store).await;
    Ok(crate::flash::redirect(state, &format!("/directory/{saved}/history"), crate::key!("flash-saved")))
}
