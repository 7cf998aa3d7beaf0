//! `GET /persons/{id}/outcome-interviews`: the person's episode of care, the interview due today (start it,
//! continue it, or record why it could not be done), the schedule, the interviews recorded, and closing the
//! episode.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::outcomes::episode::CloseoutReason;
use pathways_domain::outcomes::interview::{AdministrativeReason, Status, interview_of};

use super::{kind_words, status_words};
use crate::error::WebResult;
use crate::extract::Subject;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Due {
    pub kind: String,
    pub due: String,
    pub window: String,
    /// The interview in progress for this window, to continue.
    pub continue_id: String,
}

pub struct Row {
    pub id: String,
    pub kind: String,
    pub due: String,
    pub window: String,
    pub status: String,
    pub done: String,
}

#[derive(Template)]
#[template(path = "interviews/list.html")]
pub struct InterviewsPage {
    pub chrome: Chrome,
    pub heading: String,
    pub base: String,
    /// (started, last service, ended with reason — empty when open)
    pub episode: Option<(String, String, String)>,
    pub episode_open: bool,
    pub due: Option<Due>,
    pub schedule: Vec<(String, String, String)>,
    pub rows: Vec<Row>,
    pub reasons: Vec<(&'static str, String)>,
    pub closeout_reasons: Vec<(&'static str, String)>,
    pub today: String,
    pub errors: Vec<(String, String)>,
}

pub async fn list_interviews(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    render(&page(&state, &s, Vec::new()).await?)
}

/// The page, with the problems of a rejected form when there are any.
pub async fn page(state: &AppState, s: &Subject, errors: Vec<(String, String)>) -> WebResult<InterviewsPage> {
    let o = services::interviews::overview(state, &s.ctx, &s.caller, s.person).await?;
    let t = s.ctx.t();
    let range = |a: chrono::NaiveDate, b: chrono::NaiveDate| format!("{a} – {b}");
    let due = o.open.map(|w| Due {
        kind: kind_words(&t, w.interview.as_str(), pathways_domain::outcomes::interview::year_of(w.interview)),
        due: w.due.to_string(),
        window: range(w.opens, w.closes),
        continue_id: o
            .interviews
            .iter()
            .find(|r| {
                r.status == Status::InProgress.as_str()
                    && interview_of(&r.kind, r.year) == Some(w.interview)
                    && o.episode.as_ref().is_some_and(|(e, _)| e.id == r.episode_id)
            })
            .map(|r| r.id.to_string())
            .unwrap_or_default(),
    });
    let episode = o.episode.as_ref().map(|(e, _)| {
        let ended = match (e.ended_on, e.closeout_reason.as_deref()) {
            (Some(d), Some(r)) => format!("{d} ({})", t.get(&format!("closeout-reason-{}", r.replace('_', "-")))),
            (Some(d), None) => d.to_string(),
            _ => String::new(),
        };
        (e.started_on.to_string(), e.last_service_on.to_string(), ended)
    });
    let rows = o
        .interviews
        .iter()
        .rev()
        .map(|r| Row {
            id: r.id.to_string(),
            kind: kind_words(&t, &r.kind, r.year),
            due: r.due_on.to_string(),
            window: range(r.opens_on, r.closes_on),
            status: status_words(&t, &r.status, r.administrative_reason.as_deref()),
            done: r.done_on.map(|d| d.to_string()).unwrap_or_default(),
        })
        .collect();
    Ok(InterviewsPage {
        heading: t.arg("interviews-of", "name", &o.person.preferred_name),
        base: s.base.clone(),
        episode_open: o.episode.as_ref().is_some_and(|(e, _)| e.ended_on.is_none()),
        episode,
        due,
        schedule: o
            .schedule
            .iter()
            .map(|w| {
                (
                    kind_words(&t, w.interview.as_str(), pathways_domain::outcomes::interview::year_of(w.interview)),
                    w.due.to_string(),
                    range(w.opens, w.closes),
                )
            })
            .collect(),
        rows,
        reasons: AdministrativeReason::ALL
            .iter()
            .map(|r| (r.as_str(), t.get(&format!("interview-reason-{}", r.as_str().replace('_', "-")))))
            .collect(),
        closeout_reasons: CloseoutReason::ALL
            .iter()
            .map(|r| (r.as_str(), t.get(&format!("closeout-reason-{}", r.as_str().replace('_', "-")))))
            .collect(),
        today: services::interviews::today(state).to_string(),
        errors,
        chrome: Chrome::new(&s.ctx, state, t.get("interviews-title")),
    })
}
