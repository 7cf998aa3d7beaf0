//! `GET /fhir/r4/{type}/{id}` for the kinds of a person's record (Patient has its own route).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{error, fhir, outcome, rejected};
use crate::extract::ApiCaller;
use crate::services;
use crate::state::AppState;

/// The kinds a read by id answers (besides Patient).
pub const KINDS: [&str; 8] =
    ["CarePlan", "Goal", "QuestionnaireResponse", "Observation", "Encounter", "ServiceRequest", "Task", "Consent"];

/// One resource of a person's record by its id, through the same person gate as every read (audited in the person's
/// access log); another organization's, a person out of the caller's reach, or no such id: 404 OperationOutcome.
#[utoipa::path(get, path = "/fhir/r4/{type}/{id}", tag = "fhir",
    params(("type" = String, Path, description = "CarePlan, Goal, QuestionnaireResponse, Observation, Encounter, \
        ServiceRequest, Task or Consent"),
        ("id" = String, Path, description = "The resource's id")),
    responses((status = 200, description = "The resource (application/fhir+json)"),
        (status = 401, description = "OperationOutcome"), (status = 403, description = "OperationOutcome"),
        (status = 404, description = "OperationOutcome")),
    security(("bearer" = [])))]
pub async fn get_resource(
    State(state): State<AppState>,
    api: Result<ApiCaller, Response>,
    Path((kind, id)): Path<(String, String)>,
) -> Response {
    let ApiCaller { ctx, caller } = match api {
        Ok(a) => a,
        Err(r) => return rejected(r),
    };
    let Some(kind) = KINDS.into_iter().find(|k| *k == kind) else {
        return outcome(StatusCode::NOT_FOUND, "Pathways serves no such resource type.");
    };
    match services::fhir::read_resource(&state, &ctx, &caller, kind, &id).await {
        Ok(r) => fhir(StatusCode::OK, &r),
        Err(e) => error(e),
    }
}
