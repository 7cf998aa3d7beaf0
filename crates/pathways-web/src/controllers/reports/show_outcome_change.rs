//! `GET /reports/outcome-change?year=`: for persons with a baseline and a 6-month reassessment (paired only), each
//! outcome at baseline and at 6 months with n and the 95% interval, and BARC-10's mean change; the same at 12
//! months (the first annual interview); figures resting on 1 to 10 persons withheld.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;

use super::show_follow_up::rate_text;
use super::{YearQuery, cell_text};
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::services::outcome_reports::{Change, ChangeAt};
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Row {
    pub label: String,
    pub n: String,
    pub baseline: String,
    pub follow_up: String,
}

/// One follow-up point's table.
pub struct Section {
    pub heading: String,
    pub caption: String,
    pub column: String,
    pub paired: String,
    pub rows: Vec<Row>,
    pub barc_n: String,
    pub barc_means: String,
}

#[derive(Template)]
#[template(path = "reports/outcome_change.html")]
struct OutcomeChangePage {
    chrome: Chrome,
    heading: String,
    year: i32,
    sections: Vec<Section>,
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
        follow_up: rate_text(&t, c.follow_up),
    };
    let section = |at: &ChangeAt, heading: &str, caption: &str, column: &str, means: &str| {
        let mut rows: Vec<Row> = at.indicators.iter().map(row).collect();
        rows.push(row(&at.barc10_cutoff));
        let barc_means = match at.barc10.1.map(|m| (m.baseline, m.follow_up, m.change)) {
            Some((Some(b), Some(f), Some(c))) => t.args(
                means,
                &[("baseline", format!("{b:.1}")), ("six", format!("{f:.1}")), ("change", format!("{c:+.1}"))],
            ),
            _ => t.get("report-rate-none"),
        };
        Section {
            heading: t.get(heading),
            caption: t.get(caption),
            column: t.get(column),
            paired: cell_text(&t, at.paired),
            rows,
            barc_n: cell_text(&t, at.barc10.0),
            barc_means,
        }
    };
    let sections = vec![
        section(
            &r.six,
            "report-outcome-change-six-title",
            "report-outcome-change-caption",
            "report-at-six-months",
            "report-barc10-means",
        ),
        section(
            &r.twelve,
            "report-outcome-change-twelve-title",
            "report-outcome-change-twelve-caption",
            "report-at-twelve-months",
            "report-barc10-means-twelve",
        ),
    ];
    render(&OutcomeChangePage {
        heading: t.get("report-outcome-change-title"),
        year: fy.year,
        sections,
        previous: format!("/reports/outcome-change?year={}", fy.year - 1),
        next: format!("/reports/outcome-change?year={}", fy.year + 1),
        chrome: Chrome::new(&ctx, &state, t.get("report-outcome-change-title")),
    })
}
