//! `POST /community/events/{event}`: saves a change to one of the center's groups or events (or cancels it);
//! another center's is not found.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::EventDetails;
use pathways_domain::ids::CommunityEventId;

use crate::error::WebResult;
use crate::extract::{CenterStaff, InPath, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn update_event(
    State(state): State<AppState>,
    staff: CenterStaff,
    InPath(id): InPath<CommunityEventId>,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    // Not another center's gathering, even to show the form's errors.
    services::community::gathering(&state, &staff.caller, id).await?;
    let (form, cancelled) = super::form::from_pairs(&pairs);
    let details = match EventDetails::parse(&form) {
        Ok(d) => d,
        Err(errors) => {
            return super::form::page(&state, &staff.ctx, Some(id.to_string()), form, cancelled, &errors);
        }
    };
    services::community::update_gathering(&state, &staff.ctx, &staff.caller, id, &details, cancelled).await?;
    Ok(crate::flash::redirect(&state, "/community/events", crate::key!("flash-saved")))
}
