//! `GET /persons/{id}/encounters`: the log, and the form to add one.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::AccountId;
use pathways_domain::audit::AuditAction;
use pathways_domain::encounter::{EncounterType, may_read_notes};
use pathways_store::{accounts, records};

use crate::access::{PersonRead, read_person};
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Row {
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
    let PersonRead { scope, record } =
        read_person(state, &s.ctx, &s.caller, s.person, AuditAction::EncounterRead).await?;
    let tx = state.store.reader();
    let list = records::encounters(tx, &scope, s.person, 200).await?;
    let mut names = std::collections::HashMap::new();
    for e in &list {
        if !names.contains_key(&e.author_account_id)
            && let Some(a) = accounts::find(tx, e.author_account_id.into()).await?
        {
            names.insert(e.author_account_id, a.display_name);
        }
    }
    let t = s.ctx.t();
    let coach = record.assigned_coach_id.map(AccountId::from_uuid);
    let rows = list
        .iter()
        .map(|e| Row {
            date: e.occurred_on.to_string(),
            kind: t.get(&format!("encounter-type-{}", e.kind.replace('_', "-"))),
            minutes: e.minutes,
            topics: serde_json::from_value::<Vec<String>>(e.topics.clone()).unwrap_or_default().join(", "),
            author: names.get(&e.author_account_id).cloned().unwrap_or_default(),
            notes: may_read_notes(&s.caller.principal, AccountId::from_uuid(e.author_account_id), coach)
                .then(|| e.notes.clone().unwrap_or_default()),
        })
        .collect();
    let heading = t.arg("encounters-of", "name", &record.preferred_name);
    let today = crate::clock::today().to_string();
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
