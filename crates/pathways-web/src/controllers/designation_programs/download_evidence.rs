//! `GET /designation-applications/{application}/evidence/{evidence_file}`: an advisor of the program's owner
//! downloads a file the applicant sent with a step's evidence (another organization's application, or a file of
//! another application: 404; not an advisor: 403); as an attachment, with its type and `nosniff`. Audited
//! (`designation_file_read`).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::{DesignationApplicationId, EvidenceFileId};

use crate::error::WebResult;
use crate::extract::{InPath, SignedIn};
use crate::services::designation_programs as programs;
use crate::state::AppState;

pub async fn download_evidence(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<DesignationApplicationId>,
    InPath(file): InPath<EvidenceFileId>,
) -> WebResult<Response> {
    let f = programs::evidence_file(&state, &ctx, &caller, id, file).await?;
    crate::views::designation::file_response(f)
}
