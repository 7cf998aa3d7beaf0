//! `POST /community/naloxone`: records a day's naloxone kits given out and reversals reported at the center
//! (counts only); back with every problem named (422).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::naloxone::{NaloxoneForm, NaloxoneReport, TrainingForm};
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::{CenterStaff, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NaloxoneInput {
    date: String,
    kits: String,
    reversals: String,
}

pub async fn record_naloxone(
    State(state): State<AppState>,
    staff: CenterStaff,
    VerifiedForm(input): VerifiedForm<NaloxoneInput>,
) -> WebResult<Response> {
    let form = NaloxoneForm { date: input.date, kits: input.kits, reversals: input.reversals };
    match NaloxoneReport::parse(&form, services::naloxone::today(&state)) {
        Ok(r) => {
            services::naloxone::record_report(&state, &staff.ctx, &staff.caller, &r).await?;
            Ok(crate::flash::redirect(&state, "/community/naloxone", crate::key!("flash-saved")))
        }
        Err(errors) => {
            let training =
                TrainingForm { held_on: services::naloxone::today(&state).to_string(), ..TrainingForm::default() };
            super::show_naloxone::page(&state, &staff.ctx, &staff.caller, training, form, &errors).await
        }
    }
}
