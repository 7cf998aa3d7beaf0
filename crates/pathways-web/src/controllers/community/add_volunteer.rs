//! `POST /community/volunteers`: adds someone who agreed to be listed to the center's volunteer roster; back with
//! every problem named (422).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::volunteers::Volunteer;
use serde::Deserialize;

use super::list_volunteers::{Typed, page};
use crate::error::WebResult;
use crate::extract::{CenterStaff, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VolunteerInput {
    name: String,
    agreed_to_list: String,
}

pub async fn add_volunteer(
    State(state): State<AppState>,
    staff: CenterStaff,
    VerifiedForm(input): VerifiedForm<VolunteerInput>,
) -> WebResult<Response> {
    let today = services::naloxone::today(&state);
    match Volunteer::parse(&input.name, input.agreed_to_list == "true", today) {
        Ok(v) => {
            services::volunteers::add_volunteer(&state, &staff.ctx, &staff.caller, &v).await?;
            Ok(crate::flash::redirect(&state, "/community/volunteers", crate::key!("flash-saved")))
        }
        Err(errors) => {
            let typed = Typed { name: input.name, date: today.to_string(), ..Typed::default() };
            page(&state, &staff.ctx, &staff.caller, typed, &errors).await
        }
    }
}
