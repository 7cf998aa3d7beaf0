//! `POST /recovery-friendly/applications/{link}/evidence/{evidence_file}/remove`: the applicant removes a file they
//! sent with a step's evidence, through their private link, once the box that confirms it is ticked; back to their
//! page with "File removed.". The evidence's text and link stay. A step already accepted keeps its file (422 naming
//! `evidence_file`: "This step is already accepted."), and so does an unticked box (422 naming it). A wrong link, or
//! a file of another application or already removed: 404. Audited (`designation_save`, detail
//! `evidence_file_removed`).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::EvidenceFileId;
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{ApplicationLink, InPath, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RemoveInput {
    confirm_removal: String,
}

pub async fn remove_my_evidence(
    State(state): State<AppState>,
    ctx: Ctx,
    InPath(ApplicationLink(link)): InPath<ApplicationLink>,
    InPath(file): InPath<EvidenceFileId>,
    VerifiedForm(input): VerifiedForm<RemoveInput>,
) -> WebResult<Response> {
    let confirmed = input.confirm_removal == "yes";
    match services::designation_programs::remove_own_evidence_file(&state, &ctx, &link, file, confirmed).await? {
        Ok(()) => Ok(crate::flash::redirect(
            &state,
            &format!("/recovery-friendly/applications/{link}"),
            crate::key!("flash-evidence-file-removed"),
        )),
        Err(errors) => {
            let d = services::designation_programs::by_link(&state, &link).await?;
            super::show_my_application::page(&state, &ctx, &link, &d, Default::default(), &errors)
        }
    }
}
