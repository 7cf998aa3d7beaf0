//! What the kiosk's two handlers share: the tablet's kiosk (from its cookie), the form as posted, and the page.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::community::kiosk::Reason;
use pathways_domain::text::FieldError;
use pathways_store::community::KioskRef;
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::services;
use crate::state::AppState;
use crate::views::community::{OccurrenceRow, row};
use crate::views::{Chrome, field_messages, render};

/// The sign-in form as posted.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct KioskForm {
    pub first_name: String,
    pub postal_code: String,
    pub reason: String,
    pub group: String,
    /// Set by `kiosk.js` for a sign-in it may have to send again.
    pub client_ref: String,
    /// A known person's check-in code, typed instead of a first name (never shown back).
    pub code: String,
}

#[derive(Template)]
#[template(path = "kiosk/show.html")]
struct KioskPage {
    chrome: Chrome,
    form: KioskForm,
    errors: Vec<(String, String)>,
    /// (code, words, chosen)
    reasons: Vec<(String, String, bool)>,
    groups: Vec<(OccurrenceRow, bool)>,
}

pub async fn page(
    state: &AppState,
    ctx: &Ctx,
    kiosk: KioskRef,
    form: KioskForm,
    errors: &[FieldError],
) -> WebResult<Response> {
    let t = ctx.t();
    let now = pathways_store::now();
    let groups = services::community::groups_today(state, kiosk.organization)
        .await?
        .iter()
        .map(|o| (row(&t, o, now), form.group == o.gathering.id.to_string()))
        .collect();
    let reasons = Reason::ALL
        .into_iter()
        .map(|r| (r.code().to_owned(), t.get(&format!("kiosk-reason-{}", r.code())), form.reason == r.code()))
        .collect();
    let html = render(&KioskPage {
        chrome: Chrome::new(ctx, state, t.get("kiosk-title")),
        errors: field_messages(&t, errors),
        form: KioskForm { client_ref: String::new(), code: String::new(), ..form },
        reasons,
        groups,
    })?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, html).into_response())
}
