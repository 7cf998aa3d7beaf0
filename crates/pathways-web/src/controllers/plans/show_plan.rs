//! `GET /persons/{id}/plan` and `GET /me/plan`: the recovery plan across the four dimensions.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::view::{DimensionView, dimensions, pathway_name, stage_name};
use crate::error::WebResult;
use crate::extract::Subject;
use crate::services;
use crate::services::plans::Shown;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "plans/show.html")]
struct PlanPage {
    chrome: Chrome,
    heading: String,
    base: String,
    version_line: String,
    pathways: Vec<String>,
    stage: String,
    review: String,
    review_due: bool,
    dimensions: Vec<DimensionView>,
    has_plan: bool,
}

pub async fn show_plan(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    let Shown { person: record, plan, author } = services::plans::shown(&state, &s.ctx, &s.caller, s.person).await?;

    let t = s.ctx.t();
    let content = plan.as_ref().map(|p| p.content.clone()).unwrap_or_default();
    let heading =
        if s.is_self { t.get("plan-title-mine") } else { t.arg("plan-title-of", "name", &record.preferred_name) };
    let version_line = match &plan {
        Some(p) => format!(
            "{} {} · {} {} · {}",
            t.get("plan-version"),
            p.version,
            t.get("plan-saved-by"),
            author.unwrap_or_default(),
            p.created_at.format("%Y-%m-%d %H:%M UTC")
        ),
        None => t.get("plan-empty"),
    };
    let page = PlanPage {
        chrome: Chrome::new(&s.ctx, &state, heading.clone()),
        heading,
        version_line,
        pathways: content
            .pathways
            .iter()
            .map(|p| {
                let name = pathway_name(t, *p);
                if *p == pathways_domain::plan::Pathway::Other && !content.pathway_other.is_empty() {
                    format!("{name}: {}", content.pathway_other)
                } else {
                    name
                }
            })
            .collect(),
        stage: content.stage.map(|st| stage_name(t, st)).unwrap_or_default(),
        review: content.review_date.map(|d| d.to_string()).unwrap_or_default(),
        review_due: content.review_due(crate::clock::today()),
        dimensions: dimensions(t, &s.base, &content),
        has_plan: plan.is_some(),
        base: s.base,
    };
    render(&page)
}
