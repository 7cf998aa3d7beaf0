//! The read-only FHIR R4 API (`/fhir/r4`, issue 18): answers are `application/fhir+json`, errors an
//! `OperationOutcome` with the status. Bearer tokens as the rest of the API; the person gate decides what a caller
//! reaches (another organization's record: 404).

pub mod get_everything;
pub mod get_metadata;
pub mod get_patient;
pub mod get_resource;
pub mod search_care_plans;
pub mod search_consents;
pub mod search_encounters;
pub mod search_goals;
pub mod search_observations;
pub mod search_patients;
pub mod search_questionnaire_responses;
pub mod search_service_requests;
pub mod search_tasks;

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use pathways_domain::PersonId;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::WebError;
use crate::services::fhir::map;
use crate::services::fhir::model::Resource;

/// A FHIR answer.
pub fn fhir(status: StatusCode, r: &Resource) -> Response {
    match serde_json::to_vec(r) {
        Ok(body) => (status, [(header::CONTENT_TYPE, "application/fhir+json; charset=utf-8")], body).into_response(),
        Err(e) => WebError::internal(e).into_response(),
    }
}

/// An OperationOutcome for a status, with the words saying why.
pub fn outcome(status: StatusCode, diagnostics: &str) -> Response {
    let code = match status.as_u16() {
        400 | 422 => "invalid",
        401 => "login",
        403 => "forbidden",
        404 => "not-found",
        409 => "conflict",
        429 => "throttled",
        _ => "exception",
    };
    let severity = if status.is_server_error() { "fatal" } else { "error" };
    fhir(status, &Resource::OperationOutcome(map::outcome(severity, code, diagnostics)))
}

/// A `WebError` as an OperationOutcome (never a page: this is the FHIR API).
pub fn error(e: WebError) -> Response {
    let status = e.status();
    let words = match &e {
        WebError::NotFound => "Not found.".to_owned(),
        WebError::Unauthorized => "A bearer token is required (Authorization: Bearer …).".to_owned(),
        WebError::Forbidden => "Your role may not do this.".to_owned(),
        WebError::Internal(_) => "Something went wrong.".to_owned(),
        other => other.code().to_owned(),
    };
    if let WebError::Internal(why) = &e {
        tracing::error!(error = %why, "FHIR request failed");
    }
    outcome(status, &words)
}

/// An extractor's refusal (no token, a malformed id) as an OperationOutcome with the same status.
pub fn rejected(r: Response) -> Response {
    let status = r.status();
    let words = match status.as_u16() {
        401 => "A bearer token is required (Authorization: Bearer …).",
        403 => "This token may not do this.",
        404 => "Not found.",
        429 => "Too many requests.",
        _ => "The request was refused.",
    };
    outcome(status, words)
}

/// The parameters of a search of one kind of a person's record, for the OpenAPI document (the handlers read the raw
/// query: `_lastUpdated` may be given more than once, and unknown parameters are ignored, as FHIR lets a server do).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(dead_code, reason = "only the OpenAPI document reads it")]
pub struct RecordSearch {
    /// `Patient/{id}` or the person's id (required).
    #[param(value_type = crate::schemas::NotBlank, inline)]
    patient: String,
    /// One resource's id.
    _id: Option<String>,
    /// `[prefix]date` (prefixes eq, ne, gt, lt, ge, le, sa, eb; YYYY, YYYY-MM, YYYY-MM-DD or a dateTime with its
    /// zone), compared with `meta.lastUpdated`; it may be repeated for a range (`ge2026-01&_lastUpdated=lt2026-07`).
    /// An empty value is ignored.
    #[serde(rename = "_lastUpdated")]
    _last_updated: Option<String>,
    /// 1 to 100 (default 50).
    #[param(value_type = Option<crate::extract::Bounded<1, 100>>, inline)]
    _count: Option<u64>,
    /// Matches to skip (the paging links set it).
    #[param(value_type = Option<crate::extract::Offset>, inline)]
    _offset: Option<u64>,
}

/// A search of one kind of resource of one person (`kind` as in `services::fhir::API`): every handler but
/// Patient's shares it. Bad parameters: 400 OperationOutcome naming the parameter.
pub async fn search_of_patient(
    state: &crate::state::AppState,
    api: Result<crate::extract::ApiCaller, Response>,
    raw: Option<String>,
    kind: &'static str,
) -> Response {
    use crate::services::fhir::{SearchPage, model::Resource, search::SearchParams, search_record, searchset};
    let crate::extract::ApiCaller { ctx, caller } = match api {
        Ok(a) => a,
        Err(r) => return rejected(r),
    };
    let params = match SearchParams::parse(raw.as_deref()) {
        Ok(p) => p,
        Err(why) => return outcome(StatusCode::BAD_REQUEST, &why),
    };
    let Some(person) = params.patient_id() else {
        return outcome(StatusCode::BAD_REQUEST, &format!("patient is required: {kind}?patient=Patient/{{id}}"));
    };
    let page = match person.parse::<PersonId>() {
        Ok(person) => search_record(state, &ctx, &caller, person, kind, &params).await,
        // A malformed id names nobody: an empty searchset, as for a person outside the caller's reach.
        Err(_) => Ok(SearchPage { items: Vec::new(), total: 0, offset: params.offset, count: params.count }),
    };
    match page {
        Ok(page) => fhir(StatusCode::OK, &Resource::Bundle(searchset(state, kind, &params.query, page))),
        Err(e) => error(e),
    }
}
