//! `GET /persons/{id}`: one person's details.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use pathways_domain::audit::AuditAction;
use pathways_store::accounts;

use super::form::language_name;
use super::parse_id;
use crate::access::{PersonRead, read_person};
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "persons/show.html")]
struct ShowPage {
    chrome: Chrome,
    id: String,
    name: String,
    rows: Vec<(String, String)>,
    summary: super::summary::Summary,
    can_invite: bool,
    base: String,
    is_self: bool,
    plan_title: String,
}

pub async fn show_person(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Path(id): Path<String>,
) -> WebResult<Html<String>> {
    let id = parse_id(&id)?;
    let PersonRead { record: p, scope } = read_person(&state, &ctx, &caller, id, AuditAction::PersonRead).await?;
    let tx = state.store.reader();
    let summary = super::summary::summary(tx, ctx.t(), &scope, id).await?;
    let can_invite = accounts::find_for_person(tx, id).await?.is_none();
    let coach = match p.assigned_coach_id {
        Some(c) => accounts::find(tx, c.into()).await?.map(|a| a.display_name),
        None => None,
    };

    let t = ctx.t();
    let not_given = t.get("not-given");
    let or_not_given = |v: Option<String>| v.filter(|s| !s.is_empty()).unwrap_or_else(|| not_given.clone());
    let rows = vec![
        (t.get("field-pronouns"), or_not_given(p.pronouns.clone())),
        (t.get("field-legal-name"), or_not_given(p.legal_name.clone())),
        (t.get("field-date-of-birth"), or_not_given(p.date_of_birth.map(|d| d.to_string()))),
        (
            t.get("field-preferred-language"),
            or_not_given(p.preferred_language.as_deref().map(|l| language_name(l).to_owned())),
        ),
        (t.get("field-phone"), or_not_given(p.phone.clone())),
        (t.get("field-email"), or_not_given(p.email.clone())),
        (t.get("field-assigned-coach"), or_not_given(coach)),
    ];
    render(&ShowPage {
        chrome: Chrome::new(&ctx, &state, p.preferred_name.clone()),
        base: format!("/persons/{}", p.id),
        is_self: false,
        plan_title: t.get("plan-title-short"),
        id: p.id.to_string(),
        name: p.preferred_name,
        rows,
        summary,
        can_invite,
    })
}
