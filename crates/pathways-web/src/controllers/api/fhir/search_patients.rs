//! `GET /fhir/r4/Patient?_id=…&_count=…`.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use pathways_domain::PersonId;
use utoipa::IntoParams;

use super::{error, fhir, outcome, rejected};
use crate::extract::ApiCaller;
use crate::services::fhir::search::SearchParams;
use crate::services::fhir::{SearchPage, model::Resource, search_patients as search, searchset};
use crate::state::AppState;

/// The parameters of a Patient search, for the OpenAPI document (the handler reads the raw query).
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PatientSearch {
    /// One person's id.
    _id: Option<String>,
    /// 1 to 100 (default 50).
    #[param(value_type = Option<crate::extract::Bounded<1, 100>>, inline)]
    _count: Option<u64>,
    /// Matches to skip (the paging links set it).
    #[param(value_type = Option<crate::extract::Offset>, inline)]
    _offset: Option<u64>,
}

/// The persons the caller reaches, by name, as a searchset Bundle with paging links (`_count` 1–100, default 50).
#[utoipa::path(get, path = "/fhir/r4/Patient", tag = "fhir", params(PatientSearch),
    responses((status = 200, description = "A searchset Bundle (application/fhir+json)"),
        (status = 400, description = "OperationOutcome"), (status = 401, description = "OperationOutcome"),
        (status = 403, description = "OperationOutcome")),
    security(("bearer" = [])))]
pub async fn search_patients(
    State(state): State<AppState>,
    api: Result<ApiCaller, Response>,
    RawQuery(q): RawQuery,
) -> Response {
    let ApiCaller { ctx, caller } = match api {
        Ok(a) => a,
        Err(r) => return rejected(r),
    };
    let params = match SearchParams::parse(q.as_deref()) {
        Ok(p) if !p.last_updated.is_empty() || p.patient.is_some() => {
            return outcome(StatusCode::BAD_REQUEST, "Patient searches take _id, _count and _offset only");
        }
        Ok(p) => p,
        Err(why) => return outcome(StatusCode::BAD_REQUEST, &why),
    };
    let (offset, count) = (params.offset, params.count);
    let page = match params.id.as_deref().map(str::parse::<PersonId>) {
        // A malformed `_id` names nobody: an empty searchset, as for an id outside the caller's reach.
        Some(Err(_)) => Ok(SearchPage { items: Vec::new(), total: 0, offset, count }),
        Some(Ok(id)) => search(&state, &ctx, &caller, Some(id), offset, count).await,
        None => search(&state, &ctx, &caller, None, offset, count).await,
    };
    match page {
        Ok(page) => fhir(StatusCode::OK, &Resource::Bundle(searchset(&state, "Patient", &params.query, page))),
        Err(e) => error(e),
    }
}
