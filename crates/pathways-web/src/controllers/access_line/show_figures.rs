//! `GET /access-line/figures`: the line's times — from call to a held bed, to pickup, to admission (median and
//! 90th percentile) — detox rides picked up within four hours, counts that were stale when an operator looked,
//! and follow-ups that found the person in treatment. Aggregates only, for the line and program managers.

use askama::Template;
use axum::extract::State;
use axum::response::IntoResponse;
use pathways_domain::access_line::figures::{Share, Spread};

use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::i18n::Tr;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct SpreadRow {
    pub label: String,
    pub median: String,
    pub p90: String,
    pub n: usize,
}

pub struct ShareRow {
    pub label: String,
    pub value: String,
}

#[derive(Template)]
#[template(path = "access_line/figures.html")]
struct FiguresPage {
    chrome: Chrome,
    lead: String,
    spreads: Vec<SpreadRow>,
    shares: Vec<ShareRow>,
}

fn minutes(t: &Tr, m: Option<i64>) -> String {
    match m {
        None => t.get("figures-none"),
        Some(m) if m < 120 => t.count("capacity-age-minutes", u64::try_from(m).unwrap_or(0)),
        Some(m) => format!("{:.1} h", m as f64 / 60.0),
    }
}

fn spread(t: &Tr, key: &str, s: Spread) -> SpreadRow {
    SpreadRow { label: t.get(key), median: minutes(t, s.median_minutes), p90: minutes(t, s.p90_minutes), n: s.n }
}

fn share(t: &Tr, key: &str, s: Share) -> ShareRow {
    let value = match s.percent {
        Some(p) => format!("{p} % ({} / {})", s.of, s.total),
        None => t.get("figures-none"),
    };
    ShareRow { label: t.get(key), value }
}

pub async fn show_figures(State(state): State<AppState>, who: SignedIn) -> WebResult<axum::response::Response> {
    let f = services::access_line::figures(&state, &who.caller).await?;
    let t = who.ctx.t();
    let page = FiguresPage {
        chrome: Chrome::new(&who.ctx, &state, t.get("figures-title")),
        lead: t.count("figures-lead", u64::try_from(f.calls).unwrap_or(0)),
        spreads: vec![
            spread(&t, "figures-call-to-hold", f.call_to_hold),
            spread(&t, "figures-call-to-pickup", f.call_to_pickup),
            spread(&t, "figures-call-to-admission", f.call_to_admission),
        ],
        shares: vec![
            share(&t, "figures-detox-4h", f.detox_pickups_within_4h),
            share(&t, "figures-stale-looks", f.stale_looks),
            share(&t, "figures-connected", f.follow_ups_connected),
        ],
    };
    Ok(render(&page)?.into_response())
}
