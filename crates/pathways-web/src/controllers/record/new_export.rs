//! `GET /persons/{id}/export`: the form that sends the person's record to another provider (FHIR R4), with the
//! recipients their consents in force name.

use axum::extract::State;
use axum::response::Html;

use super::export_page::page;
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::state::AppState;

pub async fn new_export(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    Ok(Html(page(&state, &s.ctx, &s.caller, s.person, "", None, false).await?))
}
