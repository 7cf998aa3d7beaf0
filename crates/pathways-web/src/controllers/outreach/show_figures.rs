//! `GET /outreach/figures`: the program view — check-ups completed within their window (the protocol's benchmark
//! is 94%), days from a need to treatment entry, linkage within 14 days, people not engaged and re-engaged; for
//! the program and per coach (a coach sees their own line; analysts see the counts, never a person). Counts only: no person is named.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_store::outreach::ProgramFigures;

use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

/// The figures of one line, as shown.
pub struct Line {
    pub who: String,
    pub checkups: u64,
    pub in_window: String,
    pub needs: u64,
    pub median_days: String,
    pub within_14: String,
    pub not_engaged: u64,
    pub re_engaged: u64,
}

#[derive(Template)]
#[template(path = "outreach/figures.html")]
struct FiguresPage {
    chrome: Chrome,
    heading: String,
    lines: Vec<Line>,
}

fn percent(v: Option<f64>) -> String {
    v.map(|v| format!("{:.0}%", v * 100.0)).unwrap_or_else(|| "—".into())
}

fn line(who: String, f: &ProgramFigures) -> Line {
    Line {
        who,
        checkups: f.checkups,
        in_window: percent(f.in_window_share),
        needs: f.needs_treatment,
        median_days: f.median_days_to_entry.map(|d| format!("{d:.1}")).unwrap_or_else(|| "—".into()),
        within_14: percent(f.linked_within_14_days_share),
        not_engaged: f.not_engaged_now,
        re_engaged: f.re_engaged,
    }
}

pub async fn show_figures(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
) -> WebResult<Html<String>> {
    let figures = services::outreach::figures(&state, &ctx, &caller).await?;
    let t = ctx.t();
    let mut lines = vec![line(t.get("checkup-figures-whole-program"), &figures.program)];
    lines.extend(figures.coaches.into_iter().map(|(who, f)| line(who, &f)));
    let heading = t.get("checkup-figures-title");
    render(&FiguresPage { chrome: Chrome::new(&ctx, &state, heading.clone()), heading, lines })
}
