//! `GET /access-line/calls/{id}`: one call — crisis guidance, the suggested level with its reasons, the level
//! to look for, programs with a bed (nearest fresh first) to hold one at, the holds, a ride, and the follow-up.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Response};
use pathways_domain::access_line::call::{RIDE_WINDOWS, RawRide, Ride};
use pathways_domain::access_line::capacity::Hold;
use pathways_domain::access_line::triage::{CallAnswers, Crisis, suggest};
use pathways_domain::access_line::{HoldState, LevelOfCare};
use pathways_domain::directory::geo::LatLon;
use pathways_store::access_calls::{self, FOLLOW_UP_OUTCOMES, holds_of_call, read_call, rides_of_call};
use pathways_store::capacity::{BoardFilter, Reservation, board, program_view, reserve};
use serde::Deserialize;
use uuid::Uuid;

use super::local_time;
use crate::controllers::capacity::parse_uuid;
use crate::controllers::capacity::show_board::level_name;
use crate::error::{WebError, WebResult};
use crate::extract::Operator;
use crate::extract::VerifiedForm;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct ProgramOption {
    pub id: String,
    pub name: String,
    pub beds: String,
    pub updated: String,
    pub stale: bool,
    pub distance: String,
}

pub struct HoldLine {
    pub program: String,
    pub state: String,
}

pub struct RideLine {
    pub destination: String,
    pub status: String,
    pub requested: String,
}

