//! `GET /persons/{id}`: one person's details.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::PersonId;

use super::form::language_name;
use crate::error::WebResult;
use crate::extract::{InPath, SignedIn};
use crate::services::persons::{self, Overview};
use crate::state::AppState;
use crate::views::summary::{Summary, summary};
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "persons/show.html")]
struct ShowPage {
    chrome: Chrome,
    id: String,
    name: String,
    rows: Vec<(String, String)>,
    summary: Summary,
    can_invite: bool,
    can_reset: bool,
    base: String,
    is_self: bool,
    plan_title: String,
}

pub async fn show_person(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<PersonId>,
) -> WebResult<Html<String>> {
    let Overview { person: p, summary: s, can_invite, can_reset, coach } =
        persons::overview(&state, &ctx, &caller, id).await?;
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
        summary: summary(t, &s),
        can_invite,
        can_reset,
    })
}
