//! The tokens page, shared by the list and by the answer to making a token (which shows the new secret once).

use askama::Template;
use chrono::{DateTime, Utc};
use pathways_domain::token::{self, TokenScope};
use pathways_store::model::ApiToken;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct TokenRow {
    pub id: String,
    pub label: String,
    pub scope: String,
    pub created: String,
    pub expires: String,
    pub last_used: String,
    pub state: String,
    pub live: bool,
}

#[derive(Template)]
#[template(path = "tokens/list.html")]
pub struct TokensPage {
    pub chrome: Chrome,
    pub heading: String,
    pub rows: Vec<TokenRow>,
    /// A token just made: its secret, shown this once.
    pub new_secret: Option<String>,
    pub days: String,
    pub label_error: Option<String>,
    pub label: String,
    pub scope: String,
}

pub fn page(
    state: &AppState,
    ctx: &Ctx,
    tokens: &[ApiToken],
    new_secret: Option<String>,
    label_error: Option<String>,
    label: &str,
    scope: TokenScope,
) -> WebResult<axum::response::Html<String>> {
    let t = ctx.t();
    let tz = state.config.deployment.time_zone;
    let at = |d: DateTime<Utc>| d.with_timezone(&tz).format("%Y-%m-%d %H:%M %Z").to_string();
    let now = pathways_store::now();
    let rows = tokens
        .iter()
        .map(|k| {
            let live = token::is_live(k.revoked_at, k.expires_at, now);
            let state = if k.revoked_at.is_some() {
                t.get("tokens-state-revoked")
            } else if live {
                t.get("tokens-state-active")
            } else {
                t.get("tokens-state-expired")
            };
            let scope = match k.scope.parse::<TokenScope>() {
                Ok(TokenScope::Write) => t.get("tokens-scope-write"),
                _ => t.get("tokens-scope-read"),
            };
            TokenRow {
                id: k.id.to_string(),
                label: k.label.clone(),
                scope,
                created: at(k.created_at),
                expires: k.expires_at.map(at).unwrap_or_default(),
                last_used: k.last_used_at.map_or_else(|| t.get("tokens-never-used"), at),
                state,
                live,
            }
        })
        .collect();
    render(&TokensPage {
        chrome: Chrome::new(ctx, state, t.get("tokens-title")),
        heading: t.get("tokens-title"),
        rows,
        new_secret,
        days: state.config.api_token_days.to_string(),
        label_error,
        label: label.to_owned(),
        scope: scope.as_str().to_owned(),
    })
}
