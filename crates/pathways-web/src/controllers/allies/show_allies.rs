//! `GET /me/allies`: the person's allies and what each sees now, invitations not yet used, and the form to
//! invite someone.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::error::WebResult;
use crate::extract::Subject;
use crate::services;
use crate::state::AppState;
use crate::views::words::categories_words;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "allies/allies.html")]
pub struct AlliesPage {
    pub chrome: Chrome,
    pub heading: String,
    /// (their account's id, name, what a consent in force lets them see; empty: nothing)
    pub allies: Vec<(String, String, String)>,
    /// (name, usable until)
    pub pending: Vec<(String, String)>,
    pub errors: Vec<(String, String)>,
}

pub async fn show_allies(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    render(&page(&state, &s, Vec::new()).await?)
}

pub async fn page(state: &AppState, s: &Subject, errors: Vec<(String, String)>) -> WebResult<AlliesPage> {
    let services::allies::Allies { allies, pending } =
        services::allies::allies_of(state, &s.ctx, &s.caller, s.person).await?;
    let t = s.ctx.t();
    let allies =
        allies.into_iter().map(|(id, name, sees)| (id.to_string(), name, categories_words(&t, &sees))).collect();
    let heading = t.get("ally-title-mine");
    Ok(AlliesPage {
        chrome: Chrome::new(&s.ctx, state, heading.clone()),
        heading,
        allies,
        pending: pending
            .into_iter()
            .map(|i| (i.ally_name.unwrap_or_default(), i.expires_at.format("%Y-%m-%d %H:%M UTC").to_string()))
            .collect(),
        errors,
    })
}
