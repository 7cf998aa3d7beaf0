//! `GET …/checkins`: recent check-ins, newest first, with mood and craving over time.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::chart::{LineChart, line_chart};
use crate::error::WebResult;
use crate::extract::Subject;
use crate::services;
use crate::services::checkins::Recent;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Row {
    pub when: String,
    pub mood: String,
    pub craving: i16,
    pub used: String,
    pub note: String,
    pub meetings: i16,
    pub supports: String,
    pub safe: bool,
}

#[derive(Template)]
#[template(path = "checkins/list.html")]
struct ListPage {
    chrome: Chrome,
    heading: String,
    is_self: bool,
    base: String,
    rows: Vec<Row>,
    craving_chart: LineChart,
}

pub async fn list_checkins(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    let Recent { person: record, checkins: recent } =
        services::checkins::list(&state, &s.ctx, &s.caller, s.person, 60).await?;
    let t = s.ctx.t();
    let heading = if s.is_self { t.get("checkins-mine") } else { t.arg("checkins-of", "name", &record.preferred_name) };
    let series: Vec<(String, i64)> =
        recent.iter().rev().map(|c| (c.created_at.format("%Y-%m-%d").to_string(), i64::from(c.craving))).collect();
    let rows = recent
        .iter()
        .map(|c| Row {
            when: c.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            mood: t.get(&format!("mood-{}", c.mood.clamp(1, 5))),
            craving: c.craving,
            used: t.get(if c.used_since_last { "yes" } else { "no" }),
            note: c.use_note.clone().unwrap_or_default(),
            meetings: c.meetings_attended,
            supports: c.supports.clone().unwrap_or_default(),
            safe: c.safe,
        })
        .collect();
    render(&ListPage {
        chrome: Chrome::new(&s.ctx, &state, heading.clone()),
        heading,
        is_self: s.is_self,
        base: s.base,
        rows,
        craving_chart: line_chart(&series, 0, 10, &[0, 5, 10], None),
    })
}
