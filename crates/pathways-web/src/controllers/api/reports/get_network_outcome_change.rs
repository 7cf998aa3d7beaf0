//! `GET /api/v1/reports/network/outcome-change`.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::get_follow_up::RateJson;
use super::get_people_served::CellJson;
use crate::error::WebResult;
use crate::extract::{ApiCaller, ApiQuery, Bounded};
use crate::services;
use crate::state::AppState;
use pathways_domain::outcomes::change::{Shares, Span};

/// The follow-up point: `6` (the 6-month reassessment) or `12` (the first annual interview).
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
pub enum FollowUpMonths {
    #[serde(rename = "6")]
    Six,
    #[serde(rename = "12")]
    Twelve,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct NetworkChangeQuery {
    /// The state fiscal year, named by the calendar year it ends in (2000–2100; default: the current one).
    #[param(inline)]
    pub year: Option<Bounded<2000, 2100>>,
    /// The follow-up point (default 6).
    #[param(inline)]
    pub months: Option<FollowUpMonths>,
}

/// One organization's (or the network's) outcome at baseline and at the follow-up, over the same persons.
#[derive(Debug, Serialize, ToSchema)]
pub struct SharesJson {
    /// Persons with both answers.
    pub n: CellJson,
    pub baseline: Option<RateJson>,
    pub follow_up: Option<RateJson>,
    /// Figures withheld: a count behind them is 1 to 10 persons, or would let one be worked out.
    pub withheld: bool,
}

impl From<&Shares> for SharesJson {
    fn from(s: &Shares) -> Self {
        Self {
            n: s.n.into(),
            baseline: s.baseline.map(RateJson::from),
            follow_up: s.follow_up.map(RateJson::from),
            withheld: s.suppressed(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationSharesJson {
    pub organization: String,
    #[serde(flatten)]
    pub shares: SharesJson,
}

/// One outcome across the network.
#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkOutcomeJson {
    /// The indicator's id (`no_use`, `stable_housing`, …, `barc10_at_or_above_47`).
    pub id: String,
    /// The NOMs domain.
    pub domain: &'static str,
    pub text_en: String,
    pub text_es: String,
    pub network: SharesJson,
    /// Every member organization, in name order.
    pub organizations: Vec<OrganizationSharesJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkBarc10Json {
    /// The network's persons with a BARC-10 total at both (the n of `barc10_at_or_above_47`).
    pub n: CellJson,
    pub baseline_mean: Option<f64>,
    pub follow_up_mean: Option<f64>,
    pub mean_change: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkOutcomeChangeJson {
    pub fiscal_year: i32,
    /// Months after the baseline: 6 or 12.
    pub months: i16,
    pub outcomes: Vec<NetworkOutcomeJson>,
    pub barc10: NetworkBarc10Json,
}

/// Outcome change across the caller's state agency's network for follow-ups done in a state fiscal year, at 6
/// months (the reassessment) or 12 (the first annual interview): per outcome, the network's share at baseline and
/// at follow-up and each member organization's, with n and the Wilson 95% interval; the network's BARC-10 means.
/// Paired only. A state agency's administrators, supervisors and analysts; figures resting on 1 to 10 persons,
/// and any from which one could be worked out, withheld.
#[utoipa::path(get, path = "/api/v1/reports/network/outcome-change", tag = "reports", params(NetworkChangeQuery),
    responses((status = 200, body = NetworkOutcomeChangeJson), (status = 400), (status = 401), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn get_network_outcome_change(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    ApiQuery(q): ApiQuery<NetworkChangeQuery>,
) -> WebResult<Json<NetworkOutcomeChangeJson>> {
    let fy = services::reports::fiscal_year(&state, q.year.map(|y| y.0.to_string()).as_deref())?;
    let span = match q.months {
        None | Some(FollowUpMonths::Six) => Span::SixMonths,
        Some(FollowUpMonths::Twelve) => Span::TwelveMonths,
    };
    let r = services::outcome_reports::network_outcome_change(&state, &ctx, &caller, fy, span).await?;
    let barc_n = r.indicators.last().map(|i| i.network.n).unwrap_or(pathways_domain::outcomes::Cell::Shown(0));
    let outcomes = r
        .indicators
        .iter()
        .map(|ind| NetworkOutcomeJson {
            id: ind.id.clone(),
            domain: ind.domain,
            text_en: ind.text.en.clone(),
            text_es: ind.text.es.clone(),
            network: (&ind.network).into(),
            organizations: r
                .organizations
                .iter()
                .zip(&ind.organizations)
                .map(|(name, s)| OrganizationSharesJson { organization: name.clone(), shares: s.into() })
                .collect(),
        })
        .collect();
    Ok(Json(NetworkOutcomeChangeJson {
        fiscal_year: fy.year,
        months: span.months(),
        outcomes,
        barc10: NetworkBarc10Json {
            n: barc_n.into(),
            baseline_mean: r.barc10.and_then(|m| m.baseline),
            follow_up_mean: r.barc10.and_then(|m| m.follow_up),
            mean_change: r.barc10.and_then(|m| m.change),
        },
    }))
}
