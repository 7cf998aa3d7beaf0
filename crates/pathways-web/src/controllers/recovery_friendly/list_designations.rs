//! `GET /recovery-friendly`: the public list of designated workplaces and communities — what, where, since when
//! and by whom — newest first. No sign-in; the base layout keeps the crisis line.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::community::volunteers::DesignationKind;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct DesignationLine {
    pub name: String,
    pub town: String,
    pub designated_on: String,
    pub designated_by: String,
}

#[derive(Template)]
#[template(path = "recovery_friendly/list.html")]
struct ListPage {
    chrome: Chrome,
    communities: Vec<DesignationLine>,
    workplaces: Vec<DesignationLine>,
    /// The caller may record designations (the form's link is shown only then).
    recorder: bool,
    /// The designation programs one may apply to: (id, name in the reader's language).
    programs: Vec<(String, String)>,
}

pub async fn list_designations(State(state): State<AppState>, ctx: Ctx) -> WebResult<Html<String>> {
    let t = ctx.t();
    let rows = services::volunteers::designations(&state, &Default::default()).await?;
    let lines = |kind: DesignationKind| -> Vec<DesignationLine> {
        rows.iter()
            .filter(|r| r.designation.kind == kind)
            .map(|r| DesignationLine {
                name: r.designation.name.clone(),
                town: r.designation.town.clone().unwrap_or_default(),
                designated_on: r.designation.designated_on.to_string(),
                designated_by: r.designation.designated_by.clone(),
            })
            .collect()
    };
    render(&ListPage {
        chrome: Chrome::new(&ctx, &state, t.get("friendly-title")),
        communities: lines(DesignationKind::Community),
        workplaces: lines(DesignationKind::Workplace),
        recorder: ctx.caller.as_ref().is_some_and(|c| services::volunteers::may_record(c).is_ok()),
        programs: services::designation_programs::public_programs(&state)
            .await?
            .iter()
            .map(|p| (p.id.to_string(), crate::views::designation::program_name(ctx.locale, &p.program)))
            .collect(),
    })
}
