//! `GET /reports/follow-up?year=`: the follow-up rate (6-month reassessments done in their window ÷ due) by coach,
//! as a bar chart with SAMHSA's 80% target line and the table behind it; small counts suppressed.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::outcomes::Interval;

use super::{YearQuery, cell_text};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::services::outcome_reports::{FollowUpReport, FollowUpRow};
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Row {
    pub label: String,
    pub due: String,
    pub completed: String,
    pub administrative: String,
    pub not_done: String,
    pub rate: String,
    /// The bar: (y, width) in the chart; `None` when the rate is not shown.
    pub bar: Option<(u32, u32)>,
    pub y: u32,
}

#[derive(Template)]
#[template(path = "reports/follow_up.html")]
struct FollowUpPage {
    chrome: Chrome,
    heading: String,
    /// The page's own path (the year form's action).
    action: &'static str,
    /// The first column's header: coach, or organization.
    label_header: String,
    year: i32,
    rows: Vec<Row>,
    height: u32,
    target_x: u32,
    csv: String,
    previous: String,
    next: String,
}

/// The chart's bar area: 0% at x = LEFT, 100% at LEFT + WIDTH.
pub const LEFT: u32 = 170;
pub const WIDTH: u32 = 360;

/// A rate as words: "72% (95% CI 60%–82%)".
pub fn rate_text(t: &crate::i18n::Tr, r: Option<Interval>) -> String {
    let pct = |x: f64| format!("{:.0}%", x * 100.0);
    match r {
        Some(i) => t.args("report-rate", &[("share", pct(i.share)), ("low", pct(i.low)), ("high", pct(i.high))]),
        None => t.get("report-rate-none"),
    }
}

pub async fn show_follow_up(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Html<String>> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let report = services::outcome_reports::follow_up_rate(&state, &ctx, &caller, fy).await?;
    follow_up_page(&state, &ctx, &report, false)
}

/// `GET /reports/network/follow-up?year=`: a state agency's network, one line per member organization.
pub async fn show_network_follow_up(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Html<String>> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let report = services::outcome_reports::network_follow_up(&state, &ctx, &caller, fy).await?;
    follow_up_page(&state, &ctx, &report, true)
}

/// The follow-up page: by coach for an organization, by member organization for a network.
fn follow_up_page(state: &AppState, ctx: &Ctx, report: &FollowUpReport, network: bool) -> WebResult<Html<String>> {
    let t = ctx.t();
    let fy = report.fiscal_year;
    let row = |i: usize, label: String, r: &FollowUpRow| Row {
        label,
        due: cell_text(&t, r.due),
        completed: cell_text(&t, r.cells[0]),
        administrative: cell_text(&t, r.cells[1]),
        not_done: cell_text(&t, r.cells[2]),
        rate: rate_text(&t, r.rate),
        bar: r.rate.map(|i2| (20 + 30 * i as u32, (i2.share * f64::from(WIDTH)).round() as u32)),
        y: 20 + 30 * i as u32,
    };
    let mut rows: Vec<Row> = report
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| row(i, r.label.clone().unwrap_or_else(|| t.get("report-no-coach")), r))
        .collect();
    let whole = if network { "report-network-all" } else { "report-organization" };
    rows.push(row(rows.len(), t.get(whole), &report.total));
    let (heading, action) = if network {
        (t.get("report-network-follow-up-title"), "/reports/network/follow-up")
    } else {
        (t.get("report-follow-up-title"), "/reports/follow-up")
    };
    render(&FollowUpPage {
        heading: heading.clone(),
        action,
        label_header: t.get(if network { "report-organization-column" } else { "report-coach" }),
        year: fy.year,
        height: 40 + 30 * rows.len() as u32,
        target_x: LEFT + (report.target * f64::from(WIDTH)).round() as u32,
        rows,
        csv: format!("{action}.csv?year={}", fy.year),
        previous: format!("{action}?year={}", fy.year - 1),
        next: format!("{action}?year={}", fy.year + 1),
        chrome: Chrome::new(ctx, state, heading),
    })
}
