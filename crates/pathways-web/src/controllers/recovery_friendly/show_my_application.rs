//! `GET /recovery-friendly/applications/{link}`: the applicant's own page, opened by their private link — each step
//! with what it needs, its state and the advisor's note, a form to submit evidence for each step not yet accepted,
//! and the standing. A wrong or unknown link: 404. The evidence POST re-renders it with its problems (`page`).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::text::FieldError;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{ApplicationLink, InPath};
use crate::services;
use crate::services::designation_programs::Dossier;
use crate::state::AppState;
use crate::views::designation::{StepView, application_steps, program_name, standing_words, trainings};
use crate::views::{Chrome, field_messages, render};

#[derive(Template)]
#[template(path = "recovery_friendly/application.html")]
struct MyApplicationPage {
    chrome: Chrome,
    errors: Vec<(String, String)>,
    path: String,
    applicant: String,
    program: String,
    program_id: String,
    standing: String,
    steps: Vec<StepView>,
    trainings: Vec<String>,
    /// Withdrawn: no more evidence is taken.
    closed: bool,
    /// What the applicant typed, kept when it comes back with problems: (step, text, link).
    typed: (String, String, String),
}

pub fn page(
    state: &AppState,
    ctx: &Ctx,
    link: &str,
    d: &Dossier,
    typed: (String, String, String),
    errors: &[FieldError],
) -> WebResult<Response> {
    let t = ctx.t();
    let html = render(&MyApplicationPage {
        chrome: Chrome::new(ctx, state, t.get("rfp-my-title")),
        errors: field_messages(&t, errors),
        path: format!("/recovery-friendly/applications/{link}"),
        applicant: d.application.application.organization.clone(),
        program: program_name(ctx.locale, &d.program.program),
        program_id: d.program.id.to_string(),
        standing: standing_words(&t, d.standing),
        steps: application_steps(&t, ctx.locale, &d.program.program, &d.steps),
        trainings: trainings(&t, &d.program.program),
        closed: d.application.withdrawn,
        typed,
    })?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, html).into_response())
}

pub async fn show_my_application(
    State(state): State<AppState>,
    ctx: Ctx,
    InPath(ApplicationLink(link)): InPath<ApplicationLink>,
) -> WebResult<Response> {
    let d = services::designation_programs::by_link(&state, &link).await?;
    page(&state, &ctx, &link, &d, Default::default(), &[])
}
