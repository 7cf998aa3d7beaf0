//! `POST /persons/{id}/service-events/{service_event}/cosign`: a supervisor co-signs a signed service someone
//! else gave (where the payer requires it); anyone else is refused (403, audited).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::ServiceEventId;

use crate::error::{WebError, WebResult};
use crate::extract::{Empty, InPath, Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn cosign_service_event(
    State(state): State<AppState>,
    s: Subject,
    InPath(event): InPath<ServiceEventId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    services::financing::attest(&state, &s.ctx, &s.caller, s.person, event, true).await?;
    Ok(crate::flash::redirect(&state, &format!("{}/service-events", s.base), crate::key!("flash-service-cosigned")))
}
