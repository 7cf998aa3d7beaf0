//! The read-only FHIR R4 API (`/fhir/r4`, issue 18): answers are `application/fhir+json`, errors an
//! `OperationOutcome` with the status. Bearer tokens as the rest of the API; the person gate decides what a caller
//! reaches (another organization's record: 404).

pub mod get_everything;
pub mod get_metadata;
pub mod get_patient;
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

use crate::error::WebError;
use crate::services::fhir::map;
use crate::services::fhir::model::Resource;

/// The largest page a search returns, and the default.
pub const MAX_COUNT: u64 = 100;
pub const DEFAULT_COUNT: u64 = 50;

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

/// Paging parameters every search takes: `_count` (1 to 100, default 50) and `_offset` (from the paging links).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Paging {
    #[serde(rename = "_count")]
    pub count: Option<String>,
    #[serde(rename = "_offset")]
    pub offset: Option<String>,
}

impl Paging {
    /// (offset, count), or the words naming the bad parameter (for a 400 OperationOutcome: [`bad_paging`]).
    pub fn parse(&self) -> Result<(u64, u64), String> {
        let count = match self.count.as_deref() {
            None => DEFAULT_COUNT,
            Some(c) => match c.parse::<u64>() {
                Ok(n) if (1..=MAX_COUNT).contains(&n) => n,
                _ => return Err(format!("_count must be a whole number from 1 to {MAX_COUNT}")),
            },
        };
        let offset = match self.offset.as_deref() {
            None => 0,
            // A database skips at most 2^63 - 1 rows: beyond that is refused, not read as the last page.
            Some(o) => match o.parse::<i64>() {
                Ok(n) if n >= 0 => n.unsigned_abs(),
                _ => return Err(format!("_offset must be a whole number from 0 to {}", i64::MAX)),
            },
        };
        Ok((offset, count))
    }
}

/// A 400 OperationOutcome for bad paging parameters.
pub fn bad_paging(why: &str) -> Response {
    outcome(StatusCode::BAD_REQUEST, why)
}

/// The parameters of a search by person: `patient` (`Patient/{id}` or the id; required) and paging.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PatientSearch {
    pub patient: Option<String>,
    #[serde(flatten)]
    pub paging: Paging,
}

/// A search of one kind of resource of one person (`kind` as in `services::fhir::API`): the handlers of
/// CarePlan, Goal, QuestionnaireResponse, Encounter, ServiceRequest, Task and Consent share it.
pub async fn search_of_patient(
    state: &crate::state::AppState,
    api: Result<crate::extract::ApiCaller, Response>,
    q: PatientSearch,
    kind: &'static str,
) -> Response {
    use crate::services::fhir::{SearchPage, model::Resource, search_record, searchset};
    let crate::extract::ApiCaller { ctx, caller } = match api {
        Ok(a) => a,
        Err(r) => return rejected(r),
    };
    let (offset, count) = match q.paging.parse() {
        Ok(p) => p,
        Err(why) => return bad_paging(&why),
    };
    let Some(raw) = q.patient.as_deref().map(str::trim).filter(|p| !p.is_empty()) else {
        return outcome(StatusCode::BAD_REQUEST, &format!("patient is required: {kind}?patient=Patient/{{id}}"));
    };
    let page = match raw.strip_prefix("Patient/").unwrap_or(raw).parse::<PersonId>() {
        Ok(person) => search_record(state, &ctx, &caller, person, kind, offset, count).await,
        Err(_) => Ok(SearchPage { items: Vec::new(), total: 0, offset, count }),
    };
    match page {
        Ok(page) => fhir(StatusCode::OK, &Resource::Bundle(searchset(state, kind, &format!("patient={raw}"), page))),
        Err(e) => error(e),
    }
}
