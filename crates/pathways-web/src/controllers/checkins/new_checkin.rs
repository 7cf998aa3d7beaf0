//! `GET /me/checkin`: the check-in form — under a minute on a phone.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::error::WebResult;
use crate::extract::Subject;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "checkins/form.html")]
pub struct CheckinForm {
    pub chrome: Chrome,
    pub action: String,
    /// (value, label)
    pub moods: Vec<(u8, String)>,
    pub errors: Vec<(String, String)>,
}

impl CheckinForm {
    pub fn new(t: crate::i18n::Tr, chrome: Chrome, base: &str) -> Self {
        Self {
            chrome,
            action: format!("{base}/checkins"),
            moods: (1..=5).map(|m| (m, t.get(&format!("mood-{m}")))).collect(),
            errors: Vec::new(),
        }
    }
}

pub async fn new_checkin(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    let t = s.ctx.t();
    render(&CheckinForm::new(t, Chrome::new(&s.ctx, &state, t.get("checkin-title")), &s.base))
}
