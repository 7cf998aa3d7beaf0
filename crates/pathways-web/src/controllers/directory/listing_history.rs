//! `GET /directory/{id}/history`: a listing's state (verified, stale, retired, source), its actions, open
//! corrections, and every saved version with who saved it and which parts changed.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::directory::listing::is_stale;
use pathways_domain::ids::ServiceId;
use serde_json::Value;

use crate::error::WebResult;
use crate::extract::{Editor, InPath};
use crate::services;
use crate::services::directory::History;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct VersionLine {
    pub version: i32,
    pub when: String,
    pub author: String,
    pub changed: String,
}

#[derive(Template)]
#[template(path = "directory/history.html")]
struct HistoryPage {
    chrome: Chrome,
    id: String,
    name: String,
    source: String,
    verified: String,
    stale: bool,
    retired: bool,
    versions: Vec<VersionLine>,
    corrections: Vec<(String, String, String, String)>,
}

/// Which top-level parts of an HSDS object differ (ids aside), named for people.
fn changed(t: crate::i18n::Tr, old: &Value, new: &Value) -> String {
    let keys = ["name", "description", "url", "phones", "schedules", "attributes", "languages", "status"];
    let parts: Vec<String> =
        keys.iter().filter(|k| old.get(**k) != new.get(**k)).map(|k| t.get(&format!("directory-part-{k}"))).collect();
    parts.join(", ")
}

pub async fn listing_history(
    State(state): State<AppState>,
    editor: Editor,
    InPath(id): InPath<ServiceId>,
) -> WebResult<Html<String>> {
    let History { service, versions: saved, corrections } = services::directory::history(&state, id).await?;
    let t = editor.ctx.t();
    let versions = saved
        .iter()
        .enumerate()
        .map(|(i, v)| VersionLine {
            version: v.version,
            when: v.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            author: v.author_name.clone(),
            changed: match saved.get(i + 1) {
                Some(older) => changed(t, &older.doc, &v.doc),
                None => t.get("directory-first-version"),
            },
        })
        .collect();
    let corrections = corrections
        .into_iter()
        .map(|c| {
            (c.id.to_string(), c.created_at.format("%Y-%m-%d").to_string(), c.message, c.contact.unwrap_or_default())
        })
        .collect();
    render(&HistoryPage {
        chrome: Chrome::new(&editor.ctx, &state, service.name.clone()),
        id: id.to_string(),
        name: service.name.clone(),
        source: service.source.clone(),
        verified: service.last_verified_on.map(|d| d.to_string()).unwrap_or_else(|| t.get("never")),
        stale: is_stale(service.last_verified_on, crate::clock::today()),
        retired: service.retired_at.is_some(),
        versions,
        corrections,
    })
}
