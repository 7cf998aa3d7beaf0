//! The provider's page: `GET /programs` lists the caller's organization's programs with their counts, how fresh
//! they are and the beds held for callers; each count changes with one tap (`POST /programs/{id}/counts`, a
//! button per change: one more or one fewer open bed or person waiting, "still right", or both numbers typed);
//! a held bed is admitted or released from the same page (`POST /holds/{id}/{admit|release}`). Plain forms with
//! CSRF tokens: no JavaScript needed, big targets for a phone.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Response};
use pathways_domain::access::{may_close_hold, may_update_capacity};
use pathways_domain::access_line::capacity::HoldError;
use pathways_domain::access_line::{Change, HoldState};
use pathways_store::capacity::{close_hold, live_holds, program_of_hold, program_view, programs_of, update_counts};
use serde::Deserialize;

use super::parse_uuid;
use super::show_board::level_name;
use crate::error::{WebError, WebResult};
use crate::extract::ProviderStaff;
use crate::extract::VerifiedForm;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct HoldRow {
    pub id: String,
    pub expires: String,
}

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
    let now = pathways_store::now();
    let stale_after = state.config.capacity_stale_after();
    let programs = programs_of(state.store.reader(), staff.caller.org, now, stale_after).await?;
    let ids: Vec<uuid::Uuid> = programs.iter().map(|p| p.id).collect();
    let holds = live_holds(state.store.reader(), &ids, now).await?;
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
                    .map(|h| HoldRow {
                        id: h.id.to_string(),
                        expires: h.expires_at.with_timezone(&tz).format("%H:%M").to_string(),
                    })
                    .collect(),
                name: p.name,
            }
        })
        .collect();
    render(&ProgramsPage { chrome: Chrome::new(&staff.ctx, &state, t.get("programs-title")), programs: cards })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CountsForm {
    pub change: String,
    pub open_beds: String,
    pub waitlist: String,
}

pub async fn change_counts(
    State(state): State<AppState>,
    staff: ProviderStaff,
    Path(id): Path<String>,
    VerifiedForm(form): VerifiedForm<CountsForm>,
) -> WebResult<Response> {
    let id = parse_uuid(&id)?;
    let now = pathways_store::now();
    let current = program_view(state.store.reader(), id, now, state.config.capacity_stale_after())
        .await?
        .ok_or(WebError::NotFound)?;
    if !may_update_capacity(&staff.caller.principal, current.organization) {
        return Err(WebError::NotFound);
    }
    let number = |s: &str| s.trim().parse::<i64>().ok();
    let change = Change::parse(&form.change, number(&form.open_beds), number(&form.waitlist));
    let Some(change) = change else {
        let code = if form.change == "set" { "required" } else { "unknown-choice" };
        return Err(WebError::Invalid(vec![pathways_domain::text::FieldError::new("open_beds", code)]));
    };
    let counts = current.counts.apply(change).map_err(WebError::Invalid)?;
    let tx = state.store.begin().await?;
    update_counts(&tx, &staff.ctx.actor(), Some(staff.caller.org), id, counts, now).await?.ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(crate::flash::redirect(&state, &format!("/programs#program-{id}"), crate::key!("flash-saved")))
}

pub async fn close_hold_form(
    State(state): State<AppState>,
    staff: ProviderStaff,
    Path((id, action)): Path<(String, String)>,
    VerifiedForm(_): VerifiedForm<CountsForm>,
) -> WebResult<Response> {
    let id = parse_uuid(&id)?;
    let to = match action.as_str() {
        "admit" => HoldState::Admitted,
        "release" => HoldState::Released,
        _ => return Err(WebError::NotFound),
    };
    let now = pathways_store::now();
    let program_id = program_of_hold(state.store.reader(), id).await?.ok_or(WebError::NotFound)?;
    let program = program_view(state.store.reader(), program_id, now, state.config.capacity_stale_after())
        .await?
        .ok_or(WebError::NotFound)?;
    if !may_close_hold(&staff.caller.principal, program.organization) {
        return Err(WebError::NotFound);
    }
    let tx = state.store.begin().await?;
    let closed = close_hold(&tx, &staff.ctx.actor(), id, to, now).await?.ok_or(WebError::NotFound)?;
    tx.commit().await?;
    let key = match closed {
        Ok(_) => crate::key!("flash-saved"),
        Err(HoldError::Expired) => crate::key!("capacity-hold-expired"),
        Err(HoldError::Closed) => crate::key!("capacity-hold-closed"),
    };
    Ok(crate::flash::redirect(&state, &format!("/programs#program-{program_id}"), key))
}
