//! `GET …/plan/edit`: the pathways the person chooses, their stage, and the review date.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::plan::{Pathway, PlanContent, Stage};

use super::view::{pathway_name, stage_name};
use crate::error::WebResult;
use crate::extract::Subject;
use crate::i18n::Tr;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "plans/plan_form.html")]
pub struct PlanFormPage {
    pub chrome: Chrome,
    pub action: String,
    pub cancel_href: String,
    pub version: i32,
    /// (value, label, checked)
    pub pathways: Vec<(&'static str, String, bool)>,
    pub pathway_other: String,
    /// (value, label, checked)
    pub stages: Vec<(&'static str, String, bool)>,
    pub review_date: String,
    pub errors: Vec<(String, String)>,
    pub conflict: bool,
}

impl PlanFormPage {
    pub fn new(t: Tr, chrome: Chrome, base: &str, content: &PlanContent, version: i32) -> Self {
        Self {
            chrome,
            action: format!("{base}/plan"),
            cancel_href: format!("{base}/plan"),
            version,
            pathways: Pathway::ALL
                .into_iter()
                .map(|p| (p.as_str(), pathway_name(t, p), content.pathways.contains(&p)))
                .collect(),
            pathway_other: content.pathway_other.clone(),
            stages: Stage::ALL
                .into_iter()
                .map(|st| (st.as_str(), stage_name(t, st), content.stage == Some(st)))
                .collect(),
            review_date: content.review_date.map(|d| d.to_string()).unwrap_or_default(),
            errors: Vec::new(),
            conflict: false,
        }
    }
}

pub async fn edit_plan(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    let plan = services::plans::current(&state, &s.ctx, &s.caller, s.person).await?;
    let t = s.ctx.t();
    let version = plan.as_ref().map_or(0, |p| p.version);
    let content = plan.map(|p| p.content).unwrap_or_default();
    let chrome = Chrome::new(&s.ctx, &state, t.get("plan-edit-overview"));
    render(&PlanFormPage::new(t, chrome, &s.base, &content, version))
}
