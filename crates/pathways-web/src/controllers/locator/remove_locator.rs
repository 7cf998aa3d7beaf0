//! `POST /persons/{id}/locator/{detail}/remove` and `POST /me/locator/{detail}/remove`: a detail withdrawn (the
//! person no longer consents, or it no longer works). The row is kept, marked removed, for the record.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::LocatorId;

use crate::error::WebResult;
use crate::extract::{Empty, InPath, Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn remove_locator(
    State(state): State<AppState>,
    s: Subject,
    InPath(detail): InPath<LocatorId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    services::locator::remove(&state, &s.ctx, &s.caller, s.person, detail).await?;
    Ok(crate::flash::redirect(&state, &format!("{}/locator", s.base), crate::key!("flash-locator-removed")))
}
