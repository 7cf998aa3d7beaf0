//! `POST /residences`: adds a residence to the caller's organization's registry (audited `residence_save`, and
//! `residence_report` when the beds open now are given), linked to the directory listing chosen (the
//! organization's own only); a problem re-shows the form with each field named (422).

use axum::extract::State;
use axum::response::Response;

use super::form::Target;
use crate::error::WebResult;
use crate::extract::{ProviderStaff, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn create_residence(
    State(state): State<AppState>,
    staff: ProviderStaff,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let form = super::form::from_pairs(&pairs);
    let open_beds = super::form::open_beds_of(&pairs);
    let listing = super::form::listing_of(&pairs);
    match services::housing::add_residence(&state, &staff.ctx, &staff.caller, &form, &open_beds, &listing).await? {
        Ok(id) => {
            Ok(crate::flash::redirect(&state, &format!("/residences#residence-{id}"), crate::key!("flash-saved")))
        }
        Err(errors) => {
            super::form::page(&state, &staff.ctx, &staff.caller, Target::New, form, open_beds, listing, &errors).await
        }
    }
}
