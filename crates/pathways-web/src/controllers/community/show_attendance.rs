//! `GET /community/attendance`: today's drop-in visits at the center — all, by what brought them, and per
//! group — and its kiosks: open this device as a kiosk, or close one. Counts only: no visitor is named.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::community::kiosk::Reason;

use crate::error::WebResult;
use crate::extract::CenterStaff;
use crate::services;
use crate::state::AppState;
use crate::views::community::{OccurrenceRow, row};
use crate::views::{Chrome, render};

pub struct KioskRow {
    pub id: String,
    pub opened: String,
}

#[derive(Template)]
#[template(path = "community/attendance.html")]
struct AttendancePage {
    chrome: Chrome,
    visits: u32,
    /// (words, count)
    reasons: Vec<(String, u32)>,
    /// (group, count)
    groups: Vec<(OccurrenceRow, u32)>,
    kiosks: Vec<KioskRow>,
}

pub async fn show_attendance(State(state): State<AppState>, staff: CenterStaff) -> WebResult<Html<String>> {
    let t = staff.ctx.t();
    let a = services::community::attendance(&state, &staff.caller).await?;
    let now = pathways_store::now();
    let tz = state.config.deployment.time_zone;
    let reasons =
        Reason::ALL.into_iter().map(|r| (t.get(&format!("kiosk-reason-{}", r.code())), a.tally.reason(r))).collect();
    let groups = a
        .groups
        .iter()
        .map(|o| {
            let n = a.tally.by_group.get(&o.gathering.id.to_string()).copied().unwrap_or(0);
            (row(&t, o, now), n)
        })
        .collect();
    let kiosks = a
        .kiosks
        .iter()
        .map(|(id, at)| KioskRow {
            id: id.to_string(),
            opened: at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string(),
        })
        .collect();
    render(&AttendancePage {
        chrome: Chrome::new(&staff.ctx, &state, t.get("community-attendance-title")),
        visits: a.tally.visits,
        reasons,
        groups,
        kiosks,
    })
}