#[derive(Template)]
#[template(path = "access_line/call.html")]
struct CallPage {
    chrome: Chrome,
    id: String,
    title: String,
    who: String,
    place: String,
    call_911: bool,
    offer_988: bool,
    suggested: String,
    reasons: Vec<String>,
    also: String,
    levels: Vec<(String, String, bool)>,
    no_bed_needed: bool,
    programs: Vec<ProgramOption>,
    holds: Vec<HoldLine>,
    destination: String,
    windows: Vec<u32>,
    rides: Vec<RideLine>,
    follow_up_due: String,
    follow_up_done: String,
    outcomes: Vec<(&'static str, String)>,
    /// `None`: anonymous (stays an anonymous call record); `Some(true)`: a person record was made.
    linked: Option<bool>,
    coaches: Vec<(String, String)>,
}

pub async fn show_call(State(state): State<AppState>, op: Operator, Path(id): Path<String>) -> WebResult<Html<String>> {
    let id = parse_uuid(&id)?;
    let t = op.ctx.t();
    let now = pathways_store::now();
    let stale_after = state.config.capacity_stale_after();
    let tx = state.store.begin().await?;
    let call = read_call(&tx, &op.ctx.actor(), op.caller.org, id).await?.ok_or(WebError::NotFound)?;
    tx.commit().await?;
    let answers: CallAnswers = serde_json::from_value(call.answers.clone()).unwrap_or_default();
    let suggestion = suggest(&answers);
    let chosen = call.chosen_level.as_deref().and_then(LevelOfCare::parse);
    let near = call.latitude.zip(call.longitude).and_then(|(a, b)| LatLon::new(a, b).ok());
    let programs = match chosen {
        Some(level) => {
            let filter = BoardFilter {
                level: Some(level),
                near,
                available_only: true,
                limit: Some(8),
                ..BoardFilter::default()
            };
            board(state.store.reader(), &filter, now, stale_after).await?
        }
        None => Vec::new(),
    };
    let shown: Vec<(Uuid, bool)> = programs.iter().map(|p| (p.id, p.freshness.stale)).collect();
    if !shown.is_empty() {
        let tx = state.store.begin().await?;
        access_calls::record_looks(&tx, op.caller.org, id, &shown, now).await?;
        tx.commit().await?;
    }
    let holds = holds_of_call(state.store.reader(), id).await?;
    let mut hold_lines = Vec::new();
    let mut destination = String::new();
    for h in &holds {
        let program = program_view(state.store.reader(), h.program_id, now, stale_after).await?;
        let name = program.map(|p| p.name).unwrap_or_default();
        let stored = HoldState::parse(&h.state).unwrap_or(HoldState::Released);
        let hold = Hold { created_at: h.created_at, expires_at: h.expires_at, stored };
        let state_text = match hold.state(now) {
            HoldState::Held => {
                if destination.is_empty() {
                    destination.clone_from(&name);
                }
                t.arg("line-hold-state-held", "time", &local_time(h.expires_at, state.config.deployment.time_zone))
            }
            s => t.get(&format!("line-hold-state-{}", s.as_str())),
        };
        hold_lines.push(HoldLine { program: name, state: state_text });
    }
    let rides = rides_of_call(state.store.reader(), id)
        .await?
        .into_iter()
        .map(|r| RideLine {
            destination: r.destination,
            status: t.get(&format!("transport-status-{}", r.status)),
            requested: local_time(r.requested_at, state.config.deployment.time_zone),
        })
        .collect();
    let who = call.first_name.clone().unwrap_or_else(|| t.get("line-anonymous-caller"));
    let linked = call.first_name.as_ref().map(|_| call.person_id.is_some());
    let coaches = if linked == Some(false) {
        pathways_store::accounts::list_staff(state.store.reader(), op.caller.org, pathways_domain::Role::Coach)
            .await?
            .into_iter()
            .filter(|a| a.disabled_at.is_none())
            .map(|a| (a.id.to_string(), a.display_name))
            .collect()
    } else {
        Vec::new()
    };
    let page = CallPage {
        linked,
        coaches,
        chrome: Chrome::new(
            &op.ctx,
            &state,
            t.arg("line-call-title", "time", &local_time(call.created_at, state.config.deployment.time_zone)),
        ),
        id: id.to_string(),
        title: t.arg("line-call-title", "time", &local_time(call.created_at, state.config.deployment.time_zone)),
        who: format!(
            "{who} · {}{}",
            t.get(&format!("line-caller-{}", call.caller_type)),
            call.callback.as_deref().map(|c| format!(" · {c}")).unwrap_or_default()
        ),
        place: call.place.clone().unwrap_or_default(),
        call_911: suggestion.crisis.contains(&Crisis::Call911),
        offer_988: suggestion.crisis.contains(&Crisis::Offer988),
        suggested: suggestion.level.map_or_else(|| t.get("line-suggested-none"), |l| level_name(&t, l)),
        reasons: suggestion
            .reasons
            .iter()
            .filter_map(|r| serde_json::to_value(r).ok())
            .filter_map(|v| v.as_str().map(|c| t.get(&format!("line-reason-{c}"))))
            .collect(),
        also: suggestion.also.map(|l| t.arg("line-also", "level", &level_name(&t, l))).unwrap_or_default(),
        levels: LevelOfCare::ALL
            .iter()
            .map(|l| (l.code().to_owned(), level_name(&t, *l), chosen == Some(*l)))
            .collect(),
        no_bed_needed: chosen.is_none(),
        programs: programs
            .into_iter()
            .map(|p| {
                let (n, unit) = p.freshness.age();
                ProgramOption {
                    id: p.id.to_string(),
                    beds: t.count(
                        if p.level.is_some_and(LevelOfCare::has_beds) { "capacity-open" } else { "capacity-openings" },
                        u64::from(p.available),
                    ),
                    updated: if p.freshness.age_minutes < 1 {
                        t.get("capacity-updated-now")
                    } else {
                        t.arg(
                            "capacity-updated",
                            "age",
                            &t.count(&format!("capacity-age-{unit}"), u64::try_from(n).unwrap_or(0)),
                        )
                    },
                    stale: p.freshness.stale,
                    distance: p
                        .distance_mi
                        .map(|d| t.arg("capacity-distance", "miles", &format!("{d:.1}")))
                        .unwrap_or_default(),
                    name: p.name,
                }
            })
            .collect(),
        holds: hold_lines,
        destination,
        windows: RIDE_WINDOWS.to_vec(),
        rides,
        follow_up_due: t.arg(
            "line-follow-up-due",
            "time",
            &call.follow_up_due_at.with_timezone(&state.config.deployment.time_zone).format("%a %H:%M").to_string(),
        ),
        follow_up_done: call
            .follow_up_outcome
            .as_deref()
            .map(|o| t.arg("line-follow-up-done", "outcome", &t.get(&format!("line-outcome-{o}"))))
            .unwrap_or_default(),
        outcomes: FOLLOW_UP_OUTCOMES.iter().map(|o| (*o, t.get(&format!("line-outcome-{o}")))).collect(),
    };
    render(&page)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LevelForm {
    pub level: String,
}

pub async fn choose_level(
    State(state): State<AppState>,
    op: Operator,
    Path(id): Path<String>,
    VerifiedForm(form): VerifiedForm<LevelForm>,
) -> WebResult<Response> {
    let id = parse_uuid(&id)?;
    let level = match form.level.trim() {
        "none" => None,
        code => Some(LevelOfCare::parse(code).ok_or_else(|| {
            WebError::Invalid(vec![pathways_domain::text::FieldError::new("level", "unknown-choice")])
        })?),
    };
    let tx = state.store.begin().await?;
    if !access_calls::choose_level(&tx, &op.ctx.actor(), op.caller.org, id, level).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(crate::flash::redirect(&state, &format!("/access-line/calls/{id}#programs"), crate::key!("flash-saved")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct HoldForm {
    pub program_id: String,
}

pub async fn hold_bed(
    State(state): State<AppState>,
    op: Operator,
    Path(id): Path<String>,
    VerifiedForm(form): VerifiedForm<HoldForm>,
) -> WebResult<Response> {
    let id = parse_uuid(&id)?;
    let program: Uuid = form.program_id.trim().parse().map_err(|_| WebError::NotFound)?;
    let now = pathways_store::now();
    let tx = state.store.begin().await?;
    read_call(&tx, &op.ctx.actor(), op.caller.org, id).await?.ok_or(WebError::NotFound)?;
    let answer = reserve(&tx, &op.ctx.actor(), program, Some(id), now, state.config.bed_hold()).await?;
    tx.commit().await?;
    let key = match answer.ok_or(WebError::NotFound)? {
        Reservation::Held(_) => crate::key!("flash-saved"),
        Reservation::NoBed { .. } => crate::key!("line-no-bed-left"),
    };
    Ok(crate::flash::redirect(&state, &format!("/access-line/calls/{id}#holds"), key))
}

pub async fn request_ride(
    State(state): State<AppState>,
    op: Operator,
    Path(id): Path<String>,
    VerifiedForm(form): VerifiedForm<RawRide>,
) -> WebResult<Response> {
    let id = parse_uuid(&id)?;
    let ride = Ride::parse(&form).map_err(WebError::Invalid)?;
    let now = pathways_store::now();
    // The ride goes to the bed held for this call, if there is one: its level orders the queue.
    let holds = holds_of_call(state.store.reader(), id).await?;
    let live = holds.iter().find(|h| {
        Hold {
            created_at: h.created_at,
            expires_at: h.expires_at,
            stored: HoldState::parse(&h.state).unwrap_or(HoldState::Released),
        }
        .is_live(now)
    });
    let (hold, level) = match live {
        Some(h) => {
            let p = program_view(state.store.reader(), h.program_id, now, state.config.capacity_stale_after()).await?;
            (Some(h.id), p.and_then(|p| p.level))
        }
        None => (None, None),
    };
    let tx = state.store.begin().await?;
    let call = read_call(&tx, &op.ctx.actor(), op.caller.org, id).await?.ok_or(WebError::NotFound)?;
    let level = level.or_else(|| call.chosen_level.as_deref().and_then(LevelOfCare::parse));
    access_calls::request_ride(
        &tx,
        &op.ctx.actor(),
        op.caller.org,
        access_calls::RideFor { call: id, hold, level },
        &ride,
        now,
    )
    .await?
    .ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(crate::flash::redirect(&state, &format!("/access-line/calls/{id}#rides"), crate::key!("flash-saved")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FollowUpForm {
    pub outcome: String,
}

pub async fn follow_up(
    State(state): State<AppState>,
    op: Operator,
    Path(id): Path<String>,
    VerifiedForm(form): VerifiedForm<FollowUpForm>,
) -> WebResult<Response> {
    let id = parse_uuid(&id)?;
    let outcome = FOLLOW_UP_OUTCOMES
        .iter()
        .find(|o| **o == form.outcome.trim())
        .ok_or_else(|| WebError::Invalid(vec![pathways_domain::text::FieldError::new("reason", "unknown-choice")]))?;
    let tx = state.store.begin().await?;
    if !access_calls::record_follow_up(&tx, &op.ctx.actor(), op.caller.org, id, outcome, pathways_store::now()).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(crate::flash::redirect(&state, "/access-line", crate::key!("flash-saved")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    pub coach: String,
}

/// `POST /access-line/calls/{id}/person`: the person agreed to a person record with a coach.
pub async fn make_person(
    State(state): State<AppState>,
    op: Operator,
    Path(id): Path<String>,
    VerifiedForm(form): VerifiedForm<PersonForm>,
) -> WebResult<Response> {
    let id = parse_uuid(&id)?;
    let coach_error =
        || WebError::Invalid(vec![pathways_domain::text::FieldError::new("assigned_coach", "invalid-coach")]);
    let coach: Uuid = form.coach.trim().parse().map_err(|_| coach_error())?;
    let coaches =
        pathways_store::accounts::list_staff(state.store.reader(), op.caller.org, pathways_domain::Role::Coach).await?;
    if !coaches.iter().any(|a| a.id == coach && a.disabled_at.is_none()) {
        return Err(coach_error());
    }
    let today = pathways_store::now().date_naive();
    let tx = state.store.begin().await?;
    access_calls::make_person(
        &tx,
        &op.ctx.actor(),
        op.caller.org,
        id,
        pathways_domain::AccountId::from_uuid(coach),
        today,
    )
    .await?
    .ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(crate::flash::redirect(&state, &format!("/access-line/calls/{id}#person"), crate::key!("flash-created")))
}
