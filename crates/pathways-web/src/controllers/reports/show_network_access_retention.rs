//! `GET /reports/network/access-retention?year=`: the access and retention report of the caller's state agency's
//! network, by organization (the page `show_access_retention::page` builds); aggregates only, suppressed.

use axum::extract::{Query, State};
use axum::response::Html;

use super::YearQuery;
use super::show_access_retention::page;
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;

pub async fn show_network_access_retention(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Html<String>> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let r = services::outcome_reports::network_access_retention(&state, &ctx, &caller, fy).await?;
    page(&ctx, &state, &r, "/reports/network/access-retention")
}
