//! `GET /residences/new`: a blank residence's details for its operator to fill in (the residence will be their
//! organization's), with the beds open now as its optional first report and a choice of its organization's own
//! directory listings to link it to.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::housing::form::ResidenceForm;

use super::form::Target;
use crate::error::WebResult;
use crate::extract::ProviderStaff;
use crate::state::AppState;

pub async fn new_residence(State(state): State<AppState>, staff: ProviderStaff) -> WebResult<Response> {
    let blank = ResidenceForm::default();
    super::form::page(&state, &staff.ctx, &staff.caller, Target::New, blank, String::new(), String::new(), &[]).await
}
