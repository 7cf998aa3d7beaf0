//! `POST /community/volunteers/{volunteer}/restore`: puts a volunteer taken off the center's roster back on it —
//! the action beside each of them under "No longer on the roster". Their dates and hours are as they were; they are
//! listed and reminded about again. The center's staff, as for the removal (audited the same way); another center's
//! volunteer, or one on the roster, 404.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::VolunteerId;

use crate::error::WebResult;
use crate::extract::{CenterStaff, Empty, InPath, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn restore_volunteer(
    State(state): State<AppState>,
    staff: CenterStaff,
    InPath(id): InPath<VolunteerId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    services::volunteers::restore(&state, &staff.ctx, &staff.caller, id).await?;
    let back = format!("/community/volunteers/{id}");
    Ok(crate::flash::redirect(&state, &back, crate::key!("flash-volunteer-restored")))
}
