//! `POST /community/volunteers/{volunteer}/remove`: takes a volunteer off the center's roster once the box that
//! confirms it is ticked (unticked: named, 422, the volunteer's page again). They leave the roster and its
//! reminders; the hours they gave stay in the center's total. Another center's volunteer, or one already off the
//! roster, 404.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::volunteers::confirm_removal;
use pathways_domain::ids::VolunteerId;
use serde::Deserialize;

use super::show_volunteer::page;
use crate::error::WebResult;
use crate::extract::{CenterStaff, InPath, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RemoveInput {
    confirm_removal: String,
}

pub async fn remove_volunteer(
    State(state): State<AppState>,
    staff: CenterStaff,
    InPath(id): InPath<VolunteerId>,
    VerifiedForm(input): VerifiedForm<RemoveInput>,
) -> WebResult<Response> {
    match confirm_removal(input.confirm_removal == "true") {
        Ok(()) => {
            services::volunteers::remove(&state, &staff.ctx, &staff.caller, id).await?;
            Ok(crate::flash::redirect(&state, "/community/volunteers", crate::key!("flash-volunteer-removed")))
        }
        Err(e) => page(&state, &staff.ctx, &staff.caller, id, None, &[e]).await,
    }
}
