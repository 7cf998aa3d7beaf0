//! `POST /persons/{id}/locator` and `POST /me/locator`: a locator detail, kept only with the person's consent
//! (the checkbox), with its audit event in the same transaction.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::outreach::{LocatorForm, parse_locator};
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::{Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{field_messages, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PostedLocator {
    kind: String,
    value: String,
    name: String,
    relationship: String,
    note: String,
    /// The checkbox: `yes` when ticked.
    consent: String,
}

pub async fn add_locator(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(f): VerifiedForm<PostedLocator>,
) -> WebResult<Response> {
    let form = LocatorForm {
        kind: f.kind,
        value: f.value,
        name: f.name,
        relationship: f.relationship,
        note: f.note,
        consent: f.consent == "yes",
    };
    let locator = match parse_locator(&form) {
        Ok(l) => l,
        Err(errors) => {
            let errors = field_messages(&s.ctx.t(), &errors);
            let page = super::show_locator::page(&state, &s, form, errors).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    services::locator::add(&state, &s.ctx, &s.caller, s.person, locator).await?;
    Ok(crate::flash::redirect(&state, &format!("{}/locator", s.base), crate::key!("flash-locator-added")))
}
