//! `GET /reports/follow-up.csv?year=`: the follow-up table as CSV (one line per coach and one for the
//! organization), suppressed as on the page.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::{YearQuery, cell_text};
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;

pub async fn download_follow_up(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Response> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let report = services::outcome_reports::follow_up_rate(&state, &ctx, &caller, fy).await?;
    let t = ctx.t();
    let mut out = csv::Writer::from_writer(Vec::new());
    let csv_err = |_| WebError::BadRequest(crate::key!("error-invalid"));
    out.write_record([
        "coach",
        "due",
        "completed_in_window",
        "administrative",
        "not_done",
        "rate",
        "ci_low",
        "ci_high",
    ])
    .map_err(csv_err)?;
    let no_coach = t.get("report-no-coach");
    let organization = t.get("report-organization");
    let lines = report
        .rows
        .iter()
        .map(|r| (r.coach.as_deref().unwrap_or(&no_coach), r))
        .chain([(organization.as_str(), &report.total)]);
    for (who, r) in lines {
        let f = |x: Option<f64>| x.map(|v| format!("{v:.4}")).unwrap_or_default();
        out.write_record([
            who.to_owned(),
            cell_text(&t, r.due),
            cell_text(&t, r.cells[0]),
            cell_text(&t, r.cells[1]),
            cell_text(&t, r.cells[2]),
            f(r.rate.map(|i| i.share)),
            f(r.rate.map(|i| i.low)),
            f(r.rate.map(|i| i.high)),
        ])
        .map_err(csv_err)?;
    }
    let body = out.into_inner().map_err(|_| WebError::BadRequest(crate::key!("error-invalid")))?;
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    let name = format!("attachment; filename=\"follow-up-FY{}.csv\"", fy.year);
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&name).map_err(|_| WebError::NotFound)?);
    Ok(resp)
}
