//! `POST /community/trainings`: records a training the center held (type, date, how many attended, where);
//! back with every problem named (422).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::naloxone::{NaloxoneForm, Training, TrainingForm};
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::{CenterStaff, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TrainingInput {
    kind: String,
    held_on: String,
    attendees: String,
    training_place: String,
}

pub async fn record_training(
    State(state): State<AppState>,
    staff: CenterStaff,
    VerifiedForm(input): VerifiedForm<TrainingInput>,
) -> WebResult<Response> {
    let form = TrainingForm {
        kind: input.kind,
        held_on: input.held_on,
        attendees: input.attendees,
        place: input.training_place,
    };
    match Training::parse(&form, services::naloxone::today(&state)) {
        Ok(t) => {
            services::naloxone::record_training(&state, &staff.ctx, &staff.caller, &t).await?;
            Ok(crate::flash::redirect(&state, "/community/naloxone", crate::key!("flash-saved")))
        }
        Err(errors) => {
            let naloxone =
                NaloxoneForm { date: services::naloxone::today(&state).to_string(), ..NaloxoneForm::default() };
            super::show_naloxone::page(&state, &staff.ctx, &staff.caller, form, naloxone, &errors).await
        }
    }
}
