//! `GET /learn`: the education pages, titled in the reader's language. Public; the crisis line stays on top.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::locale::Locale;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "learn/list.html")]
struct ListPage {
    chrome: Chrome,
    /// (slug, title)
    pages: Vec<(String, String)>,
    editor: bool,
}

pub async fn list_pages(State(state): State<AppState>, ctx: Ctx) -> WebResult<Html<String>> {
    let t = ctx.t();
    let spanish = ctx.locale == Locale::Es;
    let pages = services::education::pages(&state)
        .await?
        .into_iter()
        .map(|p| (p.slug, if spanish { p.title_es } else { p.title_en }))
        .collect();
    let editor = ctx.caller.as_ref().is_some_and(|c| services::education::may_edit(c).is_ok());
    render(&ListPage { chrome: Chrome::new(&ctx, &state, t.get("learn-title")), pages, editor })
}
