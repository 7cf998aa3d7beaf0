//! `GET /learn/{page}`: one education page in the reader's language, rendered from its Markdown (no raw HTML),
//! with the source it cites. Public; an unknown page is 404.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::locale::Locale;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{InPath, PageSlug};
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, markdown, render};

#[derive(Template)]
#[template(path = "learn/show.html")]
struct ShowPage {
    chrome: Chrome,
    slug: String,
    title: String,
    /// HTML built by `views::markdown` (escaped text, the safe subset only).
    body: String,
    source: String,
    source_url: String,
    editor: bool,
}

pub async fn show_page(
    State(state): State<AppState>,
    ctx: Ctx,
    InPath(PageSlug(slug)): InPath<PageSlug>,
) -> WebResult<Html<String>> {
    let p = services::education::page(&state, &slug).await?;
    let (title, body) = if ctx.locale == Locale::Es { (p.title_es, p.body_es) } else { (p.title_en, p.body_en) };
    let editor = ctx.caller.as_ref().is_some_and(|c| services::education::may_edit(c).is_ok());
    render(&ShowPage {
        chrome: Chrome::new(&ctx, &state, title.clone()),
        slug: p.slug,
        title,
        body: markdown::render(&body),
        source: p.source,
        source_url: p.source_url.unwrap_or_default(),
        editor,
    })
}
