//! `GET /designation-applications/{application}`: an application to one of the caller's organization's programs
//! (another's: 404) — the applicant, each step with its evidence and state, a review form for each step waiting, the
//! designation once every step is accepted, the withdrawal — and the page the reviews re-render with problems (422).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::community::designation::{Standing, all_accepted};
use pathways_domain::ids::DesignationApplicationId;
use pathways_domain::text::FieldError;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{InPath, SignedIn};
use crate::services;
use crate::services::designation_programs::Dossier;
use crate::state::AppState;
use crate::views::designation::{StepView, application_steps, program_name, standing_words, training_words, trainings};
use crate::views::{Chrome, field_messages, render};

#[derive(Template)]
#[template(path = "designation_programs/application.html")]
struct ApplicationPage {
    chrome: Chrome,
    errors: Vec<(String, String)>,
    id: String,
    applicant: String,
    town: String,
    contact_name: String,
    contact_email: String,
    program: String,
    standing: String,
    steps: Vec<StepView>,
    trainings: Vec<String>,
    /// Every step accepted and not withdrawn: the designation (or its renewal) may be made.
    may_designate: bool,
    designated: bool,
    withdrawn: bool,
    /// Per required training type: "required N, recorded M", met or not, and the recorded trainings' words.
    trainings_met: Vec<TrainingMetView>,
    /// The organization's recorded trainings an advisor may still attach: (id, words).
    attachable: Vec<(String, String)>,
}

struct TrainingMetView {
    kind: String,
    words: String,
    status: String,
    /// The attached trainings counted: (id, words); each may be detached.
    recorded: Vec<(String, String)>,
}

fn trainings_met(t: &crate::i18n::Tr, d: &Dossier) -> Vec<TrainingMetView> {
    let v = &d.trainings;
    v.met
        .iter()
        .map(|m| TrainingMetView {
            kind: m.kind.code().to_owned(),
            words: t.args(
                "rfp-trainings-met",
                &[
                    ("kind", t.get(&format!("training-kind-{}", m.kind.code()))),
                    ("required", m.required.to_string()),
                    ("recorded", m.recorded.len().to_string()),
                ],
            ),
            status: t.get(if m.met() { "rfp-trainings-met-yes" } else { "rfp-trainings-met-no" }),
            recorded: m
                .recorded
                .iter()
                .filter_map(|i| v.attached.get(*i))
                .map(|r| (r.id.to_string(), training_words(t, &r.training)))
                .collect(),
        })
        .collect()
}

pub fn page(state: &AppState, ctx: &Ctx, d: &Dossier, errors: &[FieldError]) -> WebResult<Response> {
    let t = ctx.t();
    let states = d.states();
    let html = render(&ApplicationPage {
        chrome: Chrome::new(
            ctx,
            state,
            t.args("rfp-application-title", &[("name", d.application.application.organization.clone())]),
        ),
        errors: field_messages(&t, errors),
        id: d.application.id.to_string(),
        applicant: d.application.application.organization.clone(),
        town: d.application.application.town.clone(),
        contact_name: d.application.application.contact_name.clone(),
        contact_email: d.application.application.contact_email.clone(),
        program: program_name(ctx.locale, &d.program.program),
        standing: standing_words(&t, d.standing),
        steps: application_steps(&t, ctx.locale, &d.program.program, &d.steps),
        trainings: trainings(&t, &d.program.program),
        may_designate: all_accepted(&states) && !d.application.withdrawn,
        designated: d.application.designated_on.is_some(),
        withdrawn: d.standing == Standing::Withdrawn,
        trainings_met: trainings_met(&t, d),
        attachable: d
            .trainings
            .attachable
            .iter()
            .map(|r| (r.id.to_string(), training_words(&t, &r.training)))
            .collect(),
    })?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, html).into_response())
}

pub async fn show_application(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<DesignationApplicationId>,
) -> WebResult<Response> {
    let d = services::designation_programs::application(&state, &caller, id).await?;
    page(&state, &ctx, &d, &[])
}
