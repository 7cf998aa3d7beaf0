//! `GET /reports/outcome-change?year=`: for persons with a baseline and a 6-month reassessment (paired only), each
//! outcome at baseline and at 6 months with n and the 95% interval, and BARC-10's mean change; figures resting on
//! 1 to 10 persons withheld.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;

use super::show_follow_up::rate_text;
use super::{YearQuery, cell_text};
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::services::outcome_reports::Change;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Row {
    pub label: String,
    pub n: String,
    pub baseline: String,
    pub six_months: String,
}

#[derive(Template)]
#[template(path = "reports/outcome_change.html")]
struct OutcomeChangePage {
    chrome: Chrome,
    heading: String,
    year: i32,
    paired: String,
    rows: Vec<Row>,
    barc_n: String,
    barc_means: String,
    previous: String,
    next: String,
}

pub async fn show_outcome_change(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Html<String>> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let r = services::outcome_reports::outcome_change(&state, &ctx, &caller, fy).await?;
    let t = ctx.t();
    let lang = if t.locale == pathways_domain::locale::Locale::Es { "es" } else { "en" };
    let row = |c: &Change| Row {
        label: c.text.get(lang).to_owned(),
        n: cell_text(&t, c.n),
        baseline: rate_text(&t, c.baseline),
        six_months: rate_text(&t, c.follow_up),
    };
    let mut rows: Vec<Row> = r.indicators.iter().map(row).collect();
    rows.push(row(&r.barc10_cutoff));
    let barc_means = match r.barc10.1 {
        Some(m) => match (m.baseline, m.follow_up, m.change) {
            (Some(b), Some(f), Some(c)) => t.args(
                "report-barc10-means",
                &[("baseline", format!("{b:.1}")), ("six", format!("{f:.1}")), ("change", format!("{c:+.1}"))],
            ),
            _ => t.get("report-rate-none"),
        },
        None => t.get("report-rate-none"),
    };
    render(&OutcomeChangePage {
        heading: t.get("report-outcome-change-title"),
        year: fy.year,
        paired: cell_text(&t, r.paired),
        rows,
        barc_n: cell_text(&t, r.barc10.0),
        barc_means,
        previous: format!("/reports/outcome-change?year={}", fy.year - 1),
        next: format!("/reports/outcome-change?year={}", fy.year + 1),
        chrome: Chrome::new(&ctx, &state, t.get("report-outcome-change-title")),
    })
}
