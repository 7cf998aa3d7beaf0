//! `GET /fhir/r4/Patient/{id}`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pathways_domain::PersonId;

use super::{error, fhir, rejected};
use crate::extract::{ApiCaller, InPath};
use crate::services;
use crate::state::AppState;

/// One person as a US Core-shaped Patient; another organization's (or a malformed id): 404 OperationOutcome.
#[utoipa::path(get, path = "/fhir/r4/Patient/{id}", tag = "fhir",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, description = "A Patient (application/fhir+json)"),
        (status = 401, description = "OperationOutcome"), (status = 403, description = "OperationOutcome"),
        (status = 404, description = "OperationOutcome")),
    security(("bearer" = [])))]
pub async fn get_patient(
    State(state): State<AppState>,
    api: Result<ApiCaller, Response>,
    id: Result<InPath<PersonId>, Response>,
) -> Response {
    let ApiCaller { ctx, caller } = match api {
        Ok(a) => a,
        Err(r) => return rejected(r),
    };
    let Ok(InPath(id)) = id else { return error(crate::error::WebError::NotFound) };
    match services::fhir::read_patient(&state, &ctx, &caller, id).await {
        Ok(r) => fhir(StatusCode::OK, &r),
        Err(e) => error(e),
    }
}
