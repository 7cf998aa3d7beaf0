//! `POST /residences/{id}`: saves the residence's details and its directory listing (the organization's own, or
//! the one linked now; audited `residence_update`); a problem re-shows the form with each field named (422).
//! Another organization's residence is not found, even to show the errors.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::ResidenceId;

use super::form::Target;
use crate::error::WebResult;
use crate::extract::{InPath, ProviderStaff, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn update_residence(
    State(state): State<AppState>,
    staff: ProviderStaff,
    InPath(id): InPath<ResidenceId>,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let form = super::form::from_pairs(&pairs);
    let listing = super::form::listing_of(&pairs);
    match services::housing::update_residence(&state, &staff.ctx, &staff.caller, id, &form, Some(&listing)).await? {
        Ok(_) => Ok(crate::flash::redirect(&state, &format!("/residences#residence-{id}"), crate::key!("flash-saved"))),
        Err(errors) => {
            let target = Target::Existing(id);
            super::form::page(&state, &staff.ctx, &staff.caller, target, form, String::new(), listing, &errors).await
        }
    }
}
