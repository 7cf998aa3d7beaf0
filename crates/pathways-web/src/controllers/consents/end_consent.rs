//! `POST /persons/{id}/consents/{consent}/end`: staff record that a consent's expiry event ("end of treatment")
//! has happened; the consent ends now, as a revocation does.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::ConsentId;

use crate::error::WebResult;
use crate::extract::{Empty, InPath, Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn end_consent(
    State(state): State<AppState>,
    s: Subject,
    InPath(consent): InPath<ConsentId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    services::consents::end_on_event(&state, &s.ctx, &s.caller, s.person, consent).await?;
    Ok(crate::flash::redirect(&state, &format!("{}/consents", s.base), crate::key!("flash-consent-ended")))
}
