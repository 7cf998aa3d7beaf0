//! `GET /community/events/new`: the form for a new group or event.

use axum::extract::State;
use axum::response::Response;

use crate::error::WebResult;
use crate::extract::CenterStaff;
use crate::state::AppState;

pub async fn new_event(State(state): State<AppState>, staff: CenterStaff) -> WebResult<Response> {
    let today = pathways_store::now().with_timezone(&state.config.deployment.time_zone).date_naive();
    super::form::page(&state, &staff.ctx, None, super::form::blank(today), false, &[])
}
