//! `POST /residences/{id}/report`: the weekly bed report, one tap (one more or one fewer bed open, "still right",
//! or the number typed), with the antagonist doses on site when typed.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::ResidenceId;
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::{InPath, ProviderStaff, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    pub change: String,
    pub available_beds: String,
    pub naloxone_doses: String,
}

pub async fn report_beds(
    State(state): State<AppState>,
    staff: ProviderStaff,
    InPath(residence): InPath<ResidenceId>,
    VerifiedForm(form): VerifiedForm<ReportForm>,
) -> WebResult<Response> {
    let tap = services::housing::tap_of(&form.change, &form.available_beds);
    let doses = services::housing::doses_of(&form.naloxone_doses);
    services::housing::report_beds(&state, &staff.ctx, &staff.caller, residence, tap, doses).await?;
    Ok(crate::flash::redirect(
        &state,
        &format!("/residences#residence-{residence}"),
        crate::key!("residences-reported"),
    ))
}
