//! `GET /admin/two-factor`: an administrator's list of the organization's accounts that use an authenticator, each
//! with a reset (for a lost phone). Other roles: 403.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services::two_factor;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Row {
    pub id: String,
    pub name: String,
    pub login: String,
    pub reset_label: String,
}

#[derive(Template)]
#[template(path = "two_factor/admin.html")]
pub struct AdminPage {
    pub chrome: Chrome,
    pub accounts: Vec<Row>,
}

pub async fn list_two_factor(State(state): State<AppState>, SignedIn { ctx, caller }: SignedIn) -> WebResult<Response> {
    let accounts = two_factor::enrolled_accounts(&state, &caller).await?;
    let t = ctx.t();
    let accounts = accounts
        .into_iter()
        .map(|a| Row {
            id: a.id.to_string(),
            reset_label: t.arg("two-factor-admin-reset-label", "name", &a.display_name),
            login: a.email.or(a.username).unwrap_or_default(),
            name: a.display_name,
        })
        .collect();
    let page = AdminPage { chrome: Chrome::new(&ctx, &state, t.get("two-factor-admin-title")), accounts };
    Ok(render(&page)?.into_response())
}
