//! `POST /community/volunteers/{volunteer}/dates`: records, changes or clears a volunteer's background check's and
//! training's last valid days (blank: nothing recorded); a date it can't read, or too far back or ahead, is named
//! (422, the volunteer's page again); another center's volunteer, or one off the roster, 404.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::volunteers::ValidUntil;
use pathways_domain::ids::VolunteerId;
use serde::Deserialize;

use super::show_volunteer::{TypedDates, page};
use crate::error::WebResult;
use crate::extract::{CenterStaff, InPath, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DatesInput {
    background_check_until: String,
    training_until: String,
}

pub async fn update_volunteer_dates(
    State(state): State<AppState>,
    staff: CenterStaff,
    InPath(id): InPath<VolunteerId>,
    VerifiedForm(input): VerifiedForm<DatesInput>,
) -> WebResult<Response> {
    let today = services::naloxone::today(&state);
    match ValidUntil::parse(&input.background_check_until, &input.training_until, today) {
        Ok(dates) => {
            services::volunteers::set_valid_until(&state, &staff.ctx, &staff.caller, id, dates).await?;
            Ok(crate::flash::redirect(&state, "/community/volunteers", crate::key!("flash-saved")))
        }
        Err(errors) => {
            let typed = TypedDates {
                background_check_until: input.background_check_until,
                training_until: input.training_until,
            };
            page(&state, &staff.ctx, &staff.caller, id, Some(typed), &errors).await
        }
    }
}
