//! `GET /ally`: what a person shares with their ally, and only that. Each request asks the consent gate afresh
//! for every category an ally can be given, in one transaction with the reads and the disclosure's entry in the
//! accounting (and its audit event): a consent revoked or expired a moment ago shares nothing. The page carries
//! the §2.32 notice and a summary of each consent relied on.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::error::WebResult;
use crate::extract::AllyCaller;
use crate::services;
use crate::services::allies::Goal;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "allies/shared.html")]
struct SharedPage {
    chrome: Chrome,
    heading: String,
    name: String,
    /// Nothing is shared right now.
    nothing: bool,
    goals: Option<Vec<Goal>>,
    /// (date, mood out of 5, meetings)
    checkins: Option<Vec<(String, i16, i16)>>,
    /// (date, BARC-10 total)
    barc10: Option<Vec<(String, i16)>>,
    /// (check-ups done: dates, next due)
    attendance: Option<(Vec<String>, String, i64)>,
    /// One line per consent relied on: what it shares, why, until when, signed when.
    relied: Vec<String>,
}

pub async fn show_shared(State(state): State<AppState>, a: AllyCaller) -> WebResult<Html<String>> {
    let t = a.ctx.t();
    let view = services::allies::shared_with_ally(&state, &a.ctx, &a.caller, a.person).await?;
    let Some(v) = view else {
        let heading = t.get("ally-shared-title");
        return render(&SharedPage {
            chrome: Chrome::new(&a.ctx, &state, heading.clone()),
            heading,
            name: String::new(),
            nothing: true,
            goals: None,
            checkins: None,
            barc10: None,
            attendance: None,
            relied: Vec::new(),
        });
    };
    let heading = t.arg("ally-shared-heading", "name", &v.name);
    render(&SharedPage {
        chrome: Chrome::new(&a.ctx, &state, heading.clone()),
        heading,
        name: v.name,
        nothing: false,
        goals: v.goals,
        checkins: v.checkins,
        barc10: v.barc10,
        attendance: v.attendance,
        relied: v.relied,
    })
}
