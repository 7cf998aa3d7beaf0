//! `POST /api/v1/residences/{id}/reports`: the weekly bed report over the API (the page's one tap as a number),
//! audited `residence_report`; every report is kept.

use axum::Json;
use axum::extract::State;
use pathways_domain::housing::report::Tap;
use pathways_domain::ids::ResidenceId;
use serde::Deserialize;
use utoipa::ToSchema;

use super::residence_json::OperatorResidenceJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, InPath, JsonBody};
use crate::services;
use crate::state::AppState;

/// A bed report.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BedReportBody {
    /// Beds open now, 0 to 500, and at most the residence's beds in all (422 `more-than-total`).
    #[schema(minimum = 0, maximum = 500)]
    pub available_beds: i64,
    /// Opioid-antagonist doses on site now, 0 to 1000; unchanged when left out or `null`.
    #[schema(minimum = 0, maximum = 1000)]
    pub naloxone_doses: Option<i64>,
}

#[utoipa::path(post, path = "/api/v1/residences/{id}/reports", tag = "housing",
    params(("id" = String, Path, description = "The residence's id")),
    request_body = BedReportBody,
    responses((status = 200, body = OperatorResidenceJson, description = "The report is kept; the residence as it now stands"),
        (status = 400), (status = 401), (status = 403),
        (status = 404, description = "No such residence operated by the caller's organization"),
        (status = 422, description = "More beds open than the residence has: `fields` names `available_beds`")),
    security(("bearer" = [])))]
pub async fn report_residence(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    InPath(id): InPath<ResidenceId>,
    JsonBody(body): JsonBody<BedReportBody>,
) -> WebResult<Json<OperatorResidenceJson>> {
    let doses = services::housing::doses_of(&body.naloxone_doses.map(|d| d.to_string()).unwrap_or_default());
    let saved =
        services::housing::report_beds(&state, &ctx, &caller, id, Ok(Tap::Set(body.available_beds)), doses).await?;
    Ok(Json(saved.into()))
}
