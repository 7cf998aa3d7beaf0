//! `GET /me/allies`: the person's allies and what each sees now, invitations not yet used, and the form to
//! invite someone.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::audit::AuditAction;
use pathways_domain::consent::{Category, Recipient, in_force};
use pathways_store::{accounts, consents, invites};

use crate::access::{PersonTx, open_person};
use crate::controllers::consents::form::categories_words;
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "allies/allies.html")]
pub struct AlliesPage {
    pub chrome: Chrome,
    pub heading: String,
    /// (name, what a consent in force lets them see; empty: nothing)
    pub allies: Vec<(String, String)>,
    /// (name, usable until)
    pub pending: Vec<(String, String)>,
    pub errors: Vec<(String, String)>,
}

pub async fn show_allies(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    render(&page(&state, &s, Vec::new()).await?)
}

pub async fn page(state: &AppState, s: &Subject, errors: Vec<(String, String)>) -> WebResult<AlliesPage> {
    if !s.is_self {
        return Err(WebError::NotFound);
    }
    let PersonTx { tx, scope, .. } = open_person(state, &s.ctx, &s.caller, s.person, AuditAction::ConsentRead).await?;
    let list = accounts::allies_of(&tx, s.person).await?;
    let all = consents::list(&tx, &scope, s.person).await?;
    let pending = invites::pending_for_allies(&tx, s.person).await?;
    tx.commit().await?;
    let t = s.ctx.t();
    let today = crate::clock::today();
    // Each consent read once, whatever the number of allies.
    let mut in_force_now = Vec::new();
    for c in &all {
        let f = consents::facts(c)?;
        if in_force(&f, today) {
            in_force_now.push(f);
        }
    }
    let mut allies = Vec::new();
    for a in list {
        let mut sees: Vec<Category> = Vec::new();
        for f in &in_force_now {
            if matches!(&f.recipient, Recipient::Ally { account, .. } if account.as_uuid() == a.id) {
                sees.extend(f.categories.iter().copied());
            }
        }
        sees.sort();
        sees.dedup();
        allies.push((a.display_name, categories_words(&t, &sees)));
    }
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
