//! `GET /fhir/r4/Observation?patient=…&_count=…`.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use pathways_domain::PersonId;
use pathways_domain::ids::AssessmentId;
use serde::Deserialize;

use super::{Paging, error, fhir, outcome, rejected};
use crate::extract::ApiCaller;
use crate::services::fhir::{SearchPage, model::Resource, search_observations as search, searchset};
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ObservationQuery {
    /// `Patient/{id}` or the bare id.
    pub patient: Option<String>,
    #[serde(rename = "_id")]
    pub id: Option<String>,
    #[serde(flatten)]
    pub paging: Paging,
}

/// One person's BARC-10 totals as Observations, oldest first, in a searchset Bundle with paging links. `patient`
/// is required; a person outside the caller's reach gives an empty Bundle.
#[utoipa::path(get, path = "/fhir/r4/Observation", tag = "fhir",
    params(("patient" = inline(crate::schemas::NotBlank), Query, description = "Patient/{id} or the person's id (required)"),
        ("_id" = Option<String>, Query, description = "One Observation's id"),
        ("_count" = inline(Option<crate::extract::Bounded<1, 100>>), Query, description = "1 to 100 (default 50)"),
        ("_offset" = inline(Option<crate::extract::Offset>), Query, description = "Matches to skip (the paging links set it)")),
    responses((status = 200, description = "A searchset Bundle (application/fhir+json)"),
        (status = 400, description = "OperationOutcome"), (status = 401, description = "OperationOutcome"),
        (status = 403, description = "OperationOutcome")),
    security(("bearer" = [])))]
pub async fn search_observations(
    State(state): State<AppState>,
    api: Result<ApiCaller, Response>,
    Query(q): Query<ObservationQuery>,
) -> Response {
    let ApiCaller { ctx, caller } = match api {
        Ok(a) => a,
        Err(r) => return rejected(r),
    };
    let (offset, count) = match q.paging.parse() {
        Ok(p) => p,
        Err(why) => return super::bad_paging(&why),
    };
    let Some(raw) = q.patient.as_deref().map(str::trim).filter(|p| !p.is_empty()) else {
        return outcome(StatusCode::BAD_REQUEST, "patient is required: Observation?patient=Patient/{id}");
    };
    let mut query = format!("patient={raw}");
    let id = match q.id.as_deref() {
        None => Ok(None),
        Some(i) => {
            query.push_str(&format!("&_id={i}"));
            i.parse::<AssessmentId>().map(Some)
        }
    };
    let person = raw.strip_prefix("Patient/").unwrap_or(raw).parse::<PersonId>();
    let page = match (person, id) {
        (Ok(person), Ok(id)) => search(&state, &ctx, &caller, person, id, offset, count).await,
        _ => Ok(SearchPage { items: Vec::new(), total: 0, offset, count }),
    };
    match page {
        Ok(page) => fhir(StatusCode::OK, &Resource::Bundle(searchset(&state, "Observation", &query, page))),
        Err(e) => error(e),
    }
}
