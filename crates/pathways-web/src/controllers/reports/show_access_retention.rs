//! `GET /reports/access-retention?year=`: the access and retention report of the caller's organization — time from
//! a need for treatment or a call to treatment entry, days in an episode of care, coming back after losing touch
//! — each measure a bar chart and the table behind it, explained in plain words; small counts suppressed. The
//! network's page (`show_network_access_retention`) is built by the same `page`.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::outcomes::Cell;

use super::{YearQuery, cell_text};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::services::outcome_reports::AccessRetention;
use crate::state::AppState;
use crate::views::{Chrome, render};

/// A line of a measure's table: a group (or all of them) by category, its total and median.
pub struct Line {
    pub label: String,
    pub cells: Vec<String>,
    pub total: String,
    pub median: String,
}

/// One category's bar in a measure's chart (the line of all groups).
pub struct Bar {
    pub label: String,
    pub y: u32,
    /// The bar's width, when the count is shown.
    pub width: Option<u32>,
    pub value: String,
}

pub struct MeasureView {
    pub id: &'static str,
    pub title: String,
    pub explain: String,
    pub chart_desc: String,
    pub categories: Vec<String>,
    pub median_header: String,
    pub lines: Vec<Line>,
    pub bars: Vec<Bar>,
    pub height: u32,
}

#[derive(Template)]
#[template(path = "reports/access_retention.html")]
struct AccessRetentionPage {
    chrome: Chrome,
    heading: String,
    year: i32,
    action: String,
    measures: Vec<MeasureView>,
    csv: String,
    previous: String,
    next: String,
}

/// The longest bar (the largest shown count), in the chart's units.
const WIDTH: u32 = 300;

/// The page of a report, for the organization (`base` `/reports/access-retention`) or the network.
pub fn page(ctx: &Ctx, state: &AppState, r: &AccessRetention, base: &str) -> WebResult<Html<String>> {
    let t = ctx.t();
    let median_text = |m: Option<i64>| m.map_or_else(|| t.get("report-retention-median-none"), |v| v.to_string());
    let all_label = if r.network { t.get("report-network-all") } else { t.get("report-organization") };
    let measures = r
        .measures
        .iter()
        .map(|m| {
            let id = m.measure.as_str();
            let categories: Vec<String> =
                m.measure.categories().iter().map(|c| t.get(&format!("retention-category-{c}"))).collect();
            let mut lines: Vec<Line> = if r.network {
                r.groups
                    .iter()
                    .enumerate()
                    .map(|(i, g)| Line {
                        label: g.clone(),
                        cells: m.table.cells[i].iter().map(|c| cell_text(&t, *c)).collect(),
                        total: cell_text(&t, m.table.row_totals[i]),
                        median: median_text(m.medians[i]),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            lines.push(Line {
                label: all_label.clone(),
                cells: m.table.column_totals.iter().map(|c| cell_text(&t, *c)).collect(),
                total: cell_text(&t, m.table.total),
                median: median_text(m.median_all),
            });
            let largest = m.table.column_totals.iter().filter_map(|c| c.shown()).max().unwrap_or(0).max(1);
            let bars = categories
                .iter()
                .zip(&m.table.column_totals)
                .enumerate()
                .map(|(i, (label, c))| Bar {
                    label: label.clone(),
                    y: 10 + 30 * i as u32,
                    width: match c {
                        Cell::Shown(n) => Some(((*n as f64 / largest as f64) * f64::from(WIDTH)).round() as u32),
                        _ => None,
                    },
                    value: cell_text(&t, *c),
                })
                .collect();
            MeasureView {
                id,
                title: t.get(&format!("retention-{id}-title")),
                explain: t.get(&format!("retention-{id}-explain")),
                chart_desc: t.arg("report-retention-chart-desc", "group", &all_label),
                median_header: t.get(&format!("report-retention-median-{}", m.measure.unit())),
                height: 20 + 30 * categories.len() as u32,
                categories,
                lines,
                bars,
            }
        })
        .collect();
    let heading =
        if r.network { t.get("report-network-access-retention-title") } else { t.get("report-access-retention-title") };
    let year = r.fiscal_year.year;
    render(&AccessRetentionPage {
        chrome: Chrome::new(ctx, state, heading.clone()),
        heading,
        year,
        action: base.to_owned(),
        measures,
        csv: format!("{base}.csv?year={year}"),
        previous: format!("{base}?year={}", year - 1),
        next: format!("{base}?year={}", year + 1),
    })
}

pub async fn show_access_retention(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Html<String>> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let r = services::outcome_reports::access_retention(&state, &ctx, &caller, fy).await?;
    page(&ctx, &state, &r, "/reports/access-retention")
}
