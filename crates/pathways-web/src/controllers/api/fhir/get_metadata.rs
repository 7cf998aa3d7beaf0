//! `GET /fhir/r4/metadata`: the CapabilityStatement, generated from the table of what answers
//! (`services::fhir::API`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::fhir;
use crate::services::fhir::{capability_statement, model::Resource};
use crate::state::AppState;

/// The server's CapabilityStatement (no token needed: it says what the FHIR API does, nothing about anyone).
#[utoipa::path(get, path = "/fhir/r4/metadata", tag = "fhir",
    responses((status = 200, description = "A CapabilityStatement (application/fhir+json)")))]
pub async fn get_metadata(State(state): State<AppState>) -> Response {
    fhir(StatusCode::OK, &Resource::CapabilityStatement(capability_statement(&state)))
}
