//! `GET /designation-programs`: the advisors' page — the organization's programs, the renewal reminders (due within
//! 60 days or lapsed) and every application with its standing.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services::{self, designation_programs as programs};
use crate::state::AppState;
use crate::views::designation::{program_name, standing_words};
use crate::views::{Chrome, render};

pub struct ProgramLine {
    pub id: String,
    pub name: String,
    pub steps: usize,
}

pub struct ApplicationLine {
    pub id: String,
    pub applicant: String,
    pub town: String,
    pub program: String,
    pub standing: String,
    pub received: String,
}

#[derive(Template)]
#[template(path = "designation_programs/list.html")]
struct ListPage {
    chrome: Chrome,
    programs: Vec<ProgramLine>,
    reminders: Vec<ApplicationLine>,
    applications: Vec<ApplicationLine>,
}

pub async fn list_programs(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
) -> WebResult<Html<String>> {
    let t = ctx.t();
    let view = services::designation_programs::advisor_view(&state, &caller).await?;
    let line =
        |(a, program, standing): &(pathways_store::designation_programs::ApplicationRow, String, _)| ApplicationLine {
            id: a.id.to_string(),
            applicant: a.application.organization.clone(),
            town: a.application.town.clone(),
            program: program.clone(),
            standing: standing_words(&t, *standing),
            received: a.created_at.date_naive().to_string(),
        };
    let reminders = programs::reminders(&view).into_iter().map(line).collect();
    let applications = view.applications.iter().map(line).collect();
    render(&ListPage {
        chrome: Chrome::new(&ctx, &state, t.get("rfp-advisors-title")),
        programs: view
            .programs
            .iter()
            .map(|p| ProgramLine {
                id: p.id.to_string(),
                name: program_name(ctx.locale, &p.program),
                steps: p.program.steps.len(),
            })
            .collect(),
        reminders,
        applications,
    })
}
