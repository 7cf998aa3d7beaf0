//! The staff form that sends a person's record to another provider as FHIR (`/persons/{id}/export`): who the
//! person's consents in force name, and what each lets go. Shown again, with the reason, when an export is refused.

use askama::Template;
use pathways_domain::PersonId;

use crate::ctx::{Caller, Ctx};
use crate::error::WebResult;
use crate::services::fhir::{ExportRecipient, export_recipients};
use crate::state::AppState;
use crate::views::words::categories_words;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "record/export.html")]
pub struct ExportPage {
    pub chrome: Chrome,
    pub heading: String,
    pub base: String,
    /// (who, what a consent lets go to them)
    pub recipients: Vec<(String, String)>,
    /// The names to suggest in the field.
    pub names: Vec<String>,
    pub recipient: String,
    /// The problem with the last try, if any.
    pub error: Option<String>,
    /// The consent gate refused the last try: offer to record a consent.
    pub blocked: bool,
}

/// The page for `person`, with the last try's `recipient` and what went wrong with it.
pub async fn page(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    recipient: &str,
    error: Option<String>,
    blocked: bool,
) -> WebResult<String> {
    let (record, list) = export_recipients(state, ctx, caller, person).await?;
    let t = ctx.t();
    let heading = t.arg("export-title", "name", &record.preferred_name);
    let words = |r: &ExportRecipient| {
        let who = r.name.clone().unwrap_or_else(|| t.get("export-general-designation"));
        (who, categories_words(&t, &r.categories))
    };
    render(&ExportPage {
        chrome: Chrome::new(ctx, state, heading.clone()),
        heading,
        base: format!("/persons/{person}"),
        recipients: list.iter().map(words).collect(),
        names: list.iter().filter_map(|r| r.name.clone()).collect(),
        recipient: recipient.to_owned(),
        error,
        blocked,
    })
    .map(|h| h.0)
}
