//! `GET /me/access-log` and `GET /persons/{id}/access-log`: every read and change of the person's record in the
//! audit trail — who, in which role and organization, when, what — in plain words.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;

use super::{PageQuery, pager, slice};
use crate::error::WebResult;
use crate::extract::Subject;
use crate::services;
use crate::services::disclosures::Page;
use crate::state::AppState;
use crate::views::words::{what_key, who};
use crate::views::{Chrome, render};

pub struct Line {
    pub when: String,
    pub who: String,
    pub what: String,
    pub refused: bool,
}

#[derive(Template)]
#[template(path = "disclosures/access_log.html")]
struct AccessLogPage {
    chrome: Chrome,
    heading: String,
    base: String,
    lines: Vec<Line>,
    count_line: String,
    prev: Option<String>,
    next: Option<String>,
}

pub async fn access_log(
    State(state): State<AppState>,
    s: Subject,
    Query(q): Query<PageQuery>,
) -> WebResult<Html<String>> {
    let (offset, page) = slice(q.page);
    let Page { person: record, rows, total } =
        services::disclosures::access_log(&state, &s.ctx, &s.caller, s.person, offset, super::PER_PAGE).await?;
    let t = s.ctx.t();
    let lines = rows
        .iter()
        .map(|l| Line {
            when: l.occurred_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            who: who(&t, l),
            what: t.get(&what_key(&l.action)),
            refused: l.outcome != "success",
        })
        .collect();
    let heading = if s.is_self {
        t.get("access-log-title-mine")
    } else {
        t.arg("access-log-title", "name", &record.preferred_name)
    };
    let (prev, next) = pager(&format!("{}/access-log", s.base), page, total);
    render(&AccessLogPage {
        chrome: Chrome::new(&s.ctx, &state, heading.clone()),
        heading,
        base: s.base.clone(),
        lines,
        count_line: t.count("access-log-count", total),
        prev,
        next,
    })
}
