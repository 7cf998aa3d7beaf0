//! `POST /recovery-friendly/applications/{link}`: the applicant submits evidence for one step (text and an optional
//! `https:` link) through their private link; back to their page, or the page with every problem (422). A wrong link:
//! 404.

use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{ApplicationLink, InPath, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EvidenceInput {
    step: String,
    text: String,
    link: String,
}

pub async fn submit_evidence(
    State(state): State<AppState>,
    ctx: Ctx,
    InPath(ApplicationLink(link)): InPath<ApplicationLink>,
    VerifiedForm(input): VerifiedForm<EvidenceInput>,
) -> WebResult<Response> {
    let saved =
        services::designation_programs::submit_evidence(&state, &ctx, &link, &input.step, &input.text, &input.link)
            .await?;
    match saved {
        Ok(()) => Ok(crate::flash::redirect(
            &state,
            &format!("/recovery-friendly/applications/{link}"),
            crate::key!("flash-saved"),
        )),
        Err(errors) => {
            let d = services::designation_programs::by_link(&state, &link).await?;
            super::show_my_application::page(&state, &ctx, &link, &d, (input.step, input.text, input.link), &errors)
        }
    }
}
