//! `POST /recovery-friendly/programs/{designation_program}`: an organization applies (no account). The answer is the
//! confirmation page with the private link — shown this once, with the advice to keep it (only its hash is kept, so
//! it can't be shown again). Problems: the program's page again (422).

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use pathways_domain::community::designation::{Application, ApplicationForm};
use pathways_domain::ids::DesignationProgramId;
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{InPath, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ApplicationInput {
    organization: String,
    town: String,
    contact_name: String,
    contact_email: String,
}

#[derive(Template)]
#[template(path = "recovery_friendly/applied.html")]
struct AppliedPage {
    chrome: Chrome,
    /// The private link's whole address.
    link: String,
    path: String,
}

pub async fn apply_program(
    State(state): State<AppState>,
    ctx: Ctx,
    InPath(id): InPath<DesignationProgramId>,
    VerifiedForm(input): VerifiedForm<ApplicationInput>,
) -> WebResult<Response> {
    let program = services::designation_programs::public_program(&state, id).await?;
    let form = ApplicationForm {
        organization: input.organization,
        town: input.town,
        contact_name: input.contact_name,
        contact_email: input.contact_email,
    };
    match Application::parse(&form) {
        Ok(a) => {
            let token = services::designation_programs::apply(&state, &ctx, id, &a).await?;
            let t = ctx.t();
            let path = format!("/recovery-friendly/applications/{token}");
            let base = state.config.public_url.as_deref().unwrap_or_default().trim_end_matches('/');
            let page = AppliedPage {
                chrome: Chrome::new(&ctx, &state, t.get("rfp-applied-title")),
                link: format!("{base}{path}"),
                path,
            };
            Ok(render(&page)?.into_response())
        }
        Err(errors) => super::show_program::page(&state, &ctx, &program, form, &errors),
    }
}
