//! `GET /api/v1/reports/outcome-change`.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use super::get_follow_up::RateJson;
use super::get_people_served::{CellJson, PeopleServedQuery};
use crate::error::WebResult;
use crate::extract::{ApiCaller, ApiQuery};
use crate::services;
use crate::services::outcome_reports::Change;
use crate::state::AppState;

/// One outcome at baseline and at 6 months, over the same persons.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeJson {
    /// The indicator's id (`no_use`, `stable_housing`, …).
    pub id: String,
    /// The NOMs domain.
    pub domain: &'static str,
    pub text_en: String,
    pub text_es: String,
    /// Persons with both answers.
    pub n: CellJson,
    pub baseline: Option<RateJson>,
    pub six_months: Option<RateJson>,
    /// Figures withheld because n, or a count behind a share, is 1 to 10 persons.
    pub suppressed: bool,
}

impl From<Change> for ChangeJson {
    fn from(c: Change) -> Self {
        Self {
            id: c.id,
            domain: c.domain,
            text_en: c.text.en,
            text_es: c.text.es,
            n: c.n.into(),
            baseline: c.baseline.map(RateJson::from),
            six_months: c.follow_up.map(RateJson::from),
            suppressed: c.suppressed,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Barc10ChangeJson {
    pub n: CellJson,
    pub baseline_mean: Option<f64>,
    pub six_month_mean: Option<f64>,
    pub mean_change: Option<f64>,
    pub at_or_above_47: ChangeJson,
}

/// One outcome at baseline and at a follow-up point, over the same persons.
#[derive(Debug, Serialize, ToSchema)]
pub struct FollowUpChangeJson {
    /// The indicator's id (`no_use`, `stable_housing`, …).
    pub id: String,
    /// The NOMs domain.
    pub domain: &'static str,
    pub text_en: String,
    pub text_es: String,
    /// Persons with both answers.
    pub n: CellJson,
    pub baseline: Option<RateJson>,
    pub follow_up: Option<RateJson>,
    /// Figures withheld because n, or a count behind a share, is 1 to 10 persons.
    pub suppressed: bool,
}

impl From<Change> for FollowUpChangeJson {
    fn from(c: Change) -> Self {
        Self {
            id: c.id,
            domain: c.domain,
            text_en: c.text.en,
            text_es: c.text.es,
            n: c.n.into(),
            baseline: c.baseline.map(RateJson::from),
            follow_up: c.follow_up.map(RateJson::from),
            suppressed: c.suppressed,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FollowUpBarc10Json {
    pub n: CellJson,
    pub baseline_mean: Option<f64>,
    pub follow_up_mean: Option<f64>,
    pub mean_change: Option<f64>,
    pub at_or_above_47: FollowUpChangeJson,
}

/// Outcome change at 12 months: the baseline beside the first annual interview done in its window in the year.
#[derive(Debug, Serialize, ToSchema)]
pub struct TwelveMonthsJson {
    /// Persons with a baseline and a 12-month interview done in the year (paired).
    pub paired: CellJson,
    pub indicators: Vec<FollowUpChangeJson>,
    pub barc10: FollowUpBarc10Json,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OutcomeChangeJson {
    pub fiscal_year: i32,
    /// Persons with a baseline and a 6-month reassessment done in the year (paired).
    pub paired: CellJson,
    pub indicators: Vec<ChangeJson>,
    pub barc10: Barc10ChangeJson,
    pub twelve_months: TwelveMonthsJson,
}

/// Outcome change for the caller's organization: persons with a completed baseline and a completed 6-month
/// reassessment done in the state fiscal year (paired only), per outcome (one per NOMs domain) at baseline and at
/// 6 months with n and the Wilson 95% interval; BARC-10's mean change and the share at or above 47; the same at
/// 12 months (`twelve_months`: the baseline beside the first annual interview done in its window in the year).
/// Supervisors, administrators and analysts; figures resting on 1 to 10 persons are withheld.
#[utoipa::path(get, path = "/api/v1/reports/outcome-change", tag = "reports", params(PeopleServedQuery),
    responses((status = 200, body = OutcomeChangeJson), (status = 400), (status = 401), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn get_outcome_change(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    ApiQuery(q): ApiQuery<PeopleServedQuery>,
) -> WebResult<Json<OutcomeChangeJson>> {
    let fy = services::reports::fiscal_year(&state, q.year.map(|y| y.0.to_string()).as_deref())?;
    let r = services::outcome_reports::outcome_change(&state, &ctx, &caller, fy).await?;
    let (six, twelve) = (r.six, r.twelve);
    let mean = six.barc10.1;
    let twelve_mean = twelve.barc10.1;
    Ok(Json(OutcomeChangeJson {
        fiscal_year: fy.year,
        paired: six.paired.into(),
        indicators: six.indicators.into_iter().map(ChangeJson::from).collect(),
        barc10: Barc10ChangeJson {
            n: six.barc10.0.into(),
            baseline_mean: mean.and_then(|m| m.baseline),
            six_month_mean: mean.and_then(|m| m.follow_up),
            mean_change: mean.and_then(|m| m.change),
            at_or_above_47: six.barc10_cutoff.into(),
        },
        twelve_months: TwelveMonthsJson {
            paired: twelve.paired.into(),
            indicators: twelve.indicators.into_iter().map(FollowUpChangeJson::from).collect(),
            barc10: FollowUpBarc10Json {
                n: twelve.barc10.0.into(),
                baseline_mean: twelve_mean.and_then(|m| m.baseline),
                follow_up_mean: twelve_mean.and_then(|m| m.follow_up),
                mean_change: twelve_mean.and_then(|m| m.change),
                at_or_above_47: twelve.barc10_cutoff.into(),
            },
        },
    }))
}
