//! `POST /persons/{id}/locator/{detail}/remove` and `POST /me/locator/{detail}/remove`: a detail withdrawn (the
//! person no longer consents, or it no longer works). The row is kept, marked removed, for the record.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Response;
use pathways_domain::audit::AuditAction;
use pathways_store::locators;
use serde::Deserialize;
use uuid::Uuid;

use crate::access::{PersonTx, open_person};
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::extract::VerifiedForm;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
pub struct Empty {}

pub async fn remove_locator(
    State(state): State<AppState>,
    s: Subject,
    Path(params): Path<HashMap<String, String>>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    let detail: Uuid = params.get("detail").and_then(|d| d.parse().ok()).ok_or(WebError::NotFound)?;
    let PersonTx { tx, scope, .. } =
        open_person(&state, &s.ctx, &s.caller, s.person, AuditAction::LocatorUpdate).await?;
    if !locators::remove(&tx, &scope, s.person, detail, s.caller.account, pathways_store::now()).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(crate::flash::redirect(&state, &format!("{}/locator", s.base), crate::key!("flash-locator-removed")))
}
