//! `GET /reports/outcome-change?year=`: for persons with a baseline and a 6-month reassessment (paired only), each
//! outcome at baseline and at 6 months with n and the 95% interval, and BARC-10's mean change; the same at 12
//! months (the first annual interview); figures resting on 1 to 10 persons withheld.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::outcomes::Interval;

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
    /// The chart's two bars (baseline, follow-up) when both shares are shown: `None` otherwise.
    pub bars: Option<Bars>,
}

/// One outcome in the chart: its label's baseline `y`, then a bar for each share with its interval's whisker.
pub struct Bars {
    pub y: u32,
    pub baseline: Bar,
    pub follow_up: Bar,
}

/// A share as a bar from `LEFT`: its width, the whisker's ends (x) and the share as words.
/// Places the bars of the rows that have them one under the other; the chart's height.
pub fn place_bars(rows: &mut [Row]) -> u32 {
    let mut charted = 0;
    for b in rows.iter_mut().filter_map(|r| r.bars.as_mut()) {
        b.y = TOP + charted * ROW;
        charted += 1;
    }
    TOP + charted * ROW + 10
}

pub struct Bar {
    pub width: u32,
    pub low: u32,
    pub high: u32,
    pub text: String,
}

/// The chart's bar area: 0% at x = LEFT, 100% at LEFT + WIDTH; one outcome takes `ROW` units of height.
const LEFT: u32 = 10;
const WIDTH: u32 = 440;
const ROW: u32 = 62;
const TOP: u32 = 40;

pub fn bar(i: Interval) -> Bar {
    let x = |v: f64| LEFT + (v.clamp(0.0, 1.0) * f64::from(WIDTH)).round() as u32;
    Bar { width: x(i.share) - LEFT, low: x(i.low), high: x(i.high), text: format!("{:.0}%", i.share * 100.0) }
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
    /// The chart's id (for its title and description) and height; its outcomes are the rows with `bars`.
    pub chart_id: &'static str,
    pub chart_title: String,
    pub chart_height: u32,
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
    csv: String,
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
        bars: c.baseline.zip(c.follow_up).map(|(b, f)| Bars { y: 0, baseline: bar(b), follow_up: bar(f) }),
    };
    let section = |at: &ChangeAt, heading: &str, caption: &str, column: &str, means: &str, chart_id: &'static str| {
        let mut rows: Vec<Row> = at.indicators.iter().map(row).collect();
        rows.push(row(&at.barc10_cutoff));
        let chart_height = place_bars(&mut rows);
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
            chart_id,
            chart_title: t.args("report-outcome-change-chart", &[("months", at.span.months().to_string())]),
            chart_height,
        }
    };
    let sections = vec![
        section(
            &r.six,
            "report-outcome-change-six-title",
            "report-outcome-change-caption",
            "report-at-six-months",
            "report-barc10-means",
            "six",
        ),
        section(
            &r.twelve,
            "report-outcome-change-twelve-title",
            "report-outcome-change-twelve-caption",
            "report-at-twelve-months",
            "report-barc10-means-twelve",
            "twelve",
        ),
    ];
    render(&OutcomeChangePage {
        heading: t.get("report-outcome-change-title"),
        year: fy.year,
        sections,
        previous: format!("/reports/outcome-change?year={}", fy.year - 1),
        next: format!("/reports/outcome-change?year={}", fy.year + 1),
        csv: format!("/reports/outcome-change.csv?year={}", fy.year),
        chrome: Chrome::new(&ctx, &state, t.get("report-outcome-change-title")),
    })
}
