//! `GET /me`: a person's home — check in, their plan, their recovery capital, their team.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::services::summary::{self, Home};
use crate::state::AppState;
use crate::views::summary::Summary;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "portal/home.html")]
struct HomePage {
    chrome: Chrome,
    name: String,
    base: String,
    is_self: bool,
    plan_title: String,
    summary: Summary,
    coach: String,
    org: String,
    /// The outcome interview open now, in a sentence (what it is, the last day of its window).
    interview: Option<String>,
}

pub async fn show_me(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    if !s.is_self {
        return Err(WebError::NotFound);
    }
    let Home { person, summary, coach, org, interview_open } =
        summary::home(&state, &s.ctx, &s.caller, s.person).await?;
    let t = s.ctx.t();
    render(&HomePage {
        chrome: Chrome::new(&s.ctx, &state, t.get("portal-home")),
        name: person.preferred_name,
        base: s.base,
        is_self: true,
        plan_title: t.get("plan-title-mine"),
        summary: crate::views::summary::summary(t, &summary),
        coach,
        org,
        interview: interview_open.map(|w| {
            let kind = crate::views::words::interview_kind_words(&t, w.interview);
            t.args("own-interview-open", &[("kind", kind), ("closes", w.closes.to_string())])
        }),
    })
}
