//! `GET /fhir/r4/QuestionnaireResponse?patient=…&_count=…`.

use axum::extract::{Query, State};
use axum::response::Response;

use super::{PatientSearch, search_of_patient};
use crate::extract::ApiCaller;
use crate::state::AppState;

/// One person's BARC-10 answers and check-ins (without the person's words), as a searchset Bundle with paging links. `patient` is required; a person outside the
/// caller's reach gives an empty Bundle.
#[utoipa::path(get, path = "/fhir/r4/QuestionnaireResponse", tag = "fhir",
    params(("patient" = inline(crate::schemas::NotBlank), Query, description = "Patient/{id} or the person's id (required)"),
        ("_count" = inline(Option<crate::extract::Bounded<1, 100>>), Query, description = "1 to 100 (default 50)"),
        ("_offset" = inline(Option<crate::extract::Offset>), Query, description = "Matches to skip (the paging links set it)")),
    responses((status = 200, description = "A searchset Bundle (application/fhir+json)"),
        (status = 400, description = "OperationOutcome"), (status = 401, description = "OperationOutcome"),
        (status = 403, description = "OperationOutcome")),
    security(("bearer" = [])))]
pub async fn search_questionnaire_responses(
    State(state): State<AppState>,
    api: Result<ApiCaller, Response>,
    Query(q): Query<PatientSearch>,
) -> Response {
    search_of_patient(&state, api, q, "QuestionnaireResponse").await
}
