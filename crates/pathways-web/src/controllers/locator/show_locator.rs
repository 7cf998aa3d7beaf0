//! `GET /persons/{id}/locator` and `GET /me/locator`: the current details with when the person consented, and
//! the form to add one.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::outreach::{LOCATOR_KINDS, LocatorForm};

use crate::error::WebResult;
use crate::extract::Subject;
use crate::services;
use crate::services::locator::Details;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Detail {
    pub id: String,
    pub kind: String,
    pub value: String,
    /// A phone number as a `tel:` link.
    pub tel: Option<String>,
    pub who: String,
    pub note: String,
    pub consented: String,
}

#[derive(Template)]
#[template(path = "locator/show.html")]
pub struct LocatorPage {
    pub chrome: Chrome,
    pub heading: String,
    pub base: String,
    pub is_self: bool,
    pub details: Vec<Detail>,
    pub kinds: Vec<(&'static str, String)>,
    pub form: LocatorForm,
    pub errors: Vec<(String, String)>,
}

pub async fn show_locator(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    render(&page(&state, &s, LocatorForm::default(), Vec::new()).await?)
}

/// The page, with a rejected form and its problems when there are.
pub async fn page(
    state: &AppState,
    s: &Subject,
    form: LocatorForm,
    errors: Vec<(String, String)>,
) -> WebResult<LocatorPage> {
    let Details { person: record, details: rows } = services::locator::list(state, &s.ctx, &s.caller, s.person).await?;
    let t = s.ctx.t();
    let details = rows
        .into_iter()
        .map(|r| Detail {
            id: r.id.to_string(),
            kind: t.get(&format!("locator-kind-{}", r.kind.replace('_', "-"))),
            tel: (r.kind == "phone").then(|| format!("tel:{}", r.value)),
            value: r.value,
            who: match (r.name, r.relationship) {
                (Some(n), Some(rel)) => format!("{n} ({rel})"),
                (Some(n), None) => n,
                (None, Some(rel)) => rel,
                (None, None) => String::new(),
            },
            note: r.note.unwrap_or_default(),
            consented: t.arg("locator-consented-on", "date", &r.consented_at.date_naive().to_string()),
        })
        .collect();
    let heading =
        if s.is_self { t.get("locator-title-mine") } else { t.arg("locator-title", "name", &record.preferred_name) };
    Ok(LocatorPage {
        chrome: Chrome::new(&s.ctx, state, heading.clone()),
        heading,
        base: s.base.clone(),
        is_self: s.is_self,
        details,
        kinds: LOCATOR_KINDS.iter().map(|k| (*k, t.get(&format!("locator-kind-{}", k.replace('_', "-"))))).collect(),
        form,
        errors,
    })
}
