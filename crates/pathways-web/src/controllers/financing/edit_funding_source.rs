//! `GET /financing/sources/{funding_source}`: a funding source's form, filled with its terms (administrators;
//! another organization's source is not found). Its kind stays. Saving (`update_funding_source`) re-renders it
//! with its errors (`page`).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::financing::setup::RawFundingSource;
use pathways_domain::ids::FundingSourceId;

use crate::error::WebResult;
use crate::extract::{InPath, SignedIn};
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "financing/source.html")]
pub struct SourcePage {
    pub chrome: Chrome,
    pub heading: String,
    pub action: String,
    pub errors: Vec<(String, String)>,
    pub failed: String,
    pub source: RawFundingSource,
    pub profile_choices: Vec<(String, String)>,
    pub kind_fixed: bool,
}

pub async fn edit_funding_source(
    State(state): State<AppState>,
    s: SignedIn,
    InPath(id): InPath<FundingSourceId>,
) -> WebResult<Html<String>> {
    let row = services::funding::source(&state, &s.ctx, &s.caller, id).await?;
    let raw = RawFundingSource::of(&row.name, row.profile, &row.funding);
    render(&page(&state, &s, id, Vec::new(), raw).await?)
}

/// The form, with what was typed and its errors.
pub async fn page(
    state: &AppState,
    s: &SignedIn,
    id: FundingSourceId,
    errors: Vec<(String, String)>,
    source: RawFundingSource,
) -> WebResult<SourcePage> {
    let setup = services::funding::overview(state, &s.ctx, &s.caller).await?;
    let heading = s.ctx.t().get("funding-edit-source");
    Ok(SourcePage {
        chrome: Chrome::new(&s.ctx, state, heading.clone()),
        heading,
        action: format!("/financing/sources/{id}"),
        errors,
        failed: "source".into(),
        source,
        profile_choices: setup.profiles.iter().map(|p| (p.id.to_string(), p.profile.name.clone())).collect(),
        kind_fixed: true,
    })
}
