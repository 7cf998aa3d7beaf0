//! `POST /designation-applications/{application}/link`: a new private link for an applicant who lost theirs. Only
//! the SHA-256 of a link's token is kept, so the old link can't be shown again: a new token replaces it (the old
//! link then opens nothing) and the answer shows the new link this once, for the advisor to pass on. The program
//! owner's administrators and supervisors; another organization's application: 404. Audited (`new_link`).

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use pathways_domain::ids::DesignationApplicationId;

use crate::error::WebResult;
use crate::extract::{Empty, InPath, SignedIn, VerifiedForm};
use crate::services::designation_programs as programs;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "designation_programs/new_link.html")]
struct NewLinkPage {
    chrome: Chrome,
    applicant: String,
    /// The application's page (back).
    id: String,
    /// The private link's whole address, and its path.
    link: String,
    path: String,
}

pub async fn reissue_link(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<DesignationApplicationId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    let (d, token) = programs::reissue_link(&state, &ctx, &caller, id).await?;
    let t = ctx.t();
    let path = format!("/recovery-friendly/applications/{token}");
    let base = state.config.public_url.as_deref().unwrap_or_default().trim_end_matches('/');
    let applicant = d.application.application.organization.clone();
    let page = NewLinkPage {
        chrome: Chrome::new(&ctx, &state, t.args("rfp-new-link-title", &[("name", applicant.clone())])),
        applicant,
        id: id.to_string(),
        link: format!("{base}{path}"),
        path,
    };
    Ok(render(&page)?.into_response())
}
