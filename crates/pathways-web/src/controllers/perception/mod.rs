//! The perception-of-care survey (issue 17): staff make a one-time code (`/perception/codes`), the person answers
//! on a shared tablet (`/survey`, no account) or in the portal (`/me/survey`). Staff see only the report
//! (`controllers::reports::show_perception`).

pub mod create_code;
pub mod open_survey;
pub mod show_code_form;
pub mod show_codes;
pub mod show_portal_survey;
pub mod submit_portal_survey;
pub mod submit_survey;

pub use create_code::create_code;
pub use open_survey::open_survey;
pub use show_code_form::show_code_form;
pub use show_codes::show_codes;
pub use show_portal_survey::show_portal_survey;
pub use submit_portal_survey::submit_portal_survey;
pub use submit_survey::submit_survey;

use std::collections::HashMap;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use pathways_domain::locale::Locale;
use pathways_domain::outcomes::perception::{COMMENT_MAX_CHARS, ITEMS, SCALE};
use pathways_domain::text::FieldError;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::state::AppState;
use crate::views::{Chrome, field_label_key, render};

/// One item as the form asks it.
pub struct Question {
    pub id: &'static str,
    pub text: &'static str,
    /// (value, words, checked)
    pub choices: Vec<(u8, &'static str, bool)>,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "perception/survey.html")]
struct SurveyPage {
    chrome: Chrome,
    heading: String,
    action: String,
    code: Option<String>,
    questions: Vec<Question>,
    comment: String,
    comment_error: Option<String>,
    comment_max: usize,
}

#[derive(Template)]
#[template(path = "perception/code.html")]
struct CodePage {
    chrome: Chrome,
    heading: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "perception/thanks.html")]
struct ThanksPage {
    chrome: Chrome,
    heading: String,
    again: Option<String>,
}

/// The survey form (`action`: where it is sent; `code`: the tablet's code, carried in a hidden field), with the
/// answers given so far and the errors by field.
pub fn survey_page(
    state: &AppState,
    ctx: &Ctx,
    action: &str,
    code: Option<String>,
    given: &HashMap<String, String>,
    errors: &[FieldError],
) -> WebResult<Response> {
    let t = ctx.t();
    let message =
        |field: &str| errors.iter().find(|e| e.field == field).map(|e| t.get(&format!("field-error-{}", e.code)));
    let questions = ITEMS
        .iter()
        .map(|item| Question {
            id: item.id,
            text: if ctx.locale == Locale::Es { item.es } else { item.en },
            choices: SCALE
                .iter()
                .map(|(v, en, es)| {
                    (*v, if ctx.locale == Locale::Es { *es } else { *en }, given.get(item.id) == Some(&v.to_string()))
                })
                .collect(),
            error: message(item.id),
        })
        .collect();
    let heading = t.get("survey-title");
    let page = render(&SurveyPage {
        chrome: Chrome::new(ctx, state, heading.clone()),
        heading,
        action: action.to_owned(),
        code,
        questions,
        comment: given.get("comment").cloned().unwrap_or_default(),
        comment_error: message("comment"),
        comment_max: COMMENT_MAX_CHARS,
    })?;
    Ok(with_status(page, errors))
}

/// The tablet's code form, with the code's error if any.
pub fn code_page(state: &AppState, ctx: &Ctx, errors: &[FieldError]) -> WebResult<Response> {
    let t = ctx.t();
    let heading = t.get("survey-code-title");
    let error = errors
        .first()
        .map(|e| format!("{}: {}", t.get(&field_label_key(e.field)), t.get(&format!("field-error-{}", e.code))));
    let page = render(&CodePage { chrome: Chrome::new(ctx, state, heading.clone()), heading, error })?;
    Ok(with_status(page, errors))
}

/// Thanks, after a survey is sent; `again` links back to the code form on a tablet.
pub fn thanks_page(state: &AppState, ctx: &Ctx, again: Option<String>) -> WebResult<Response> {
    let t = ctx.t();
    let heading = t.get("survey-thanks-title");
    Ok(render(&ThanksPage { chrome: Chrome::new(ctx, state, heading.clone()), heading, again })?.into_response())
}

fn with_status(page: Html<String>, errors: &[FieldError]) -> Response {
    if errors.is_empty() { page.into_response() } else { (StatusCode::UNPROCESSABLE_ENTITY, page).into_response() }
}

/// The field errors of a refused survey, or the error itself.
pub fn field_errors(e: crate::error::WebError) -> Result<Vec<FieldError>, crate::error::WebError> {
    match e {
        crate::error::WebError::Invalid(f) => Ok(f),
        other => Err(other),
    }
}
