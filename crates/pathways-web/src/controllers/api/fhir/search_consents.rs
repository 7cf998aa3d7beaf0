//! `GET /fhir/r4/Consent?patient=…`.

use axum::extract::{RawQuery, State};
use axum::response::Response;

use super::{RecordSearch, search_of_patient};
use crate::extract::ApiCaller;
use crate::state::AppState;

/// One person's consents, as a searchset Bundle with paging links. `patient` is required; a person outside the
/// caller's reach gives an empty Bundle.
#[utoipa::path(get, path = "/fhir/r4/Consent", tag = "fhir", params(RecordSearch),
    responses((status = 200, description = "A searchset Bundle (application/fhir+json)"),
        (status = 400, description = "OperationOutcome"), (status = 401, description = "OperationOutcome"),
        (status = 403, description = "OperationOutcome")),
    security(("bearer" = [])))]
pub async fn search_consents(
    State(state): State<AppState>,
    api: Result<ApiCaller, Response>,
    RawQuery(q): RawQuery,
) -> Response {
    search_of_patient(&state, api, q, "Consent").await
}
