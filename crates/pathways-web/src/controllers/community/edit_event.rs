//! `GET /community/events/{event}`: the form for one of the center's groups or events, filled.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::CommunityEventId;

use crate::error::WebResult;
use crate::extract::{CenterStaff, InPath};
use crate::services;
use crate::state::AppState;

pub async fn edit_event(
    State(state): State<AppState>,
    staff: CenterStaff,
    InPath(id): InPath<CommunityEventId>,
) -> WebResult<Response> {
    let g = services::community::gathering(&state, &staff.caller, id).await?;
    super::form::page(&state, &staff.ctx, Some(id.to_string()), super::form::from_gathering(&g), g.cancelled, &[])
}
