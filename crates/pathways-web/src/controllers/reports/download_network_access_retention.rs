//! `GET /reports/network/access-retention.csv?year=`: the network's access and retention report as CSV, one group
//! per organization and the network's line (`download_access_retention::csv_file`).

use axum::extract::{Query, State};
use axum::response::Response;

use super::YearQuery;
use super::download_access_retention::csv_file;
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;

pub async fn download_network_access_retention(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Response> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let r = services::outcome_reports::network_access_retention(&state, &ctx, &caller, fy).await?;
    csv_file(&ctx, &r, "network-access-retention")
}
