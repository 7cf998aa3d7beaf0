//! `GET /financing?month=YYYY-MM`.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;

use super::MonthQuery;
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;
use crate::views::financing::dollars;
use crate::views::{Chrome, render};

pub struct Line {
    pub source: String,
    pub staff: String,
    pub events: i64,
    pub units: i64,
    pub dollars: String,
}

#[derive(Template)]
#[template(path = "financing/report.html")]
struct FinancingPage {
    chrome: Chrome,
    heading: String,
    month: String,
    lines: Vec<Line>,
    total_units: i64,
    total_dollars: String,
    ready: i64,
    waiting: i64,
    /// (funding source id, name) for the per-funder CSV links.
    sources: Vec<(String, String)>,
    /// (number, authorized, balance, expires on)
    vouchers: Vec<(String, i32, i32, String)>,
    /// An administrator: the link to set up funding sources and payer profiles.
    can_manage: bool,
}

pub async fn show_financing(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<MonthQuery>,
) -> WebResult<Html<String>> {
    let month = q.month()?;
    let r = services::financing::report(&state, &ctx, &caller, month).await?;
    let t = ctx.t();
    let name = |id| r.sources.iter().find(|s| s.id == id).map(|s| s.name.clone()).unwrap_or_default();
    let lines: Vec<Line> = r
        .lines
        .iter()
        .map(|l| Line {
            source: name(l.source),
            staff: r.staff.get(&l.staff).cloned().unwrap_or_default(),
            events: l.events,
            units: l.units,
            dollars: dollars(l.cents),
        })
        .collect();
    let heading = t.get("financing-report");
    render(&FinancingPage {
        chrome: Chrome::new(&ctx, &state, heading.clone()),
        heading,
        month: r.month.format("%Y-%m").to_string(),
        total_units: r.lines.iter().map(|l| l.units).sum(),
        total_dollars: dollars(r.lines.iter().map(|l| l.cents).sum()),
        lines,
        ready: r.ready,
        waiting: r.waiting,
        sources: r.sources.iter().map(|s| (s.id.to_string(), s.name.clone())).collect(),
        vouchers: r
            .vouchers
            .iter()
            .map(|v| (v.number.clone(), v.authorized_units, v.balance_units, v.expires_on.to_string()))
            .collect(),
        can_manage: pathways_domain::access::may_manage_funding(&caller.principal),
    })
}
