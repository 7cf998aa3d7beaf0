//! `GET /api/v1/reports/network/access-retention`: the access and retention report of the caller's state
//! agency's network, by organization (aggregates only, suppressed).

use axum::Json;
use axum::extract::State;

use super::get_access_retention::{AccessRetentionJson, json};
use super::get_people_served::PeopleServedQuery;
use crate::error::WebResult;
use crate::extract::{ApiCaller, ApiQuery};
use crate::services;
use crate::state::AppState;

/// Access and retention in a state fiscal year for each organization of the caller's state agency's network
/// (both sides confirmed) and for the network: the measures of `/api/v1/reports/access-retention`. Administrators,
/// supervisors and analysts of a state agency; aggregates only, suppressed as one table per measure.
#[utoipa::path(get, path = "/api/v1/reports/network/access-retention", tag = "reports", params(PeopleServedQuery),
    responses((status = 200, body = AccessRetentionJson), (status = 400), (status = 401), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn get_network_access_retention(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    ApiQuery(q): ApiQuery<PeopleServedQuery>,
) -> WebResult<Json<AccessRetentionJson>> {
    let fy = services::reports::fiscal_year(&state, q.year.map(|y| y.0.to_string()).as_deref())?;
    let r = services::outcome_reports::network_access_retention(&state, &ctx, &caller, fy).await?;
    Ok(Json(json(&r)))
}
