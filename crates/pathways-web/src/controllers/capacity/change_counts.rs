//! `POST /programs/{id}/counts`: one tap on the provider's page (one more or one fewer open bed or person
//! waiting, "still right", or both numbers typed).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::ProgramId;
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::{InPath, ProviderStaff, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CountsForm {
    pub change: String,
    pub open_beds: String,
    pub waitlist: String,
}

pub async fn change_counts(
    State(state): State<AppState>,
    staff: ProviderStaff,
    InPath(program): InPath<ProgramId>,
    VerifiedForm(form): VerifiedForm<CountsForm>,
) -> WebResult<Response> {
    let step = services::capacity::step_of(&form.change, &form.open_beds, &form.waitlist);
    services::capacity::update_counts(&state, &staff.ctx, &staff.caller, program, step).await?;
    Ok(crate::flash::redirect(&state, &format!("/programs#program-{program}"), crate::key!("flash-saved")))
}
