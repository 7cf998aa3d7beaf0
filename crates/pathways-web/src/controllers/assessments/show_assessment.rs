//! `GET …/assessments/{assessment}`: a result — the total beside the published cut-off, worded with care,
//! and the statements answered 3 or lower as areas to build, each with a shortcut to a goal.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use pathways_domain::audit::AuditAction;
use pathways_domain::barc10::{Barc10Answers, STATEMENTS};
use pathways_store::records;
use uuid::Uuid;

use crate::access::{PersonRead, read_person};
use crate::controllers::plans::view::dimension_name;
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Area {
    pub number: usize,
    pub statement: String,
    pub answer: String,
    pub dimension: String,
    pub goal_href: String,
}

#[derive(Template)]
#[template(path = "assessments/show.html")]
struct ResultPage {
    chrome: Chrome,
    base: String,
    date: String,
    total: u8,
    at_or_above: bool,
    areas: Vec<Area>,
    /// (number, statement, answer label)
    answers: Vec<(usize, String, String)>,
}

pub async fn show_assessment(
    State(state): State<AppState>,
    s: Subject,
    Path(params): Path<HashMap<String, String>>,
) -> WebResult<Html<String>> {
    let id: Uuid = params.get("assessment").and_then(|a| a.parse().ok()).ok_or(WebError::NotFound)?;
    let PersonRead { scope, .. } =
        read_person(&state, &s.ctx, &s.caller, s.person, AuditAction::AssessmentRead).await?;
    let tx = state.store.reader();
    let found =
        records::assessments(tx, &scope, s.person).await?.into_iter().find(|a| a.id == id).ok_or(WebError::NotFound)?;
    let raw: Vec<u8> = serde_json::from_value(found.answers.clone()).map_err(WebError::internal)?;
    let answers = Barc10Answers::try_from(raw).map_err(WebError::internal)?;
    let t = s.ctx.t();
    let label = |v: u8| t.get(&format!("barc10-answer-{v}"));
    render(&ResultPage {
        chrome: Chrome::new(&s.ctx, &state, t.get("barc10-result-title")),
        date: found.taken_at.format("%Y-%m-%d").to_string(),
        total: answers.total(),
        at_or_above: answers.at_or_above_cutoff(),
        areas: answers
            .areas_to_build()
            .into_iter()
            .map(|(n, d)| Area {
                number: n,
                statement: t.get(STATEMENTS[n - 1].0),
                answer: label(answers.answers()[n - 1]),
                dimension: dimension_name(t, d),
                goal_href: format!("{}/plan/goals/new?dimension={}", s.base, d.as_str()),
            })
            .collect(),
        answers: answers
            .answers()
            .iter()
            .enumerate()
            .map(|(i, a)| (i + 1, t.get(STATEMENTS[i].0), label(*a)))
            .collect(),
        base: s.base,
    })
}
