//! `GET /directory`: listings by name, to search, with the stale ones, those with open corrections, or retired.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::directory::listing::{STALE_AFTER_DAYS, is_stale};
use pathways_store::directory_edit::Filter;
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::Editor;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

const PER_PAGE: u64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub show: String,
    pub page: Option<u64>,
}

pub struct Line {
    pub id: String,
    pub name: String,
    pub source: String,
    pub verified: String,
    pub stale: bool,
    pub corrections: u64,
    pub retired: bool,
}

#[derive(Template)]
#[template(path = "directory/list.html")]
struct ListPage {
    chrome: Chrome,
    query: ListQuery,
    lines: Vec<Line>,
    count_line: String,
    shows: Vec<(&'static str, String)>,
    prev_href: String,
    next_href: String,
}

pub async fn list_listings(
    State(state): State<AppState>,
    editor: Editor,
    Query(q): Query<ListQuery>,
) -> WebResult<Html<String>> {
    let t = editor.ctx.t();
    let today = crate::clock::today();
    let filter = match q.show.as_str() {
        "stale" => Filter::StaleBefore(today - chrono::TimeDelta::days(STALE_AFTER_DAYS)),
        "corrections" => Filter::WithCorrections,
        "retired" => Filter::Retired,
        _ => Filter::Active,
    };
    let page_no = q.page.unwrap_or(1).clamp(1, 100_000);
    let page = services::directory::listings(&state, &q.q, filter, page_no, PER_PAGE).await?;
    let lines = page
        .items
        .iter()
        .map(|r| Line {
            id: r.service.id.to_string(),
            name: r.service.name.clone(),
            source: r.service.source.clone(),
            verified: r.service.last_verified_on.map(|d| d.to_string()).unwrap_or_else(|| t.get("never")),
            stale: is_stale(r.service.last_verified_on, today),
            corrections: r.open_corrections,
            retired: r.service.retired_at.is_some(),
        })
        .collect();
    let href = |n: u64| {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        s.append_pair("q", &q.q).append_pair("show", &q.show).append_pair("page", &n.to_string());
        format!("/directory?{}", s.finish())
    };
    let page_view = ListPage {
        chrome: Chrome::new(&editor.ctx, &state, t.get("directory-title")),
        lines,
        count_line: t.count("directory-count", page.total),
        shows: vec![
            ("", t.get("directory-show-active")),
            ("stale", t.get("directory-show-stale")),
            ("corrections", t.get("directory-show-corrections")),
            ("retired", t.get("directory-show-retired")),
        ],
        prev_href: if page_no > 1 { href(page_no - 1) } else { String::new() },
        next_href: if page_no < page.pages() { href(page_no + 1) } else { String::new() },
        query: q,
    };
    render(&page_view)
}
