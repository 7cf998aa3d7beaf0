//! `GET /residences/{id}/edit`: the residence's details, filled, for its operator to change; another
//! organization's residence is not found.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::housing::form::ResidenceForm;
use pathways_domain::ids::ResidenceId;

use super::form::Target;
use crate::error::WebResult;
use crate::extract::{InPath, ProviderStaff};
use crate::services;
use crate::state::AppState;

pub async fn edit_residence(
    State(state): State<AppState>,
    staff: ProviderStaff,
    InPath(id): InPath<ResidenceId>,
) -> WebResult<Response> {
    let r = services::housing::residence(&state, &staff.caller, id).await?;
    let form = ResidenceForm::of(&r.details());
    let listing = r.service_id.map(|s| s.to_string()).unwrap_or_default();
    super::form::page(&state, &staff.ctx, &staff.caller, Target::Existing(id), form, String::new(), listing, &[]).await
}
