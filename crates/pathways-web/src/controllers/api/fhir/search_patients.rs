//! `GET /fhir/r4/Patient?_id=…&_count=…`.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use pathways_domain::PersonId;
use serde::Deserialize;

use super::{Paging, error, fhir, rejected};
use crate::extract::ApiCaller;
use crate::services::fhir::{model::Resource, search_patients as search, searchset};
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PatientQuery {
    #[serde(rename = "_id")]
    pub id: Option<String>,
    #[serde(flatten)]
    pub paging: Paging,
}

/// The persons the caller reaches, by name, as a searchset Bundle with paging links (`_count` 1–100, default 50).
#[utoipa::path(get, path = "/fhir/r4/Patient", tag = "fhir",
    params(("_id" = Option<String>, Query, description = "One person's id"),
        ("_count" = inline(Option<crate::extract::Bounded<1, 100>>), Query, description = "1 to 100 (default 50)"),
        ("_offset" = inline(Option<crate::extract::Offset>), Query, description = "Matches to skip (the paging links set it)")),
    responses((status = 200, description = "A searchset Bundle (application/fhir+json)"),
        (status = 400, description = "OperationOutcome"), (status = 401, description = "OperationOutcome"),
        (status = 403, description = "OperationOutcome")),
    security(("bearer" = [])))]
pub async fn search_patients(
    State(state): State<AppState>,
    api: Result<ApiCaller, Response>,
    Query(q): Query<PatientQuery>,
) -> Response {
    let ApiCaller { ctx, caller } = match api {
        Ok(a) => a,
        Err(r) => return rejected(r),
    };
    let (offset, count) = match q.paging.parse() {
        Ok(p) => p,
        Err(why) => return super::bad_paging(&why),
    };
    // A malformed `_id` names nobody: an empty searchset, as for an id outside the caller's reach.
    let id = match q.id.as_deref() {
        None => None,
        Some(raw) => match raw.parse::<PersonId>() {
            Ok(id) => Some(Some(id)),
            Err(_) => Some(None),
        },
    };
    let query = q.id.as_ref().map(|i| format!("_id={i}")).unwrap_or_default();
    let page = match id {
        Some(None) => Ok(crate::services::fhir::SearchPage { items: Vec::new(), total: 0, offset, count }),
        Some(Some(id)) => search(&state, &ctx, &caller, Some(id), offset, count).await,
        None => search(&state, &ctx, &caller, None, offset, count).await,
    };
    match page {
        Ok(page) => fhir(StatusCode::OK, &Resource::Bundle(searchset(&state, "Patient", &query, page))),
        Err(e) => error(e),
    }
}
