//! `GET /recovery-friendly/new`: the form to record a designation (administrators and supervisors), and the page
//! the POST re-renders with its problems (`page`).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::community::volunteers::{DesignationForm, DesignationKind};
use pathways_domain::text::FieldError;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, field_messages, render};

#[derive(Template)]
#[template(path = "recovery_friendly/form.html")]
struct FormPage {
    chrome: Chrome,
    errors: Vec<(String, String)>,
    form: DesignationForm,
    /// (code, words, chosen)
    kinds: Vec<(String, String, bool)>,
    today: String,
}

pub fn page(state: &AppState, ctx: &Ctx, form: DesignationForm, errors: &[FieldError]) -> WebResult<Response> {
    let t = ctx.t();
    let kinds = DesignationKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), t.get(&format!("friendly-kind-{}", k.code())), form.kind == k.code()))
        .collect();
    let html = render(&FormPage {
        chrome: Chrome::new(ctx, state, t.get("friendly-add")),
        errors: field_messages(&t, errors),
        form,
        kinds,
        today: services::naloxone::today(state).to_string(),
    })?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, html).into_response())
}

pub async fn new_designation(State(state): State<AppState>, SignedIn { ctx, caller }: SignedIn) -> WebResult<Response> {
    services::volunteers::may_record(&caller)?;
    page(&state, &ctx, DesignationForm::default(), &[])
}
