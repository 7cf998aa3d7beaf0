//! `GET /api/v1/reports/perception`: the perception-of-care figures (aggregates only, suppressed as on the page).

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use super::get_people_served::PeopleServedQuery;
use crate::error::WebResult;
use crate::extract::{ApiCaller, ApiQuery};
use crate::services;
use crate::services::perception::shown;
use crate::state::AppState;

/// One item's figures: `status` `shown` (with `n`, `agreeing_share` and its Wilson 95% interval) or
/// `fewer_than_11` (1 to 10 answers: nothing else given); `n` is 0 when nobody answered it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PerceptionItemJson {
    /// The item's id (`respect`, `say_in_plan`, `culture_language`, `crisis`, `recommend`).
    pub item: &'static str,
    /// `shown` or `fewer_than_11`.
    pub status: &'static str,
    pub n: Option<u64>,
    pub agreeing_share: Option<f64>,
    pub ci95_low: Option<f64>,
    pub ci95_high: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PerceptionJson {
    pub fiscal_year: i32,
    /// Responses in the year, or `null` when 1 to 10.
    pub responses: Option<u64>,
    pub items: Vec<PerceptionItemJson>,
    /// The comments with names, numbers and emails removed, when the year has at least 11 responses; `null`
    /// otherwise.
    pub comments: Option<Vec<String>>,
}

/// What the people served by the caller's organization said in a state fiscal year's perception-of-care
/// surveys: the share agreeing with each item (agree or strongly agree), with n and a Wilson 95% interval.
/// Supervisors, administrators and analysts; items with 1 to 10 answers are suppressed.
#[utoipa::path(get, path = "/api/v1/reports/perception", tag = "reports", params(PeopleServedQuery),
    responses((status = 200, body = PerceptionJson), (status = 400), (status = 401), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn get_perception(
    State(state): State<AppState>,
    ApiCaller { ctx, caller }: ApiCaller,
    ApiQuery(q): ApiQuery<PeopleServedQuery>,
) -> WebResult<Json<PerceptionJson>> {
    let fy = services::reports::fiscal_year(&state, q.year.map(|y| y.0.to_string()).as_deref())?;
    let r = services::perception::report(&state, &ctx, &caller, fy).await?;
    let items = r
        .items
        .iter()
        .map(|f| match (&f.interval, shown(f.n) || f.n == 0) {
            (Some(i), true) => PerceptionItemJson {
                item: f.id,
                status: "shown",
                n: Some(f.n),
                agreeing_share: Some(i.share),
                ci95_low: Some(i.low),
                ci95_high: Some(i.high),
            },
            (None, true) => PerceptionItemJson {
                item: f.id,
                status: "shown",
                n: Some(f.n),
                agreeing_share: None,
                ci95_low: None,
                ci95_high: None,
            },
            _ => PerceptionItemJson {
                item: f.id,
                status: "fewer_than_11",
                n: None,
                agreeing_share: None,
                ci95_low: None,
                ci95_high: None,
            },
        })
        .collect();
    let responses = (shown(r.responses) || r.responses == 0).then_some(r.responses);
    Ok(Json(PerceptionJson { fiscal_year: fy.year, responses, items, comments: r.comments }))
}
