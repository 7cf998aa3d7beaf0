//! `POST /me/consents/{consent}/revoke` (the person, in their portal) and `POST /persons/{id}/consents/{consent}/
//! revoke` (staff, on the person's written request). In force for the very next request: the gate reads
//! consents in each disclosure's own transaction, with no cache.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::ConsentId;

use crate::error::WebResult;
use crate::extract::{Empty, InPath, Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn revoke_consent(
    State(state): State<AppState>,
    s: Subject,
    InPath(consent): InPath<ConsentId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    services::consents::revoke(&state, &s.ctx, &s.caller, s.person, consent, s.is_self).await?;
    Ok(crate::flash::redirect(&state, &format!("{}/consents", s.base), crate::key!("flash-consent-revoked")))
}
