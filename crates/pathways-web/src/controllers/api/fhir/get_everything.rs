//! `GET /fhir/r4/Patient/{id}/$everything?recipient=…`: a person's record exported to another provider.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use pathways_domain::PersonId;
use serde::Deserialize;

use super::{error, fhir, outcome, rejected};
use crate::error::WebError;
use crate::extract::{ApiCaller, InPath};
use crate::services::fhir::{NO_CONSENT, export, model::Resource};
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EverythingQuery {
    /// The receiving provider's name, as the person's consent names it.
    pub recipient: Option<String>,
}

/// The record as a `collection` Bundle for `recipient`, with only what a consent in force lets go to it (the
/// Bundle's OperationOutcome says what was left out, and carries the §2.32 notice); an entry in the accounting of
/// disclosures. No consent in force: 403 OperationOutcome, nothing sent.
#[utoipa::path(get, path = "/fhir/r4/Patient/{id}/$everything", tag = "fhir",
    params(("id" = String, Path, description = "The person's id"),
        ("recipient" = inline(crate::schemas::Name200), Query, description = "The receiving provider, as the consent names it (required)")),
    responses((status = 200, description = "A collection Bundle (application/fhir+json)"),
        (status = 400, description = "OperationOutcome: recipient missing"),
        (status = 401, description = "OperationOutcome"),
        (status = 403, description = "OperationOutcome: no consent in force, or a role without person records"),
        (status = 404, description = "OperationOutcome")),
    security(("bearer" = [])))]
pub async fn get_everything(
    State(state): State<AppState>,
    api: Result<ApiCaller, Response>,
    id: Result<InPath<PersonId>, Response>,
    Query(q): Query<EverythingQuery>,
) -> Response {
    let ApiCaller { ctx, caller } = match api {
        Ok(a) => a,
        Err(r) => return rejected(r),
    };
    let Ok(InPath(id)) = id else { return error(WebError::NotFound) };
    let recipient = q.recipient.as_deref().map(str::trim).filter(|r| !r.is_empty() && r.chars().count() <= 200);
    match export(&state, &ctx, &caller, id, recipient).await {
        Ok(b) => fhir(StatusCode::OK, &Resource::Bundle(b)),
        Err(WebError::Forbidden) if pathways_domain::access::PersonScope::of(&caller.principal).is_some() => {
            outcome(StatusCode::FORBIDDEN, NO_CONSENT)
        }
        Err(WebError::BadRequest(why)) => outcome(StatusCode::BAD_REQUEST, why),
        Err(e) => error(e),
    }
}
