//! `POST /community/events`: adds a group or event to the center; back with every problem named (422).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::EventDetails;

use crate::error::WebResult;
use crate::extract::{CenterStaff, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn create_event(
    State(state): State<AppState>,
    staff: CenterStaff,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let (form, _) = super::form::from_pairs(&pairs);
    let details = match EventDetails::parse(&form) {
        Ok(d) => d,
        Err(errors) => return super::form::page(&state, &staff.ctx, None, form, false, &errors),
    };
    services::community::create_gathering(&state, &staff.ctx, &staff.caller, &details).await?;
    Ok(crate::flash::redirect(&state, "/community/events", crate::key!("flash-created")))
}
