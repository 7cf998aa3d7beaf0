//! `GET /reports/follow-up.csv?year=`: the follow-up table as CSV (one line per coach and one for the
//! organization), suppressed as on the page.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::{YearQuery, cell_text};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::services;
use crate::services::outcome_reports::FollowUpReport;
use crate::state::AppState;

pub async fn download_follow_up(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Response> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let report = services::outcome_reports::follow_up_rate(&state, &ctx, &caller, fy).await?;
    follow_up_csv(&ctx, &report, false)
}

/// `GET /reports/network/follow-up.csv?year=`: one line per member organization and one for the network.
pub async fn download_network_follow_up(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Response> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let report = services::outcome_reports::network_follow_up(&state, &ctx, &caller, fy).await?;
    follow_up_csv(&ctx, &report, true)
}

fn follow_up_csv(ctx: &Ctx, report: &FollowUpReport, network: bool) -> WebResult<Response> {
    let t = ctx.t();
    let fy = report.fiscal_year;
    let mut out = csv::Writer::from_writer(Vec::new());
    let csv_err = |_| WebError::BadRequest(crate::key!("error-invalid"));
    out.write_record([
        if network { "organization" } else { "coach" },
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
    let whole = t.get(if network { "report-network-all" } else { "report-organization" });
    let lines = report
        .rows
        .iter()
        .map(|r| (r.label.as_deref().unwrap_or(&no_coach), r))
        .chain([(whole.as_str(), &report.total)]);
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
    let stem = if network { "network-follow-up" } else { "follow-up" };
    let name = format!("attachment; filename=\"{stem}-FY{}.csv\"", fy.year);
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&name).map_err(|_| WebError::NotFound)?);
    Ok(resp)
}
