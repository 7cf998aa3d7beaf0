//! `GET /recovery-friendly/applications/{link}/evidence/{evidence_file}`: the applicant downloads a file they sent
//! with their evidence, through their private link (a wrong link, or a file of another application: 404); as an
//! attachment, with its type and `nosniff`. Audited (`designation_file_read`).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::EvidenceFileId;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{ApplicationLink, InPath};
use crate::services;
use crate::state::AppState;

pub async fn download_my_evidence(
    State(state): State<AppState>,
    ctx: Ctx,
    InPath(ApplicationLink(link)): InPath<ApplicationLink>,
    InPath(file): InPath<EvidenceFileId>,
) -> WebResult<Response> {
    let f = services::designation_programs::own_evidence_file(&state, &ctx, &link, file).await?;
    crate::views::designation::file_response(f)
}
