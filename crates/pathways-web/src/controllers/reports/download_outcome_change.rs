//! `GET /reports/outcome-change.csv?year=` and `GET /reports/network/outcome-change.csv?year=&months=`: outcome
//! change as CSV, one line per follow-up point and outcome (the organization's) or per organization and outcome
//! (the network's, with the network's own lines), withheld as on the page.

use axum::extract::{Query, State};
use axum::response::Response;
use pathways_domain::outcomes::change::Span;
use pathways_domain::outcomes::{Cell, Interval, PairedMean};

use super::{ChangeQuery, YearQuery, cell_text, csv_attachment};
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::i18n::Tr;
use crate::services;
use crate::state::AppState;

const HEADER: [&str; 14] = [
    "follow_up_months",
    "outcome",
    "domain",
    "n",
    "baseline_share",
    "baseline_ci_low",
    "baseline_ci_high",
    "follow_up_share",
    "follow_up_ci_low",
    "follow_up_ci_high",
    "withheld",
    "baseline_mean",
    "follow_up_mean",
    "mean_change",
];

/// One outcome's line (after the organization's column, in the network's file).
fn line(t: &Tr, span: Span, id: &str, domain: &str, n: Cell, shares: [Option<Interval>; 2]) -> Vec<String> {
    let f = |x: Option<f64>| x.map(|v| format!("{v:.4}")).unwrap_or_default();
    let mut out = vec![span.months().to_string(), id.to_owned(), domain.to_owned(), cell_text(t, n)];
    for s in shares {
        out.extend([f(s.map(|i| i.share)), f(s.map(|i| i.low)), f(s.map(|i| i.high))]);
    }
    let withheld = shares[0].is_none() && n.shown() != Some(0);
    out.extend([withheld.to_string(), String::new(), String::new(), String::new()]);
    out
}

/// BARC-10's means as a line of their own.
fn means(t: &Tr, span: Span, n: Cell, m: Option<PairedMean>) -> Vec<String> {
    let f = |x: Option<f64>| x.map(|v| format!("{v:.2}")).unwrap_or_default();
    let mut out = vec![span.months().to_string(), "barc10_mean".into(), "recovery_capital".into(), cell_text(t, n)];
    out.extend(std::iter::repeat_n(String::new(), 6));
    out.push(m.is_none().to_string());
    out.extend([f(m.and_then(|m| m.baseline)), f(m.and_then(|m| m.follow_up)), f(m.and_then(|m| m.change))]);
    out
}

pub async fn download_outcome_change(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Response> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let r = services::outcome_reports::outcome_change(&state, &ctx, &caller, fy).await?;
    let t = ctx.t();
    let mut out = csv::Writer::from_writer(Vec::new());
    let csv_err = |_| WebError::BadRequest(crate::key!("error-invalid"));
    out.write_record(HEADER).map_err(csv_err)?;
    for at in [&r.six, &r.twelve] {
        for c in at.indicators.iter().chain([&at.barc10_cutoff]) {
            out.write_record(line(&t, at.span, &c.id, c.domain, c.n, [c.baseline, c.follow_up])).map_err(csv_err)?;
        }
        out.write_record(means(&t, at.span, at.barc10.0, at.barc10.1)).map_err(csv_err)?;
    }
    csv_attachment(out, &format!("outcome-change-FY{}.csv", fy.year))
}

pub async fn download_network_outcome_change(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<ChangeQuery>,
) -> WebResult<Response> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let span = services::reports::follow_up_span(q.months.as_deref())?;
    let r = services::outcome_reports::network_outcome_change(&state, &ctx, &caller, fy, span).await?;
    let t = ctx.t();
    let mut out = csv::Writer::from_writer(Vec::new());
    let csv_err = |_| WebError::BadRequest(crate::key!("error-invalid"));
    out.write_record(["organization"].into_iter().chain(HEADER)).map_err(csv_err)?;
    let whole = t.get("report-network-all");
    for ind in &r.indicators {
        let lines = r.organizations.iter().zip(&ind.organizations).chain([(&whole, &ind.network)]);
        for (name, s) in lines {
            let mut record = vec![name.clone()];
            record.extend(line(&t, span, &ind.id, ind.domain, s.n, [s.baseline, s.follow_up]));
            out.write_record(record).map_err(csv_err)?;
        }
    }
    if let Some(cutoff) = r.indicators.last() {
        let mut record = vec![whole.clone()];
        record.extend(means(&t, span, cutoff.network.n, r.barc10));
        out.write_record(record).map_err(csv_err)?;
    }
    csv_attachment(out, &format!("network-outcome-change-{}m-FY{}.csv", span.months(), fy.year))
}
