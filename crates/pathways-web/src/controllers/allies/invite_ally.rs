//! `POST /me/allies`: the person invites a family member or friend — a one-time link and a short code, valid 72
//! hours. The ally sees nothing until the person signs a consent naming them.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::text::{optional_text, required_text};
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::{Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, field_messages, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    ally_name: String,
    relationship: String,
}

#[derive(Template)]
#[template(path = "allies/invited.html")]
struct InvitedPage {
    chrome: Chrome,
    name: String,
    link: String,
    code: String,
    expires: String,
}

pub async fn invite_ally(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(f): VerifiedForm<InviteForm>,
) -> WebResult<Response> {
    let name = required_text("ally_name", &f.ally_name, 120);
    let relationship = optional_text("relationship", &f.relationship, 80);
    let (name, relationship) = match (name, relationship) {
        (Ok(n), Ok(r)) => (n, r),
        (n, r) => {
            let problems: Vec<_> = [n.err(), r.err()].into_iter().flatten().collect();
            let errors = field_messages(&s.ctx.t(), &problems);
            let page = super::show_allies::page(&state, &s, errors).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let issued =
        services::invites::invite_ally(&state, &s.ctx, &s.caller, s.person, &name, relationship.as_deref()).await?;
    let origin = state.config.public_url.clone().unwrap_or_default();
    let t = s.ctx.t();
    Ok(render(&InvitedPage {
        chrome: Chrome::new(&s.ctx, &state, t.get("ally-invited-title")),
        name,
        link: format!("{}/invite/{}", origin.trim_end_matches('/'), issued.token),
        code: issued.code,
        expires: issued.expires_at.format("%Y-%m-%d %H:%M UTC").to_string(),
    })?
    .into_response())
}
