//! `POST …/plan/versions/{version}/restore`: saves an earlier version's content as the newest version.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Response;
use pathways_domain::audit::AuditAction;
use pathways_store::plans::{self, SaveOutcome};

use super::forms::Fields;
use crate::access::{PersonTx, open_person};
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::extract::VerifiedForm;
use crate::state::AppState;

pub async fn restore_plan_version(
    State(state): State<AppState>,
    s: Subject,
    Path(params): Path<HashMap<String, String>>,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let wanted: i32 = params.get("version").and_then(|v| v.parse().ok()).ok_or(WebError::NotFound)?;
    let f = Fields(pairs);
    let PersonTx { tx, scope, .. } = open_person(&state, &s.ctx, &s.caller, s.person, AuditAction::PlanRestore).await?;
    let old = plans::version(&tx, &scope, s.person, wanted).await?.ok_or(WebError::NotFound)?;
    match plans::save(&tx, &scope, s.person, f.version(), &old.content, super::author(&s.caller, Some(wanted))).await? {
        SaveOutcome::Saved(_) => {
            tx.commit().await?;
            Ok(crate::flash::redirect(&state, &format!("{}/plan", s.base), crate::key!("flash-restored")))
        }
        SaveOutcome::Stale(_) => Err(WebError::Conflict("version")),
    }
}
