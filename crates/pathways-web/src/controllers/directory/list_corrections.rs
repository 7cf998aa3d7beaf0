//! `GET /directory/corrections`: what the public said is wrong, oldest first.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::error::WebResult;
use crate::extract::Editor;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Item {
    pub id: String,
    pub service_id: String,
    pub listing: String,
    pub when: String,
    pub message: String,
    pub contact: String,
}

#[derive(Template)]
#[template(path = "directory/corrections.html")]
struct CorrectionsPage {
    chrome: Chrome,
    items: Vec<Item>,
}

pub async fn list_corrections(State(state): State<AppState>, editor: Editor) -> WebResult<Html<String>> {
    let t = editor.ctx.t();
    let items = services::directory::open_corrections(&state)
        .await?
        .into_iter()
        .map(|(c, listing)| Item {
            id: c.id.to_string(),
            service_id: c.service_id.to_string(),
            listing,
            when: c.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            message: c.message,
            contact: c.contact.unwrap_or_default(),
        })
        .collect();
    render(&CorrectionsPage { chrome: Chrome::new(&editor.ctx, &state, t.get("directory-corrections")), items })
}
