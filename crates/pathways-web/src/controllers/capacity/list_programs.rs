//! The provider's page: `GET /programs` lists the caller's organization's programs with their counts, how fresh
//! they are and the beds held for callers; each count changes with one tap (`POST /programs/{id}/counts`, a
//! button per change: one more or one fewer open bed or person waiting, "still right", or both numbers typed);
//! a held bed is admitted or released from the same page (`POST /holds/{id}/{admit|release}`). Plain forms with
//! CSRF tokens: no JavaScript needed, big targets for a phone.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::error::WebResult;
use crate::extract::ProviderStaff;
use crate::services;
use crate::state::AppState;
use crate::views::holds::HoldRow;
use crate::views::words::level_name;
use crate::views::{Chrome, render};

pub struct ProgramCard {
    pub id: String,
    pub name: String,
    pub level: String,
    pub licensed: u32,
    pub open: u32,
    pub waitlist: u32,
    pub held: u32,
    pub updated: String,
    pub stale: bool,
    pub holds: Vec<HoldRow>,
}

#[derive(Template)]
#[template(path = "capacity/programs.html")]
struct ProgramsPage {
    chrome: Chrome,
    programs: Vec<ProgramCard>,
}

pub async fn list_programs(State(state): State<AppState>, staff: ProviderStaff) -> WebResult<Html<String>> {
    let t = staff.ctx.t();
    let (programs, holds) = services::capacity::programs_of(&state, &staff.caller).await?;
    let tz = state.config.deployment.time_zone;
    let cards = programs
        .into_iter()
        .map(|p| {
            let (n, unit) = p.freshness.age();
            let updated = if p.freshness.age_minutes < 1 {
                t.get("capacity-updated-now")
            } else {
                t.arg(
                    "capacity-updated",
                    "age",
                    &t.count(&format!("capacity-age-{unit}"), u64::try_from(n).unwrap_or(0)),
                )
            };
            ProgramCard {
                id: p.id.to_string(),
                level: p.level.map(|l| level_name(&t, l)).unwrap_or_default(),
                licensed: p.counts.licensed,
                open: p.counts.open,
                waitlist: p.counts.waitlist,
                held: p.held,
                updated,
                stale: p.freshness.stale,
                holds: holds
                    .iter()
                    .filter(|h| h.program_id == p.id)
                    .map(|h| HoldRow::new(h.id, h.expires_at, tz, "%H:%M"))
                    .collect(),
                name: p.name,
            }
        })
        .collect();
    render(&ProgramsPage { chrome: Chrome::new(&staff.ctx, &state, t.get("programs-title")), programs: cards })
}
