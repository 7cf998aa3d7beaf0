//! `GET /access-line/calls/{id}`: one call — crisis guidance, the suggested level with its reasons, the level
//! to look for, programs with a bed (nearest fresh first) to hold one at, the holds, a ride, and the follow-up.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::access_line::call::RIDE_WINDOWS;
use pathways_domain::access_line::capacity::Hold;
use pathways_domain::access_line::triage::{CallAnswers, Crisis, suggest};
use pathways_domain::access_line::{HoldState, LevelOfCare};
use pathways_domain::ids::CallId;
use pathways_store::access_calls::FOLLOW_UP_OUTCOMES;

use super::local_time;
use crate::error::WebResult;
use crate::extract::{InPath, Operator};
use crate::services;
use crate::services::access_line::CallFile;
use crate::state::AppState;
use crate::views::words::level_name;
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
    /// After withdrawal management: recovery residences with a bed near the caller (issue 19).
    after_detox: bool,
    residences: Vec<crate::views::housing::ResidenceCard>,
    housing_href: String,
}

pub async fn show_call(
    State(state): State<AppState>,
    op: Operator,
    InPath(id): InPath<CallId>,
) -> WebResult<Html<String>> {
    let t = op.ctx.t();
    let now = pathways_store::now();
    let CallFile { call, programs, holds, rides, coaches } =
        services::access_line::call_file(&state, &op.ctx, &op.caller, id).await?;
    let answers: CallAnswers = serde_json::from_value(call.answers.clone()).unwrap_or_default();
    let suggestion = suggest(&answers);
    let chosen = call.chosen_level.as_deref().and_then(LevelOfCare::parse);
    let mut hold_lines = Vec::new();
    let mut destination = String::new();
    for services::access_line::CallHold { hold: h, program: name } in holds {
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
    let rides = rides
        .into_iter()
        .map(|r| RideLine {
            destination: r.destination,
            status: t.get(&format!("transport-status-{}", r.status)),
            requested: local_time(r.requested_at, state.config.deployment.time_zone),
        })
        .collect();
    let who = call.first_name.clone().unwrap_or_else(|| t.get("line-anonymous-caller"));
    let linked = call.first_name.as_ref().map(|_| call.person_id.is_some());
    let coaches = coaches.into_iter().map(|(id, name)| (id.to_string(), name)).collect();
    // A person leaving detox needs a home next: offer recovery residences with a bed, nearest first.
    let after_detox = chosen.or(suggestion.level).is_some_and(LevelOfCare::is_withdrawal_management);
    let near_text = call.place.clone().unwrap_or_default();
    let mut residences = Vec::new();
    if after_detox {
        let near = crate::places::resolve(&near_text, &state.config.deployment.state).map(|p| p.point);
        let query = pathways_domain::housing::board::Query {
            near,
            within_mi: near.map(|_| 50.0),
            with_beds: true,
            ..Default::default()
        };
        let tz = state.config.deployment.time_zone;
        residences = services::housing::board(&state, &query, 0, 3)
            .await?
            .listed
            .iter()
            .map(|l| crate::views::housing::card(&t, l.residence(), l.distance_mi, tz))
            .collect();
    }
    let housing_href = format!("/housing?beds=true&near={}", crate::ctx::url_encode(&near_text));
    let page = CallPage {
        after_detox,
        residences,
        housing_href,
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
