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
    pub demographics: DemographicsJson,
}

/// One group of a demographic table and its persons.
#[derive(Debug, Serialize, ToSchema)]
pub struct DemographicGroupJson {
    /// An age band (`under_18`, `18_25`, `26_34`, `35_44`, `45_54`, `55_64`, `65_plus`, `not_recorded`) or a
    /// preferred language (a language code of the person form, `other` or `not_recorded`).
    pub group: &'static str,
    pub persons: CellJson,
}

/// The year's persons, each once, by age band (age on the fiscal year's first day) and by preferred language —
/// the demographics a person's record holds. The two tables are suppressed together; their totals are the year's
/// persons.
#[derive(Debug, Serialize, ToSchema)]
pub struct DemographicsJson {
    pub age_bands: Vec<DemographicGroupJson>,
    pub languages: Vec<DemographicGroupJson>,
    pub total: CellJson,
}

impl From<&services::reports::Demographics> for DemographicsJson {
    fn from(d: &services::reports::Demographics) -> Self {
        use pathways_domain::outcomes::demographics::{AgeBand, LanguageGroup};
        let groups = |keys: Vec<&'static str>, cells: &[Cell]| {
            keys.into_iter().zip(cells).map(|(group, c)| DemographicGroupJson { group, persons: (*c).into() }).collect()
        };
        Self {
            age_bands: groups(AgeBand::ALL.iter().map(|b| b.key()).collect(), &d.ages.row_totals),
            languages: groups(LanguageGroup::all().iter().map(LanguageGroup::key).collect(), &d.languages.row_totals),
            total: d.ages.total.into(),
        }
    }
}

/// Unduplicated persons served by the caller's organization per quarter of a state fiscal year and in the whole
/// year, new and continuing, and the year's persons by age band and by preferred language. Supervisors, administrators and analysts; counts of 1 to 10 persons (and any count
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
    let demographics = (&r.demographics).into();
    Ok(Json(PeopleServedJson { fiscal_year: fy.year, start_month: fy.start_month, quarters, year, demographics }))
}
