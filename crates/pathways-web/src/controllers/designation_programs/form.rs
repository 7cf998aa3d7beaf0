//! The program form the new and edit pages share, and the page their POSTs re-render with every problem (422).

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::community::designation::{ProgramForm, training_field};
use pathways_domain::community::naloxone::TrainingKind;
use pathways_domain::community::volunteers::DesignationKind;
use pathways_domain::text::FieldError;
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::state::AppState;
use crate::views::{Chrome, field_messages, render};

/// The form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProgramInput {
    kind: String,
    name_en: String,
    name_es: String,
    steps: String,
    renewal_months: String,
    training_naloxone: String,
    training_stigma: String,
    training_recovery_ally: String,
    training_workplace_supervisor: String,
}

impl ProgramInput {
    pub fn into_form(self) -> ProgramForm {
        ProgramForm {
            kind: self.kind,
            name_en: self.name_en,
            name_es: self.name_es,
            steps: self.steps,
            renewal_months: self.renewal_months,
            trainings: vec![
                (TrainingKind::Naloxone, self.training_naloxone),
                (TrainingKind::Stigma, self.training_stigma),
                (TrainingKind::RecoveryAlly, self.training_recovery_ally),
                (TrainingKind::WorkplaceSupervisor, self.training_workplace_supervisor),
            ],
        }
    }
}

#[derive(Template)]
#[template(path = "designation_programs/form.html")]
struct FormPage {
    chrome: Chrome,
    errors: Vec<(String, String)>,
    form: ProgramForm,
    /// Where the form posts.
    action: String,
    /// (code, words, chosen)
    kinds: Vec<(String, String, bool)>,
    /// (field, words, value)
    trainings: Vec<(String, String, String)>,
}

/// The form page; `action` is where it posts (a new program or the program's own address).
pub fn page(
    state: &AppState,
    ctx: &Ctx,
    action: &str,
    form: ProgramForm,
    errors: &[FieldError],
) -> WebResult<Response> {
    let t = ctx.t();
    let kinds = DesignationKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), t.get(&format!("friendly-kind-{}", k.code())), form.kind == k.code()))
        .collect();
    let trainings = TrainingKind::ALL
        .iter()
        .map(|k| {
            let value = form.trainings.iter().find(|(kind, _)| kind == k).map(|(_, v)| v.clone()).unwrap_or_default();
            (training_field(*k).to_owned(), t.get(&format!("training-kind-{}", k.code())), value)
        })
        .collect();
    let html = render(&FormPage {
        chrome: Chrome::new(ctx, state, t.get("rfp-program-form")),
        errors: field_messages(&t, errors),
        form,
        action: action.to_owned(),
        kinds,
        trainings,
    })?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, html).into_response())
}
