//! `GET …/assessments/new`: the ten BARC-10 statements.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::barc10::{ITEMS, STATEMENTS};

use crate::error::WebResult;
use crate::extract::Subject;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Statement {
    pub number: usize,
    pub text: String,
    pub answer: Option<u8>,
    pub error: Option<String>,
}

impl Statement {
    /// Whether `value` is the answer given.
    pub fn is(&self, value: impl std::borrow::Borrow<u8>) -> bool {
        self.answer == Some(*value.borrow())
    }
}

#[derive(Template)]
#[template(path = "assessments/form.html")]
pub struct Barc10Form {
    pub chrome: Chrome,
    pub action: String,
    pub cancel_href: String,
    pub statements: Vec<Statement>,
    /// (value, label) of the six answers.
    pub scale: Vec<(u8, String)>,
    pub error: Option<(usize, String)>,
    pub is_self: bool,
}

impl Barc10Form {
    pub fn new(t: Tr, chrome: Chrome, base: &str, is_self: bool, answers: &[Option<u8>]) -> Self {
        Self {
            chrome,
            action: format!("{base}/assessments"),
            cancel_href: format!("{base}/assessments"),
            statements: (0..ITEMS)
                .map(|i| Statement {
                    number: i + 1,
                    text: t.get(STATEMENTS[i].0),
                    answer: answers.get(i).copied().flatten(),
                    error: None,
                })
                .collect(),
            scale: (1..=6).map(|v| (v, t.get(&format!("barc10-answer-{v}")))).collect(),
            error: None,
            is_self,
        }
    }
}

pub async fn new_assessment(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    // The form shows nothing of the record, but only a caller who may reach the person gets it.
    crate::services::assessments::open_form(&state, &s.ctx, &s.caller, s.person).await?;
    let t = s.ctx.t();
    render(&Barc10Form::new(t, Chrome::new(&s.ctx, &state, t.get("barc10-title")), &s.base, s.is_self, &[]))
}
