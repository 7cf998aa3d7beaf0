//! `POST /persons/{id}/service-events/{service_event}/sign`: the staff member who gave the service signs their
//! draft (a voucher's units are taken then; too few left: 409, nothing changes).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::ServiceEventId;

use crate::error::{WebError, WebResult};
use crate::extract::{Empty, InPath, Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn sign_service_event(
    State(state): State<AppState>,
    s: Subject,
    InPath(event): InPath<ServiceEventId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    services::financing::attest(&state, &s.ctx, &s.caller, s.person, event, false).await?;
    Ok(crate::flash::redirect(&state, &format!("{}/service-events", s.base), crate::key!("flash-service-signed")))
}
