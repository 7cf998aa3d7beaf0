//! `GET /me/disclosures` and `GET /persons/{id}/disclosures`: the accounting of disclosures of the past three
//! years — to whom, when, what, why, and on which consent.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_store::consents;

use super::{PageQuery, pager, slice};
use crate::error::WebResult;
use crate::extract::Subject;
use crate::services;
use crate::services::disclosures::Page;
use crate::state::AppState;
use crate::views::words::categories_words;
use crate::views::{Chrome, render};

pub struct Line {
    pub when: String,
    pub to: String,
    pub how: String,
    pub what: String,
    pub summary: String,
    pub purpose: String,
}

#[derive(Template)]
#[template(path = "disclosures/list.html")]
struct DisclosuresPage {
    chrome: Chrome,
    heading: String,
    base: String,
    lines: Vec<Line>,
    count_line: String,
    prev: Option<String>,
    next: Option<String>,
}

pub async fn list_disclosures(
    State(state): State<AppState>,
    s: Subject,
    Query(q): Query<PageQuery>,
) -> WebResult<Html<String>> {
    let (offset, page) = slice(q.page);
    let Page { person: record, rows, total } =
        services::disclosures::disclosures(&state, &s.ctx, &s.caller, s.person, offset, super::PER_PAGE).await?;
    let t = s.ctx.t();
    let lines = rows
        .into_iter()
        .map(|d| Line {
            when: d.at.format("%Y-%m-%d %H:%M UTC").to_string(),
            to: d.recipient_name,
            how: t.get(&format!("disclosure-channel-{}", d.channel.replace('_', "-"))),
            what: categories_words(&t, &consents::categories_of(&d.categories)),
            summary: d.summary,
            purpose: d.purpose,
        })
        .collect();
    let heading = if s.is_self {
        t.get("disclosure-title-mine")
    } else {
        t.arg("disclosure-title", "name", &record.preferred_name)
    };
    let (prev, next) = pager(&format!("{}/disclosures", s.base), page, total);
    render(&DisclosuresPage {
        chrome: Chrome::new(&s.ctx, &state, heading.clone()),
        heading,
        base: s.base.clone(),
        lines,
        count_line: t.count("disclosure-count", total),
        prev,
        next,
    })
}
