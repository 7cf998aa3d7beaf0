//! `GET /persons/{id}/encounters`: the log, and the form to add one.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::encounter::EncounterType;

use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::services;
use crate::services::encounters::Log;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Row {
    /// The encounter's id: "record as a service" fills the service form from it.
    pub id: String,
    pub date: String,
    pub kind: String,
    pub minutes: i32,
    pub topics: String,
    pub author: String,
    /// `None` when the reader may not see the notes.
    pub notes: Option<String>,
}

#[derive(Template)]
#[template(path = "encounters/list.html")]
pub struct EncountersPage {
    pub chrome: Chrome,
    pub heading: String,
    pub base: String,
    pub rows: Vec<Row>,
    pub kinds: Vec<(&'static str, String)>,
    pub today: String,
    pub errors: Vec<(String, String)>,
    /// The values typed, kept on error: (date, kind, minutes, topics, notes)
    pub form: (String, String, String, String, String),
}

pub async fn list_encounters(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    render(&page(&state, &s, Vec::new(), None).await?)
}

pub async fn page(
    state: &AppState,
    s: &Subject,
    errors: Vec<(String, String)>,
    form: Option<(String, String, String, String, String)>,
) -> WebResult<EncountersPage> {
    let Log { person: record, entries, authors } =
        services::encounters::list(state, &s.ctx, &s.caller, s.person, 200).await?;
    let t = s.ctx.t();
    let rows = entries
        .iter()
        .map(|(e, visible)| Row {
            id: e.id.to_string(),
            date: e.occurred_on.to_string(),
            kind: t.get(&format!("encounter-type-{}", e.kind.replace('_', "-"))),
            minutes: e.minutes,
            topics: serde_json::from_value::<Vec<String>>(e.topics.clone()).unwrap_or_default().join(", "),
            author: authors.get(&e.author_account_id).cloned().unwrap_or_default(),
            notes: visible.then(|| e.notes.clone().unwrap_or_default()),
        })
        .collect();
    let heading = t.arg("encounters-of", "name", &record.preferred_name);
    // The form's default and latest day are the deployment's today, the day an episode's interview windows are
    // read in (UTC's date is tomorrow's every evening in New York).
    let today = crate::clock::today_in(state.config.deployment.time_zone).to_string();
    Ok(EncountersPage {
        chrome: Chrome::new(&s.ctx, state, heading.clone()),
        heading,
        base: s.base.clone(),
        rows,
        kinds: EncounterType::ALL
            .into_iter()
            .map(|k| (k.as_str(), t.get(&format!("encounter-type-{}", k.as_str().replace('_', "-")))))
            .collect(),
        errors,
        form: form.unwrap_or_else(|| (today.clone(), "in_person".into(), "30".into(), String::new(), String::new())),
        today,
    })
}
