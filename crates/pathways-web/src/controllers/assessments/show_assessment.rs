//! `GET …/assessments/{assessment}`: a result — the total beside the published cut-off, worded with care,
//! and the statements answered 3 or lower as areas to build, each with a shortcut to a goal.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::barc10::{Barc10Answers, STATEMENTS};
use pathways_domain::ids::AssessmentId;

use crate::error::{WebError, WebResult};
use crate::extract::{InPath, Subject};
use crate::services;
use crate::state::AppState;
use crate::views::words::dimension_name;
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
    InPath(id): InPath<AssessmentId>,
) -> WebResult<Html<String>> {
    let found = services::assessments::get(&state, &s.ctx, &s.caller, s.person, id).await?;
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
