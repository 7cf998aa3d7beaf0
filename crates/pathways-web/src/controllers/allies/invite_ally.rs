//! `POST /me/allies`: the person invites a family member or friend — a one-time link and a short code, valid 72
//! hours. The ally sees nothing until the person signs a consent naming them.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::audit::AuditAction;
use pathways_domain::text::{optional_text, required_text};
use pathways_store::invites;
use serde::Deserialize;

use crate::access::{PersonTx, open_person};
use crate::auth::secret::{random_token, token_hash};
use crate::controllers::invites::{VALID_HOURS, new_code, normalize_code};
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::extract::VerifiedForm;
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
    if !s.is_self {
        return Err(WebError::NotFound);
    }
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
    let PersonTx { tx, record, .. } =
        open_person(&state, &s.ctx, &s.caller, s.person, AuditAction::AllyInviteCreate).await?;
    let token = random_token();
    let code = new_code();
    let expires_at = pathways_store::now() + chrono::Duration::hours(VALID_HOURS);
    let hashes = (token_hash(&token), token_hash(&normalize_code(&code)));
    invites::create_for_ally(
        &tx,
        &record,
        (&hashes.0, &hashes.1),
        (&name, relationship.as_deref()),
        s.caller.account,
        expires_at,
    )
    .await?;
    tx.commit().await?;
    let origin = state.config.public_url.clone().unwrap_or_default();
    let t = s.ctx.t();
    Ok(render(&InvitedPage {
        chrome: Chrome::new(&s.ctx, &state, t.get("ally-invited-title")),
        name,
        link: format!("{}/invite/{token}", origin.trim_end_matches('/')),
        code,
        expires: expires_at.format("%Y-%m-%d %H:%M UTC").to_string(),
    })?
    .into_response())
}
