//! `GET /reports/network/people-served?year=`: the state's view of its network — persons served per quarter by
//! organization and by region, and the network's trend by quarter (a bar chart and the table behind it). Three
//! tables, each suppressed as one table; aggregates only.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::outcomes::{Cell, SuppressedTable};

use super::show_people_served::Row;
use super::{YearQuery, cell_text};
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::i18n::Tr;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

/// A line of a table by organization or region: its label and one figure per quarter.
pub struct Line {
    pub label: String,
    pub cells: Vec<String>,
}

#[derive(Template)]
#[template(path = "reports/network_people_served.html")]
struct NetworkPage {
    chrome: Chrome,
    heading: String,
    year: i32,
    quarters: Vec<String>,
    /// The network's trend: one line and bar per quarter.
    rows: Vec<Row>,
    by_org: Vec<Line>,
    by_region: Vec<Line>,
    network_totals: Vec<String>,
    demographics: super::show_people_served::DemographicRows,
    csv: String,
    previous: String,
    next: String,
}

/// The lines of a table whose rows are `labels` and columns the quarters.
pub fn lines(t: &Tr, labels: &[String], table: &SuppressedTable) -> Vec<Line> {
    labels
        .iter()
        .zip(&table.cells)
        .map(|(label, cells)| Line { label: label.clone(), cells: cells.iter().map(|c| cell_text(t, *c)).collect() })
        .collect()
}

/// A column total, or zero for a table without rows.
pub fn column_total(table: &SuppressedTable, j: usize) -> Cell {
    table.column_totals.get(j).copied().unwrap_or(Cell::Shown(0))
}

/// The region's label: as recorded, or "not recorded".
pub fn region_label(t: &Tr, r: &Option<String>) -> String {
    r.clone().unwrap_or_else(|| t.get("network-region-not-recorded"))
}

pub async fn show_network_people_served(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Html<String>> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let r = services::reports::network_people_served(&state, &ctx, &caller, fy).await?;
    let t = ctx.t();
    let rows = super::show_people_served::rows(&t, &r.quarters, &r.trend);
    let regions: Vec<String> = r.regions.iter().map(|x| region_label(&t, x)).collect();
    let heading = t.get("report-network-title");
    render(&NetworkPage {
        chrome: Chrome::new(&ctx, &state, heading.clone()),
        heading,
        year: fy.year,
        quarters: r.quarters.iter().map(|q| t.args("report-quarter", &[("n", q.quarter.to_string())])).collect(),
        rows,
        by_org: lines(&t, &r.orgs, &r.by_org),
        by_region: lines(&t, &regions, &r.by_region),
        network_totals: (0..4).map(|j| cell_text(&t, column_total(&r.by_org, j))).collect(),
        demographics: super::show_people_served::demographic_rows(
            &t,
            &r.demographics,
            format!("/reports/network/people-served/demographics.csv?year={}", fy.year),
        ),
        csv: format!("/reports/network/people-served.csv?year={}", fy.year),
        previous: format!("/reports/network/people-served?year={}", fy.year - 1),
        next: format!("/reports/network/people-served?year={}", fy.year + 1),
    })
}
