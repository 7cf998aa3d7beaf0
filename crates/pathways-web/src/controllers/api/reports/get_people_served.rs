//! `GET /api/v1/reports/people-served`.

use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use pathways_domain::outcomes::Cell;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::WebResult;
use crate::extract::{ApiCaller, ApiQuery, Bounded};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct PeopleServedQuery {
    /// The state fiscal year, named by the calendar year it ends in (2000–2100; default: the current one).
    #[param(inline)]
    pub year: Option<Bounded<2000, 2100>>,
}

/// A count of persons as published: `{"status": "shown", "value": 42}`, `{"status": "fewer_than_11"}` (1 to 10
/// persons) or `{"status": "hidden"}` (hidden so that a small count cannot be worked out from the totals).
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"status": "shown", "value": 42}))]
pub struct CellJson {
    /// `shown`, `fewer_than_11` or `hidden`.
    pub status: &'static str,
    pub value: Option<u64>,
}

impl From<Cell> for CellJson {
    fn from(c: Cell) -> Self {
        match c {
            Cell::Shown(n) => CellJson { status: "shown", value: Some(n) },
            Cell::FewerThan11 => CellJson { status: "fewer_than_11", value: None },
            Cell::Hidden => CellJson { status: "hidden", value: None },
        }
    }
}

/// One period's persons: new (an episode started in it), continuing, and the unduplicated total.
#[derive(Debug, Serialize, ToSchema)]
pub struct PeriodJson {
    /// `FY2027 Q1` … or `FY2027` for the whole year.
    pub period: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub new: CellJson,
    pub continuing: CellJson,
    pub total: CellJson,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PeopleServedJson {
    pub fiscal_year: i32,
    /// The month (1–12) the fiscal year starts in (`fiscal_year_start_month`).
    pub start_month: u32,
    pub quarters: Vec<PeriodJson>,
    pub year: PeriodJson,
}

/// Unduplicated persons served by the caller's organization per quarter of a state fiscal year and in the whole
/// year, new and continuing. Supervisors, administrators and analysts; counts of 1 to 10 persons (and any count
/// they could be worked out from) are suppressed.
#[utoipa::path(get, path = "/api/v1/reports/people-served", tag = "reports", params(PeopleServedQuery),
    responses((status = 200, body = PeopleServedJson), (status = 400), (status = 401), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn get_people_served(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    ApiQuery(q): ApiQuery<PeopleServedQuery>,
) -> WebResult<Json<PeopleServedJson>> {
    let fy = services::reports::fiscal_year(&state, q.year.map(|y| y.0.to_string()).as_deref())?;
    let r = services::reports::people_served(&state, &ctx, &caller, fy).await?;
    let last = |d: NaiveDate| d.pred_opt().unwrap_or(d);
    let quarters = r
        .quarters
        .iter()
        .enumerate()
        .map(|(i, q)| PeriodJson {
            period: q.label(),
            first_day: q.first_day(),
            last_day: last(q.end()),
            new: r.by_quarter.cells[i][0].into(),
            continuing: r.by_quarter.cells[i][1].into(),
            total: r.by_quarter.row_totals[i].into(),
        })
        .collect();
    let year = PeriodJson {
        period: format!("FY{}", fy.year),
        first_day: fy.first_day(),
        last_day: last(fy.end()),
        new: r.year.cells[0][0].into(),
        continuing: r.year.cells[0][1].into(),
        total: r.year.row_totals[0].into(),
    };
    Ok(Json(PeopleServedJson { fiscal_year: fy.year, start_month: fy.start_month, quarters, year }))
}
