//! `GET /api/v1/reports/access-retention`: the access and retention report of the caller's organization
//! (aggregates only, suppressed as on the page). The network's (`get_network_access_retention`) has the same shape.

use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use super::get_people_served::{CellJson, PeopleServedQuery};
use crate::error::WebResult;
use crate::extract::{ApiCaller, ApiQuery};
use crate::services;
use crate::services::outcome_reports::AccessRetention;
use crate::state::AppState;

/// One group's line of a measure: a count per category, the total and the median.
#[derive(Debug, Serialize, ToSchema)]
pub struct RetentionLineJson {
    /// The organization's name; `null` for the line of all groups (the organization, or the whole network).
    pub name: Option<String>,
    /// One count per category, in the order of `categories`.
    pub cells: Vec<CellJson>,
    pub total: CellJson,
    /// The median in the measure's `unit` over the records that reached the event; `null` when fewer than 11
    /// are behind it.
    pub median: Option<i64>,
}

/// One measure: its categories and a line per group.
#[derive(Debug, Serialize, ToSchema)]
pub struct RetentionMeasureJson {
    /// `need_to_entry`, `call_to_admission`, `days_in_episode` or `re_engagement`.
    pub measure: &'static str,
    /// What one count is: `persons`, `calls` or `episodes`.
    pub counts: &'static str,
    /// The median's unit: `days` or `hours`.
    pub unit: &'static str,
    /// The categories' codes (`within_14_days`, `later`, `not_entered` …).
    pub categories: Vec<&'static str>,
    /// Each organization of the network (empty for one organization's report).
    pub groups: Vec<RetentionLineJson>,
    /// All groups together: the organization, or the network.
    pub all: RetentionLineJson,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccessRetentionJson {
    pub fiscal_year: i32,
    /// The month (1–12) the fiscal year starts in (`fiscal_year_start_month`).
    pub start_month: u32,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub measures: Vec<RetentionMeasureJson>,
}

/// The report as JSON (the network's too).
pub fn json(r: &AccessRetention) -> AccessRetentionJson {
    let fy = r.fiscal_year;
    let measures = r
        .measures
        .iter()
        .map(|m| {
            let groups = if r.network {
                r.groups
                    .iter()
                    .enumerate()
                    .map(|(i, g)| RetentionLineJson {
                        name: Some(g.clone()),
                        cells: m.table.cells[i].iter().map(|c| (*c).into()).collect(),
                        total: m.table.row_totals[i].into(),
                        median: m.medians[i],
                    })
                    .collect()
            } else {
                Vec::new()
            };
            RetentionMeasureJson {
                measure: m.measure.as_str(),
                counts: m.measure.counts(),
                unit: m.measure.unit(),
                categories: m.measure.categories().to_vec(),
                groups,
                all: RetentionLineJson {
                    name: None,
                    cells: m.table.column_totals.iter().map(|c| (*c).into()).collect(),
                    total: m.table.total.into(),
                    median: m.median_all,
                },
            }
        })
        .collect();
    AccessRetentionJson {
        fiscal_year: fy.year,
        start_month: fy.start_month,
        first_day: fy.first_day(),
        last_day: fy.end().pred_opt().unwrap_or(fy.end()),
        measures,
    }
}

/// Access and retention in a state fiscal year for the caller's organization: time from a need for treatment
/// (a check-up) to treatment entry, from a call to the access line to admission, days in episodes closed in the
/// year, and coming back after a "not engaged" outreach item. Supervisors, administrators and analysts;
/// aggregates only, counts of 1 to 10 (and any count they could be worked out from) suppressed, a median only
/// over 11 or more records.
#[utoipa::path(get, path = "/api/v1/reports/access-retention", tag = "reports", params(PeopleServedQuery),
    responses((status = 200, body = AccessRetentionJson), (status = 400), (status = 401), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn get_access_retention(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    ApiQuery(q): ApiQuery<PeopleServedQuery>,
) -> WebResult<Json<AccessRetentionJson>> {
    let fy = services::reports::fiscal_year(&state, q.year.map(|y| y.0.to_string()).as_deref())?;
    let r = services::outcome_reports::access_retention(&state, &ctx, &caller, fy).await?;
    Ok(Json(json(&r)))
}
