//! `GET /community/events`: the center's groups and events (cancelled ones marked), each with its next time.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::error::WebResult;
use crate::extract::CenterStaff;
use crate::services;
use crate::state::AppState;
use crate::views::community::{audience_words, kind_words, language_words};
use crate::views::{Chrome, render};

pub struct EventRow {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub schedule: String,
    pub place: String,
    pub language: String,
    pub audience: String,
    pub cancelled: bool,
}

#[derive(Template)]
#[template(path = "community/events.html")]
struct EventsPage {
    chrome: Chrome,
    events: Vec<EventRow>,
}

pub async fn list_events(State(state): State<AppState>, staff: CenterStaff) -> WebResult<Html<String>> {
    let t = staff.ctx.t();
    let gatherings = services::community::gatherings_of(&state, &staff.caller).await?;
    let events = gatherings
        .iter()
        .map(|g| {
            let d = &g.details;
            let s = &d.schedule;
            let repeat = t.get(&format!("community-repeat-{}", s.repeat.code()));
            let days: Vec<String> = s
                .repeat
                .days_code()
                .split(',')
                .filter_map(pathways_domain::community::parse_weekday)
                .map(|w| t.get(&format!("weekday-{}", chrono::Weekday::num_days_from_sunday(&w))))
                .collect();
            EventRow {
                id: g.id.to_string(),
                title: d.title.clone(),
                kind: kind_words(&t, d.kind),
                schedule: format!(
                    "{} {} · {} {}",
                    repeat,
                    days.join(", "),
                    s.starts.format("%Y-%m-%d %H:%M"),
                    g.time_zone.name()
                )
                .replace("  ", " "),
                place: d.place.clone().or_else(|| d.online_url.clone()).unwrap_or_default(),
                language: language_words(&t, d.language),
                audience: audience_words(&t, d.audience),
                cancelled: g.cancelled,
            }
        })
        .collect();
    render(&EventsPage { chrome: Chrome::new(&staff.ctx, &state, t.get("community-events-title")), events })
}
