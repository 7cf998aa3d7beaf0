//! `GET /api/v1/reports/follow-up`.

use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use pathways_domain::outcomes::Interval;
use serde::Serialize;
use utoipa::ToSchema;

use super::get_people_served::{CellJson, PeopleServedQuery};
use crate::error::WebResult;
use crate::extract::{ApiCaller, ApiQuery};
use crate::services;
use crate::services::outcome_reports::FollowUpRow;
use crate::state::AppState;

/// A share with its Wilson 95% interval.
#[derive(Debug, Serialize, ToSchema)]
pub struct RateJson {
    pub share: f64,
    pub low: f64,
    pub high: f64,
}

impl From<Interval> for RateJson {
    fn from(i: Interval) -> Self {
        Self { share: i.share, low: i.low, high: i.high }
    }
}

/// One coach's (or the organization's) reassessments.
#[derive(Debug, Serialize, ToSchema)]
pub struct FollowUpRowJson {
    /// The coach's name; absent for the organization's line and for persons with no coach.
    pub coach: Option<String>,
    /// Reassessments whose window closed in the period.
    pub due: CellJson,
    /// Done inside the window.
    pub completed_in_window: CellJson,
    /// Not done: the person could not be reached, died or refused (recorded as such).
    pub administrative: CellJson,
    pub not_done: CellJson,
    /// completed ÷ due, when both are shown.
    pub rate: Option<RateJson>,
}

impl From<FollowUpRow> for FollowUpRowJson {
    fn from(r: FollowUpRow) -> Self {
        Self {
            coach: r.label,
            due: r.due.into(),
            completed_in_window: r.cells[0].into(),
            administrative: r.cells[1].into(),
            not_done: r.cells[2].into(),
            rate: r.rate.map(RateJson::from),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FollowUpJson {
    pub fiscal_year: i32,
    /// Windows that closed from this day …
    pub from: NaiveDate,
    /// … to this one (the year's last day, or yesterday while the year runs).
    pub to: NaiveDate,
    /// SAMHSA's target rate (0.8).
    pub target: f64,
    pub coaches: Vec<FollowUpRowJson>,
    pub organization: FollowUpRowJson,
}

/// The follow-up rate of the caller's organization in a state fiscal year: 6-month reassessments done in their
/// window over those due, by coach, with the Wilson 95% interval and SAMHSA's 80% target. Supervisors,
/// administrators and analysts; counts of 1 to 10 persons (and any count they could be worked out from) suppressed.
#[utoipa::path(get, path = "/api/v1/reports/follow-up", tag = "reports", params(PeopleServedQuery),
    responses((status = 200, body = FollowUpJson), (status = 400), (status = 401), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn get_follow_up(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    ApiQuery(q): ApiQuery<PeopleServedQuery>,
) -> WebResult<Json<FollowUpJson>> {
    let fy = services::reports::fiscal_year(&state, q.year.map(|y| y.0.to_string()).as_deref())?;
    let r = services::outcome_reports::follow_up_rate(&state, &ctx, &caller, fy).await?;
    Ok(Json(FollowUpJson {
        fiscal_year: fy.year,
        from: r.from,
        to: r.to.pred_opt().unwrap_or(r.to),
        target: r.target,
        coaches: r.rows.into_iter().map(FollowUpRowJson::from).collect(),
        organization: r.total.into(),
    }))
}

/// One member organization's (or the network's) reassessments.
#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkFollowUpRowJson {
    /// The organization's name; absent on the network's line.
    pub organization: Option<String>,
    pub due: CellJson,
    pub completed_in_window: CellJson,
    pub administrative: CellJson,
    pub not_done: CellJson,
    pub rate: Option<RateJson>,
}

impl From<FollowUpRow> for NetworkFollowUpRowJson {
    fn from(r: FollowUpRow) -> Self {
        let FollowUpRowJson { coach, due, completed_in_window, administrative, not_done, rate } = r.into();
        Self { organization: coach, due, completed_in_window, administrative, not_done, rate }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkFollowUpJson {
    pub fiscal_year: i32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub target: f64,
    /// Every member organization, by name.
    pub organizations: Vec<NetworkFollowUpRowJson>,
    /// The network's line (the column totals).
    pub network: NetworkFollowUpRowJson,
}

/// The follow-up rate of the caller's state agency's network in a state fiscal year, one line per member
/// organization (both sides confirmed the membership) and the network's; suppressed as one table. A state
/// agency's administrators, supervisors and analysts.
#[utoipa::path(get, path = "/api/v1/reports/network/follow-up", tag = "reports", params(PeopleServedQuery),
    responses((status = 200, body = NetworkFollowUpJson), (status = 400), (status = 401), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn get_network_follow_up(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    ApiQuery(q): ApiQuery<PeopleServedQuery>,
) -> WebResult<Json<NetworkFollowUpJson>> {
    let fy = services::reports::fiscal_year(&state, q.year.map(|y| y.0.to_string()).as_deref())?;
    let r = services::outcome_reports::network_follow_up(&state, &ctx, &caller, fy).await?;
    Ok(Json(NetworkFollowUpJson {
        fiscal_year: fy.year,
        from: r.from,
        to: r.to.pred_opt().unwrap_or(r.to),
        target: r.target,
        organizations: r.rows.into_iter().map(NetworkFollowUpRowJson::from).collect(),
        network: r.total.into(),
    }))
}
