//! `GET /reports/people-served?year=`: unduplicated persons served per quarter of a state fiscal year, new and
//! continuing, as a bar chart and the table behind it, with the year's total; small counts suppressed.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::outcomes::{Cell, Quarter, SuppressedTable};

use super::{YearQuery, cell_text};
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::i18n::Tr;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

/// A quarter's line of the table and its bar.
pub struct Row {
    pub label: String,
    pub dates: String,
    pub new: String,
    pub continuing: String,
    pub total: String,
    /// The bar's geometry in the chart (x, y, height); `None` when the total is not shown.
    pub bar: Option<(u32, u32, u32)>,
    /// What the bar's label says (the number, or "fewer than 11").
    pub bar_label: String,
    pub label_x: u32,
}

/// One line of a demographic table: its label (with the language it is written in, for a language's own name)
/// and the persons.
pub struct GroupRow {
    pub label: String,
    pub lang: &'static str,
    pub persons: String,
}

/// The two demographic tables' lines and totals, for the page (`_demographics.html`).
pub struct DemographicRows {
    pub ages: Vec<GroupRow>,
    pub ages_total: String,
    pub languages: Vec<GroupRow>,
    pub languages_total: String,
    /// The tables as CSV.
    pub csv: String,
}

/// The demographic tables as the page shows them. Shared with the state's network page.
pub fn demographic_rows(t: &Tr, d: &services::reports::Demographics, csv: String) -> DemographicRows {
    use pathways_domain::outcomes::demographics::{AgeBand, LanguageGroup};
    let ages = AgeBand::ALL
        .iter()
        .zip(&d.ages.row_totals)
        .map(|(b, c)| GroupRow {
            label: t.get(&format!("report-age-{}", b.key().replace('_', "-"))),
            lang: "",
            persons: cell_text(t, *c),
        })
        .collect();
    let languages = LanguageGroup::all()
        .iter()
        .zip(&d.languages.row_totals)
        .map(|(g, c)| {
            let (label, lang) = match g {
                LanguageGroup::Listed(_) => (crate::views::words::language_name(g.key()).to_owned(), g.key()),
                LanguageGroup::Another => (t.get("report-language-other"), ""),
                LanguageGroup::NotRecorded => (t.get("report-language-not-recorded"), ""),
            };
            GroupRow { label, lang, persons: cell_text(t, *c) }
        })
        .collect();
    DemographicRows {
        ages,
        ages_total: cell_text(t, d.ages.total),
        languages,
        languages_total: cell_text(t, d.languages.total),
        csv,
    }
}

#[derive(Template)]
#[template(path = "reports/people_served.html")]
struct PeopleServedPage {
    chrome: Chrome,
    heading: String,
    year: i32,
    rows: Vec<Row>,
    year_new: String,
    year_continuing: String,
    year_total: String,
    demographics: DemographicRows,
    csv: String,
    previous: String,
    next: String,
}

const CHART_HEIGHT: u32 = 160;
const BAR_WIDTH: u32 = 80;
const BAR_GAP: u32 = 60;

/// The quarters' lines and bars from a table whose rows are the quarters and columns new and continuing (its row
/// totals the quarter's persons). Shared with the state's network page.
pub fn rows(t: &Tr, quarters: &[Quarter; 4], table: &SuppressedTable) -> Vec<Row> {
    let max = table.row_totals.iter().filter_map(|c| c.shown()).max().unwrap_or(0).max(1);
    quarters
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let cells = &table.cells[i];
            let total = table.row_totals[i];
            let x = BAR_GAP / 2 + (i as u32) * (BAR_WIDTH + BAR_GAP);
            let bar = total.shown().map(|n| {
                let h = ((n as f64 / max as f64) * f64::from(CHART_HEIGHT)).round() as u32;
                (x, 20 + CHART_HEIGHT - h, h)
            });
            Row {
                label: t.args("report-quarter", &[("n", q.quarter.to_string())]),
                dates: format!("{} – {}", q.first_day(), q.end().pred_opt().unwrap_or(q.end())),
                new: cell_text(t, cells[0]),
                continuing: cell_text(t, cells[1]),
                total: cell_text(t, total),
                bar,
                bar_label: match total {
                    Cell::Shown(n) => n.to_string(),
                    other => cell_text(t, other),
                },
                label_x: x + BAR_WIDTH / 2,
            }
        })
        .collect()
}

pub async fn show_people_served(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Html<String>> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let report = services::reports::people_served(&state, &ctx, &caller, fy).await?;
    let t = ctx.t();
    let rows = rows(&t, &report.quarters, &report.by_quarter);
    let year = &report.year;
    let heading = t.get("report-people-served-title");
    render(&PeopleServedPage {
        chrome: Chrome::new(&ctx, &state, heading.clone()),
        heading,
        year: fy.year,
        rows,
        year_new: cell_text(&t, year.cells[0][0]),
        year_continuing: cell_text(&t, year.cells[0][1]),
        year_total: cell_text(&t, year.row_totals[0]),
        demographics: demographic_rows(
            &t,
            &report.demographics,
            format!("/reports/people-served/demographics.csv?year={}", fy.year),
        ),
        csv: format!("/reports/people-served.csv?year={}", fy.year),
        previous: format!("/reports/people-served?year={}", fy.year - 1),
        next: format!("/reports/people-served?year={}", fy.year + 1),
    })
}
