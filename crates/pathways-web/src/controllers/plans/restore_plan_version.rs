//! `POST …/plan/versions/{version}/restore`: saves an earlier version's content as the newest version.

use axum::extract::State;
use axum::response::Response;

use super::forms::Fields;
use crate::error::WebResult;
use crate::extract::{InPath, Subject, VerifiedForm, VersionNo};
use crate::services;
use crate::state::AppState;

pub async fn restore_plan_version(
    State(state): State<AppState>,
    s: Subject,
    InPath(wanted): InPath<VersionNo>,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let from = Fields(pairs).version();
    services::plans::restore(&state, &s.ctx, &s.caller, s.person, wanted.0, from).await?;
    Ok(crate::flash::redirect(&state, &format!("{}/plan", s.base), crate::key!("flash-restored")))
}
