//! `GET /community/naloxone`: the center's trainings and its naloxone figures — kits given out and reversals
//! reported, counts only — with a form for each. The two POST handlers re-render this page with their form's
//! problems (`page`).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::community::naloxone::{NaloxoneForm, TrainingForm, TrainingKind};
use pathways_domain::text::FieldError;

use crate::ctx::{Caller, Ctx};
use crate::error::WebResult;
use crate::extract::CenterStaff;
use crate::services;
use crate::state::AppState;
use crate::views::community::training_kind_words;
use crate::views::{Chrome, field_messages, render};

pub struct TrainingLine {
    pub date: String,
    pub kind: String,
    pub attendees: u32,
    pub place: String,
}

pub struct ReportLine {
    pub date: String,
    pub kits: u32,
    pub reversals: u32,
}

#[derive(Template)]
#[template(path = "community/naloxone.html")]
struct NaloxonePage {
    chrome: Chrome,
    errors: Vec<(String, String)>,
    training: TrainingForm,
    naloxone: NaloxoneForm,
    /// (code, words, chosen)
    kinds: Vec<(String, String, bool)>,
    today: String,
    trainings: Vec<TrainingLine>,
    reports: Vec<ReportLine>,
}

/// The page, with the forms as typed and their problems (422 when there are any).
pub async fn page(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    training: TrainingForm,
    naloxone: NaloxoneForm,
    errors: &[FieldError],
) -> WebResult<Response> {
    let t = ctx.t();
    let (trainings, reports) = services::naloxone::center_figures(state, caller).await?;
    let today = services::naloxone::today(state);
    let kinds = TrainingKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), training_kind_words(&t, *k), training.kind == k.code()))
        .collect();
    let html = render(&NaloxonePage {
        chrome: Chrome::new(ctx, state, t.get("naloxone-title")),
        errors: field_messages(&t, errors),
        training,
        naloxone,
        kinds,
        today: today.to_string(),
        trainings: trainings
            .into_iter()
            .map(|r| TrainingLine {
                date: r.training.held_on.to_string(),
                kind: training_kind_words(&t, r.training.kind),
                attendees: r.training.attendees,
                place: r.training.place.unwrap_or_default(),
            })
            .collect(),
        reports: reports
            .into_iter()
            .map(|r| ReportLine { date: r.report.on.to_string(), kits: r.report.kits, reversals: r.report.reversals })
            .collect(),
    })?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, html).into_response())
}

pub async fn show_naloxone(State(state): State<AppState>, staff: CenterStaff) -> WebResult<Response> {
    let today = services::naloxone::today(&state).to_string();
    let training = TrainingForm { held_on: today.clone(), ..TrainingForm::default() };
    let naloxone = NaloxoneForm { date: today, ..NaloxoneForm::default() };
    page(&state, &staff.ctx, &staff.caller, training, naloxone, &[]).await
}
