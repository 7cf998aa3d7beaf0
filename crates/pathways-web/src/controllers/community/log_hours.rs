//! `POST /community/volunteer-hours`: logs hours one of the center's volunteers gave (a date, an activity, the
//! hours in quarter hours); a volunteer not on the center's roster, like any other problem, is named (422).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::volunteers::Hours;
use serde::Deserialize;

use super::list_volunteers::{Typed, page};
use crate::error::{WebError, WebResult};
use crate::extract::{CenterStaff, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct HoursInput {
    volunteer: String,
    date: String,
    activity: String,
    hours: String,
}

pub async fn log_hours(
    State(state): State<AppState>,
    staff: CenterStaff,
    VerifiedForm(input): VerifiedForm<HoursInput>,
) -> WebResult<Response> {
    let today = services::naloxone::today(&state);
    let typed = Typed {
        name: String::new(),
        volunteer: input.volunteer.clone(),
        date: input.date.clone(),
        activity: input.activity.clone(),
        hours: input.hours.clone(),
    };
    let errors = match Hours::parse(&input.date, &input.activity, &input.hours, today) {
        Ok(h) => {
            let volunteer = input.volunteer.trim().parse().ok();
            match services::volunteers::log_hours(&state, &staff.ctx, &staff.caller, volunteer, &h).await {
                Ok(()) => {
                    return Ok(crate::flash::redirect(&state, "/community/volunteers", crate::key!("flash-saved")));
                }
                Err(WebError::Invalid(errors)) => errors,
                Err(e) => return Err(e),
            }
        }
        Err(errors) => errors,
    };
    page(&state, &staff.ctx, &staff.caller, typed, &errors).await
}
