//! `GET /housing/figures`: the state's view of recovery housing — per region, residences by certification
//! status, the share reporting within seven days, the antagonist attestation, beds; and vacancies week by week.
//! Counts of residences and beds only: no person is named or counted. Supervisors, administrators and analysts
//! (`may_read_reports`); the read is audited.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_store::housing::figures::RegionFigures;

use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::i18n::Tr;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct RegionRow {
    pub region: String,
    pub residences: u32,
    pub current: u32,
    pub expiring: u32,
    pub expired: u32,
    pub uncertified: u32,
    pub fresh: String,
    pub serves_oud: u32,
    pub flagged: u32,
    pub beds: String,
}

#[derive(Template)]
#[template(path = "housing/figures.html")]
struct FiguresPage {
    chrome: Chrome,
    regions: Vec<RegionRow>,
    total: RegionRow,
    /// (week of, residences reporting, available beds)
    weeks: Vec<(String, u32, u32)>,
}

fn row(t: &Tr, f: &RegionFigures) -> RegionRow {
    RegionRow {
        region: f.region.clone().unwrap_or_else(|| t.get("housing-no-region")),
        residences: f.residences,
        current: f.current,
        expiring: f.expiring,
        expired: f.expired,
        uncertified: f.uncertified,
        fresh: f.fresh_percent().map(|p| format!("{p}%")).unwrap_or_default(),
        serves_oud: f.serves_oud,
        flagged: f.naloxone_flagged,
        beds: format!("{} / {}", f.available_beds, f.total_beds),
    }
}

pub async fn show_figures(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
) -> WebResult<Html<String>> {
    let t = ctx.t();
    let f = services::housing::figures(&state, &ctx, &caller).await?;
    let page = FiguresPage {
        regions: f.regions.iter().map(|r| row(&t, r)).collect(),
        total: row(&t, &RegionFigures { region: Some(t.get("housing-all-regions")), ..f.total.clone() }),
        weeks: f.weeks.iter().map(|w| (w.week_of.to_string(), w.residences_reporting, w.available_beds)).collect(),
        chrome: Chrome::new(&ctx, &state, t.get("housing-figures-title")),
    };
    render(&page)
}
