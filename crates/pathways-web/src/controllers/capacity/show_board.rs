//! `GET /capacity`: the public capacity board. Open beds by level of care, with how fresh each count is; no
//! personal data, no sign-in; a plain GET form, so it works without JavaScript.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::access_line::LevelOfCare;
use pathways_store::capacity::ProgramView;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::CapacityParams;
use crate::i18n::Tr;
use crate::services;
use crate::state::AppState;
use crate::views::words::level_name;
use crate::views::{Chrome, render};

/// The levels with beds, in the board's order: withdrawal management ("detox") first, as the line serves it.
const BOARD_ORDER: [LevelOfCare; 7] = [
    LevelOfCare::ResidentialWithdrawal,
    LevelOfCare::MedicallyMonitoredWithdrawal,
    LevelOfCare::MedicallyManagedWithdrawal,
    LevelOfCare::ResidentialLowIntensity,
    LevelOfCare::ResidentialPopulationSpecific,
    LevelOfCare::ResidentialHighIntensity,
    LevelOfCare::MedicallyMonitoredInpatient,
];

pub struct BoardRow {
    pub name: String,
    pub region: String,
    pub beds: String,
    pub open: bool,
    pub updated: String,
    pub stale: bool,
    pub distance: String,
}

pub struct BoardGroup {
    pub id: String,
    pub level: String,
    pub rows: Vec<BoardRow>,
}

#[derive(Template)]
#[template(path = "capacity/board.html")]
struct BoardPage {
    chrome: Chrome,
    levels: Vec<(String, String, bool)>,
    near: String,
    regions: Vec<(String, bool)>,
    available_only: bool,
    groups: Vec<BoardGroup>,
    errors: Vec<(String, String)>,
}

fn row(t: &Tr, p: &ProgramView) -> BoardRow {
    let beds = if p.counts.waitlist > 0 {
        t.count("capacity-waitlist", u64::from(p.counts.waitlist))
    } else if p.available > 0 {
        t.count("capacity-open", u64::from(p.available))
    } else {
        t.get("capacity-full")
    };
    let (n, unit) = p.freshness.age();
    let updated = if p.freshness.age_minutes < 1 {
        t.get("capacity-updated-now")
    } else {
        let age = t.count(&format!("capacity-age-{unit}"), u64::try_from(n).unwrap_or(0));
        t.arg("capacity-updated", "age", &age)
    };
    BoardRow {
        name: p.name.clone(),
        region: p.region.clone().unwrap_or_default(),
        beds,
        open: p.available > 0,
        updated,
        stale: p.freshness.stale,
        distance: p.distance_mi.map(|d| t.arg("capacity-distance", "miles", &format!("{d:.1}"))).unwrap_or_default(),
    }
}

pub async fn show_board(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<CapacityParams>,
) -> WebResult<Html<String>> {
    let t = ctx.t();
    let (filter, errors) = match params.filter(&state.config.deployment.state) {
        Ok(f) => (f, Vec::new()),
        Err(fields) => {
            let errors = fields
                .iter()
                .map(|f| {
                    (t.get(&crate::views::field_label_key(f.field)), t.get(&crate::views::field_error_key(f.code)))
                })
                .collect();
            (Default::default(), errors)
        }
    };
    let programs = services::capacity::board(&state, &filter).await?;
    let mut groups: Vec<BoardGroup> = Vec::new();
    for level in BOARD_ORDER {
        let rows: Vec<BoardRow> = programs.iter().filter(|p| p.level == Some(level)).map(|p| row(&t, p)).collect();
        if !rows.is_empty() {
            groups.push(BoardGroup {
                id: format!("level-{}", level.code().to_lowercase().replace('.', "-")),
                level: level_name(&t, level),
                rows,
            });
        }
    }
    let chosen = filter.level;
    let levels = BOARD_ORDER.into_iter().map(|l| (l.code().to_owned(), level_name(&t, l), chosen == Some(l))).collect();
    let chosen_region = filter.region.clone();
    let regions = services::capacity::regions(&state)
        .await?
        .into_iter()
        .map(|r| {
            let on = chosen_region.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(&r));
            (r, on)
        })
        .collect();
    let page = BoardPage {
        regions,
        chrome: Chrome::new(&ctx, &state, t.get("capacity-title")),
        levels,
        near: params.near.trim().to_owned(),
        available_only: filter.available_only,
        groups,
        errors,
    };
    render(&page)
}
