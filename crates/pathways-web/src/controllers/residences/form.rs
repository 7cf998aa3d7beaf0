//! The residence's details form the edit page, the new residence's page and their POSTs share: read from the
//! posted pairs (who it serves and how residents pay repeat their name), filled from the stored residence (or
//! blank), and the page around it with every problem named (422). A new residence's form also asks for the beds
//! open now (its first report); an edit never does (beds open are reported, not edited). Both offer the
//! organization's own directory listings to link the residence to (`listing`; blank: none).

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::housing::form::ResidenceForm;
use pathways_domain::housing::{NarrLevel, Payment, Population};
use pathways_domain::ids::ResidenceId;
use pathways_domain::text::FieldError;

use crate::ctx::{Caller, Ctx};
use crate::error::WebResult;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, field_messages, render};

#[derive(Template)]
#[template(path = "residences/edit.html")]
struct EditPage {
    chrome: Chrome,
    heading: String,
    lead: String,
    save: String,
    action: String,
    /// A new residence: the form also asks for the beds open now.
    new: bool,
    open_beds: String,
    errors: Vec<(String, String)>,
    form: ResidenceForm,
    /// (code, words, chosen)
    levels: Vec<(String, String, bool)>,
    populations: Vec<(String, String, bool)>,
    payments: Vec<(String, String, bool)>,
    /// The directory listings to link to: (id, words, chosen); none chosen is "not linked".
    listings: Vec<(String, String, bool)>,
}

/// The posted form.
pub fn from_pairs(pairs: &[(String, String)]) -> ResidenceForm {
    let mut f = ResidenceForm::default();
    for (k, v) in pairs {
        match k.as_str() {
            "name" => f.name.clone_from(v),
            "address" => f.address.clone_from(v),
            "town" => f.town.clone_from(v),
            "zip" => f.zip.clone_from(v),
            "region" => f.region.clone_from(v),
            "narr_level" => f.narr_level.clone_from(v),
            "populations" => f.populations.push(v.clone()),
            "accepts_moud" => f.accepts_moud = v == "true",
            "serves_oud" => f.serves_oud = v == "true",
            "total_beds" => f.total_beds.clone_from(v),
            "cert_body" => f.cert_body.clone_from(v),
            "cert_number" => f.cert_number.clone_from(v),
            "cert_expires_on" => f.cert_expires_on.clone_from(v),
            "house_rules" => f.house_rules.clone_from(v),
            "cost_per_week" => f.cost_per_week.clone_from(v),
            "payments" => f.payments.push(v.clone()),
            "naloxone_doses" => f.naloxone_doses.clone_from(v),
            "naloxone_trained_on" => f.naloxone_trained_on.clone_from(v),
            "disclaimer" => f.disclaimer.clone_from(v),
            _ => {}
        }
    }
    f
}

/// The beds open now, as a new residence's form posts them.
pub fn open_beds_of(pairs: &[(String, String)]) -> String {
    pairs.iter().find(|(k, _)| k == "available_beds").map(|(_, v)| v.clone()).unwrap_or_default()
}

/// The directory listing chosen (blank when none, or when the page offered no choice).
pub fn listing_of(pairs: &[(String, String)]) -> String {
    pairs.iter().find(|(k, _)| k == "listing").map(|(_, v)| v.clone()).unwrap_or_default()
}

/// Which residence the form is for.
#[derive(Clone, Copy)]
pub enum Target {
    /// A residence to add (`POST /residences`), with the beds open now as typed.
    New,
    Existing(ResidenceId),
}

/// The page for `target`, filled with `form` (and, for a new residence, the beds open now as typed) and the
/// directory listing chosen (`listing`: its id, or blank); with `errors`, answered 422.
#[expect(clippy::too_many_arguments, reason = "the page's parts, each named at every call")]
pub async fn page(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    target: Target,
    form: ResidenceForm,
    open_beds: String,
    listing: String,
    errors: &[FieldError],
) -> WebResult<Response> {
    let of = match target {
        Target::New => None,
        Target::Existing(id) => Some(id),
    };
    let choices = services::housing::listing_choices(state, caller, of).await?;
    let t = ctx.t();
    let listings = choices
        .into_iter()
        .map(|c| {
            let words = if c.own { c.name } else { t.arg("residences-listing-kept", "name", &c.name) };
            let id = c.id.to_string();
            let chosen = listing.trim() == id;
            (id, words, chosen)
        })
        .collect();
    let (heading, lead, save, action) = match target {
        Target::New => (
            t.get("residences-new-title"),
            t.get("residences-new-lead"),
            t.get("residences-new-save"),
            "/residences".to_owned(),
        ),
        Target::Existing(id) => (
            t.arg("residences-edit-title", "name", &form.name),
            t.get("residences-edit-lead"),
            t.get("residences-edit-save"),
            format!("/residences/{id}"),
        ),
    };
    let levels = NarrLevel::ALL
        .into_iter()
        .map(|l| {
            let words = t.get(&format!("housing-level-{}", l.key()));
            (l.code().to_owned(), words, NarrLevel::parse(&form.narr_level) == Some(l))
        })
        .collect();
    let populations = Population::ALL
        .into_iter()
        .map(|p| {
            let on = form.populations.iter().any(|c| c.trim() == p.code());
            (p.code().to_owned(), t.get(&format!("housing-population-{}", p.key())), on)
        })
        .collect();
    let payments = Payment::ALL
        .into_iter()
        .map(|p| {
            let on = form.payments.iter().any(|c| c.trim() == p.code());
            (p.code().to_owned(), t.get(&format!("housing-payment-{}", p.key())), on)
        })
        .collect();
    let html = render(&EditPage {
        chrome: Chrome::new(ctx, state, heading.clone()),
        heading,
        lead,
        save,
        action,
        new: matches!(target, Target::New),
        open_beds,
        errors: field_messages(&t, errors),
        form,
        levels,
        populations,
        payments,
        listings,
    })?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, html).into_response())
}
