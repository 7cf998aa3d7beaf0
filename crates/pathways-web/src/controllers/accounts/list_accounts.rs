//! `GET /accounts`: an administrator's list of the organization's accounts — staff, persons' portal accounts,
//! allies — each with disable or enable and a reset link (plain forms, no JavaScript).

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::error::WebResult;
use crate::extract::AccountsAdmin;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

/// One account as the list shows it.
pub struct Row {
    pub id: String,
    pub name: String,
    /// "Staff: coach", "Person's own portal", "Ally" in words.
    pub kind: String,
    /// The email or username it signs in with.
    pub login: String,
    pub disabled: bool,
    pub is_me: bool,
    /// An ally: once off, only the person's new invitation brings them back.
    pub ally: bool,
}

#[derive(Template)]
#[template(path = "accounts/list.html")]
struct AccountsPage {
    chrome: Chrome,
    rows: Vec<Row>,
}

pub async fn list_accounts(State(state): State<AppState>, a: AccountsAdmin) -> WebResult<Html<String>> {
    let list = services::accounts::list_accounts(&state, &a.ctx, &a.caller).await?;
    let t = a.ctx.t();
    let rows = list
        .into_iter()
        .map(|acct| {
            let kind = match (acct.kind.as_str(), acct.role.as_deref()) {
                ("staff", Some(role)) => {
                    t.arg("accounts-kind-staff", "role", &t.get(&format!("role-{}", role.replace('_', "-"))))
                }
                ("person", _) => t.get("accounts-kind-person"),
                _ => t.get("accounts-kind-ally"),
            };
            Row {
                id: acct.id.to_string(),
                is_me: acct.id == a.caller.account.as_uuid(),
                name: acct.display_name,
                kind,
                login: acct.email.or(acct.username).unwrap_or_default(),
                disabled: acct.disabled_at.is_some(),
                ally: acct.kind == "ally",
            }
        })
        .collect();
    render(&AccountsPage { chrome: Chrome::new(&a.ctx, &state, t.get("accounts-title")), rows })
}
