//! `GET /recovery-friendly/programs/{designation_program}`: a designation program's public page — its steps and the
//! evidence each needs, the trainings it requires, its renewal period — with the application form (no account).
//! The POST re-renders it with its problems (`page`). An unknown program: 404.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::community::designation::ApplicationForm;
use pathways_domain::ids::DesignationProgramId;
use pathways_domain::text::FieldError;
use pathways_store::designation_programs::ProgramRow;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::InPath;
use crate::services;
use crate::state::AppState;
use crate::views::designation::{StepView, program_name, program_steps, trainings};
use crate::views::{Chrome, field_messages, render};

#[derive(Template)]
#[template(path = "recovery_friendly/program.html")]
struct ProgramPage {
    chrome: Chrome,
    errors: Vec<(String, String)>,
    id: String,
    name: String,
    owner: String,
    kind: String,
    steps: Vec<StepView>,
    trainings: Vec<String>,
    renewal_months: u32,
    form: ApplicationForm,
}

pub fn page(
    state: &AppState,
    ctx: &Ctx,
    p: &ProgramRow,
    form: ApplicationForm,
    errors: &[FieldError],
) -> WebResult<Response> {
    let t = ctx.t();
    let name = program_name(ctx.locale, &p.program);
    let html = render(&ProgramPage {
        chrome: Chrome::new(ctx, state, name.clone()),
        errors: field_messages(&t, errors),
        id: p.id.to_string(),
        name,
        owner: p.owner_name.clone(),
        kind: t.get(&format!("friendly-kind-{}", p.program.kind.code())),
        steps: program_steps(ctx.locale, &p.program),
        trainings: trainings(&t, &p.program),
        renewal_months: p.program.renewal_months,
        form,
    })?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, html).into_response())
}

pub async fn show_program(
    State(state): State<AppState>,
    ctx: Ctx,
    InPath(id): InPath<DesignationProgramId>,
) -> WebResult<Response> {
    let p = services::designation_programs::public_program(&state, id).await?;
    page(&state, &ctx, &p, ApplicationForm::default(), &[])
}
