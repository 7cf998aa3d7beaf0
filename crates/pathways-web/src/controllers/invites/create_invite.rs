//! `POST /persons/{id}/invite`: makes a one-time link and code for the person's portal (or says the person already
//! has an account).

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::error::WebResult;
use crate::extract::{Empty, Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "invites/created.html")]
struct CreatedPage {
    chrome: Chrome,
    base: String,
    name: String,
    link: String,
    code: String,
    expires: String,
    already: bool,
}

pub async fn create_invite(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Html<String>> {
    let (record, issued) = services::invites::invite_person(&state, &s.ctx, &s.caller, s.person).await?;
    let t = s.ctx.t();
    let origin = state.config.public_url.clone().unwrap_or_default();
    let (link, code, expires) = match &issued {
        Some(i) => (
            format!("{}/invite/{}", origin.trim_end_matches('/'), i.token),
            i.code.clone(),
            i.expires_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        ),
        None => (String::new(), String::new(), String::new()),
    };
    render(&CreatedPage {
        chrome: Chrome::new(&s.ctx, &state, t.get("invite-title")),
        base: s.base,
        name: record.preferred_name,
        link,
        code,
        expires,
        already: issued.is_none(),
    })
}
