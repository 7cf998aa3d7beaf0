//! `GET /api/v1/reports/network/people-served`: the state's network figures (aggregates only, suppressed).

use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use super::get_people_served::{CellJson, PeopleServedQuery, PeriodJson};
use crate::error::WebResult;
use crate::extract::{ApiCaller, ApiQuery};
use crate::services;
use crate::state::AppState;

/// One organization's (or region's) persons served per quarter of the fiscal year.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupJson {
    /// The organization's name, or the region as recorded (`null`: not recorded).
    pub name: Option<String>,
    /// Four figures, the fiscal year's quarters in order.
    pub quarters: Vec<CellJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkPeopleServedJson {
    pub fiscal_year: i32,
    /// The month (1–12) the fiscal year starts in (`fiscal_year_start_month`).
    pub start_month: u32,
    /// The network's persons per quarter: new, continuing and total.
    pub trend: Vec<PeriodJson>,
    /// Each organization in the network (both sides confirmed), by name.
    pub organizations: Vec<GroupJson>,
    /// Each region as recorded.
    pub regions: Vec<GroupJson>,
    /// The network's persons in the year by age band and by preferred language.
    pub demographics: super::get_people_served::DemographicsJson,
}

/// Persons served per quarter of a state fiscal year by the organizations in the caller's state agency's network,
/// by organization, by region and as the network's trend (new and continuing). Administrators, supervisors and
/// analysts of a state agency; aggregates only, counts of 1 to 10 persons (and any count they could be worked out
/// from within a table) suppressed.
#[utoipa::path(get, path = "/api/v1/reports/network/people-served", tag = "reports", params(PeopleServedQuery),
    responses((status = 200, body = NetworkPeopleServedJson), (status = 400), (status = 401), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn get_network_people_served(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    ApiQuery(q): ApiQuery<PeopleServedQuery>,
) -> WebResult<Json<NetworkPeopleServedJson>> {
    let fy = services::reports::fiscal_year(&state, q.year.map(|y| y.0.to_string()).as_deref())?;
    let r = services::reports::network_people_served(&state, &ctx, &caller, fy).await?;
    let last = |d: NaiveDate| d.pred_opt().unwrap_or(d);
    let trend = r
        .quarters
        .iter()
        .enumerate()
        .map(|(i, q)| PeriodJson {
            period: q.label(),
            first_day: q.first_day(),
            last_day: last(q.end()),
            new: r.trend.cells[i][0].into(),
            continuing: r.trend.cells[i][1].into(),
            total: r.trend.row_totals[i].into(),
        })
        .collect();
    let group = |name: Option<String>, cells: &Vec<pathways_domain::outcomes::Cell>| GroupJson {
        name,
        quarters: cells.iter().map(|c| (*c).into()).collect(),
    };
    let organizations = r.orgs.iter().zip(&r.by_org.cells).map(|(n, c)| group(Some(n.clone()), c)).collect();
    let regions = r.regions.iter().zip(&r.by_region.cells).map(|(n, c)| group(n.clone(), c)).collect();
    Ok(Json(NetworkPeopleServedJson {
        fiscal_year: fy.year,
        start_month: fy.start_month,
        trend,
        organizations,
        regions,
        demographics: (&r.demographics).into(),
    }))
}
