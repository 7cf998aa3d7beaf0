//! The page form the add and change pages (and the save's problems) share.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::community::education::{EducationForm, EducationPage};
use pathways_domain::text::FieldError;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::state::AppState;
use crate::views::{Chrome, field_messages, render};

#[derive(Template)]
#[template(path = "learn/form.html")]
struct FormPage {
    chrome: Chrome,
    heading: String,
    errors: Vec<(String, String)>,
    form: EducationForm,
    /// Changing a page keeps its address.
    editing: bool,
}

/// The form a stored page fills.
pub fn from_page(p: EducationPage) -> EducationForm {
    EducationForm {
        slug: p.slug,
        title_en: p.title_en,
        body_en: p.body_en,
        title_es: p.title_es,
        body_es: p.body_es,
        source: p.source,
        source_url: p.source_url.unwrap_or_default(),
    }
}

pub fn page(
    state: &AppState,
    ctx: &Ctx,
    form: EducationForm,
    editing: bool,
    errors: &[FieldError],
) -> WebResult<Response> {
    let t = ctx.t();
    let heading = if editing { t.arg("learn-edit", "title", &form.title_en) } else { t.get("learn-add") };
    let html = render(&FormPage {
        chrome: Chrome::new(ctx, state, heading.clone()),
        heading,
        errors: field_messages(&t, errors),
        form,
        editing,
    })?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, html).into_response())
}
