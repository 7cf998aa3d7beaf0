//! `GET /reports/network/naloxone?year=`: the state's view of its network's trainings and naloxone figures in a
//! fiscal year, by region — trainings held and their attendees by type, kits given out and reversals reported
//! by quarter. Attendees and reversals are persons: suppressed as tables with their totals; trainings and kits
//! are shown as counted.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::community::naloxone::TrainingKind;
use pathways_domain::outcomes::{Cell, SuppressedTable};

use super::show_network_people_served::region_label;
use super::{YearQuery, cell_text};
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::i18n::Tr;
use crate::services;
use crate::services::naloxone::NetworkNaloxone;
use crate::state::AppState;
use crate::views::community::training_kind_words;
use crate::views::{Chrome, render};

/// A line of a table: its label, one figure per column and the line's total.
pub struct Line {
    pub label: String,
    pub cells: Vec<String>,
    pub total: String,
}

/// One table of the page.
pub struct Table {
    pub id: &'static str,
    pub heading: String,
    pub caption: String,
    pub columns: Vec<String>,
    pub lines: Vec<Line>,
    /// The network's line (column totals and the grand total).
    pub totals: Line,
}

#[derive(Template)]
#[template(path = "reports/network_naloxone.html")]
struct NaloxonePage {
    chrome: Chrome,
    heading: String,
    year: i32,
    tables: Vec<Table>,
    empty: bool,
    csv: String,
    previous: String,
    next: String,
}

/// The rows' labels: the regions as recorded, or "not recorded".
pub fn region_labels(t: &Tr, r: &NetworkNaloxone) -> Vec<String> {
    r.regions.iter().map(|x| region_label(t, x)).collect()
}

fn plain(t: &Tr, id: &'static str, heading: &str, labels: &[String], columns: Vec<String>, rows: &[Vec<u64>]) -> Table {
    let cols = columns.len();
    let lines = labels
        .iter()
        .zip(rows)
        .map(|(label, cells)| Line {
            label: label.clone(),
            cells: cells.iter().map(u64::to_string).collect(),
            total: cells.iter().sum::<u64>().to_string(),
        })
        .collect();
    let col_totals: Vec<u64> = (0..cols).map(|j| rows.iter().map(|r| r[j]).sum()).collect();
    Table {
        id,
        heading: t.get(heading),
        caption: t.get(&format!("{heading}-caption")),
        columns,
        lines,
        totals: Line {
            label: t.get("report-network-all"),
            cells: col_totals.iter().map(u64::to_string).collect(),
            total: col_totals.iter().sum::<u64>().to_string(),
        },
    }
}

fn suppressed(
    t: &Tr,
    id: &'static str,
    heading: &str,
    labels: &[String],
    columns: Vec<String>,
    table: &SuppressedTable,
) -> Table {
    let cols = columns.len();
    let lines = labels
        .iter()
        .zip(&table.cells)
        .zip(&table.row_totals)
        .map(|((label, cells), total)| Line {
            label: label.clone(),
            cells: cells.iter().map(|c| cell_text(t, *c)).collect(),
            total: cell_text(t, *total),
        })
        .collect();
    let col = |j: usize| table.column_totals.get(j).copied().unwrap_or(Cell::Shown(0));
    Table {
        id,
        heading: t.get(heading),
        caption: t.get(&format!("{heading}-caption")),
        columns,
        lines,
        totals: Line {
            label: t.get("report-network-all"),
            cells: (0..cols).map(|j| cell_text(t, col(j))).collect(),
            total: cell_text(t, table.total),
        },
    }
}

/// The page's four tables, in order: trainings held, attendees, kits, reversals.
pub fn tables(t: &Tr, r: &NetworkNaloxone) -> Vec<Table> {
    let labels = region_labels(t, r);
    let kinds: Vec<String> = TrainingKind::ALL.iter().map(|k| training_kind_words(t, *k)).collect();
    let quarters: Vec<String> =
        r.quarters.iter().map(|q| t.args("report-quarter", &[("n", q.quarter.to_string())])).collect();
    let f = &r.figures;
    vec![
        plain(t, "trainings", "naloxone-report-trainings", &labels, kinds.clone(), &f.trainings),
        suppressed(t, "attendees", "naloxone-report-attendees", &labels, kinds, &f.attendees),
        plain(t, "kits", "naloxone-report-kits", &labels, quarters.clone(), &f.kits),
        suppressed(t, "reversals", "naloxone-report-reversals", &labels, quarters, &f.reversals),
    ]
}

pub async fn show_network_naloxone(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Html<String>> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let r = services::naloxone::network(&state, &ctx, &caller, fy).await?;
    let t = ctx.t();
    let heading = t.get("naloxone-report-title");
    render(&NaloxonePage {
        chrome: Chrome::new(&ctx, &state, heading.clone()),
        heading,
        year: fy.year,
        empty: r.regions.is_empty(),
        tables: tables(&t, &r),
        csv: format!("/reports/network/naloxone.csv?year={}", fy.year),
        previous: format!("/reports/network/naloxone?year={}", fy.year - 1),
        next: format!("/reports/network/naloxone?year={}", fy.year + 1),
    })
}
