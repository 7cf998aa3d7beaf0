//! `GET …/assessments`: recovery capital over time — a chart with a table beside it.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::trend;
use crate::chart::LineChart;
use crate::error::WebResult;
use crate::extract::Subject;
use crate::services;
use crate::services::assessments::History;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Row {
    pub date: String,
    pub total: i16,
    pub change: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "assessments/list.html")]
struct ListPage {
    chrome: Chrome,
    heading: String,
    base: String,
    chart: LineChart,
    rows: Vec<Row>,
    summary: String,
}

pub async fn list_assessments(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    let History { person: record, assessments: all } =
        services::assessments::list(&state, &s.ctx, &s.caller, s.person).await?;
    let t = s.ctx.t();
    let heading = if s.is_self {
        t.get("barc10-history-mine")
    } else {
        t.arg("barc10-history-of", "name", &record.preferred_name)
    };
    let rows = all
        .iter()
        .enumerate()
        .rev()
        .map(|(i, a)| Row {
            date: a.taken_at.format("%Y-%m-%d").to_string(),
            total: a.total,
            change: match i.checked_sub(1).and_then(|j| all.get(j)) {
                Some(prev) => format!("{:+}", a.total - prev.total),
                None => "—".into(),
            },
            href: format!("{}/assessments/{}", s.base, a.id),
        })
        .collect();
    let summary = match (all.first(), all.last()) {
        (Some(first), Some(last)) if all.len() > 1 => {
            t.arg("barc10-summary", "change", &format!("{:+}", last.total - first.total))
        }
        _ => String::new(),
    };
    render(&ListPage {
        chrome: Chrome::new(&s.ctx, &state, heading.clone()),
        heading,
        base: s.base,
        chart: trend(&all),
        rows,
        summary,
    })
}
