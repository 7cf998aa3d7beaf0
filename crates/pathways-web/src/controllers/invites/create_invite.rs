//! `POST /persons/{id}/invite`: makes a one-time link and code for the person's portal.

use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use pathways_domain::audit::AuditAction;
use pathways_store::{accounts, invites};

use super::{VALID_HOURS, new_code, normalize_code};
use crate::access::{PersonTx, open_person};
use crate::auth::secret::{random_token, token_hash};
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::extract::VerifiedForm;
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

#[derive(Debug, Default, serde::Deserialize)]
pub struct Empty {}

pub async fn create_invite(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let PersonTx { tx, scope, record } =
        open_person(&state, &s.ctx, &s.caller, s.person, AuditAction::InviteCreate).await?;
    let t = s.ctx.t();
    let already = accounts::find_for_person(&tx, s.person).await?.is_some();
    let (link, code, expires) = if already {
        (String::new(), String::new(), String::new())
    } else {
        let token = random_token();
        let code = new_code();
        let expires_at = pathways_store::now() + chrono::Duration::hours(VALID_HOURS);
        invites::create(
            &tx,
            &scope,
            s.person,
            &token_hash(&token),
            &token_hash(&normalize_code(&code)),
            s.caller.account,
            expires_at,
        )
        .await?;
        let origin = state.config.public_url.clone().unwrap_or_default();
        (
            format!("{}/invite/{token}", origin.trim_end_matches('/')),
            code,
            expires_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        )
    };
    tx.commit().await?;
    let page: Html<String> = render(&CreatedPage {
        chrome: Chrome::new(&s.ctx, &state, t.get("invite-title")),
        base: s.base,
        name: record.preferred_name,
        link,
        code,
        expires,
        already,
    })?;
    Ok(page.into_response())
}
