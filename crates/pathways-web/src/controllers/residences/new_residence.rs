//! `GET /residences/new`: a blank residence's details for its operator to fill in (the residence will be their
//! organization's), with the beds open now as its optional first report.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::housing::form::ResidenceForm;

use super::form::Target;
use crate::error::WebResult;
use crate::extract::ProviderStaff;
use crate::state::AppState;

pub async fn new_residence(State(state): State<AppState>, staff: ProviderStaff) -> WebResult<Response> {
    super::form::page(&state, &staff.ctx, Target::New, ResidenceForm::default(), String::new(), &[])
}
