//! `POST /persons/{id}/export`: the record for the provider named, as a FHIR R4 `collection` Bundle to download —
//! the same use case as `$everything` (`services::fhir::export`: the consent gate, only what it lets go, the
//! §2.32 notice, an entry in the accounting of disclosures). Refused: the form again with the reason (422 without
//! a recipient, 403 when no consent in force allows it).

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use pathways_domain::access::PersonScope;
use serde::Deserialize;

use super::export_page::page;
use crate::error::{WebError, WebResult};
use crate::extract::{Subject, VerifiedForm};
use crate::services::fhir::{self, model::Resource};
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExportForm {
    recipient: String,
}

pub async fn create_export(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(f): VerifiedForm<ExportForm>,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let recipient = f.recipient.trim();
    let named = (!recipient.is_empty() && recipient.chars().count() <= 200).then_some(recipient);
    let t = s.ctx.t();
    let (status, error, blocked) = match fhir::export(&state, &s.ctx, &s.caller, s.person, named).await {
        Ok(bundle) => {
            let body = serde_json::to_vec_pretty(&Resource::Bundle(bundle)).map_err(WebError::internal)?;
            let disposition = format!("attachment; filename=\"record-{}.fhir.json\"", s.person);
            return Ok((
                [
                    (header::CONTENT_TYPE, "application/fhir+json; charset=utf-8".to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                body,
            )
                .into_response());
        }
        Err(WebError::BadRequest(_)) => (StatusCode::UNPROCESSABLE_ENTITY, t.get("export-recipient-required"), false),
        Err(WebError::Forbidden) if PersonScope::of(&s.caller.principal).is_some() => {
            (StatusCode::FORBIDDEN, t.get("export-blocked"), true)
        }
        Err(e) => return Err(e),
    };
    let html = page(&state, &s.ctx, &s.caller, s.person, recipient, Some(error), blocked).await?;
    Ok((status, Html(html)).into_response())
}
