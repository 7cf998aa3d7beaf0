//! `POST /designation-applications/{application}/designate`: designates the applicant today once every step is
//! accepted (a designated one: its renewal from today); it appears on the public list. Otherwise back with the
//! problem (422). Another organization's application: 404.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::DesignationApplicationId;

use crate::error::WebResult;
use crate::extract::{Empty, InPath, SignedIn, VerifiedForm};
use crate::services::designation_programs as programs;
use crate::state::AppState;

pub async fn designate_application(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<DesignationApplicationId>,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Response> {
    match programs::designate(&state, &ctx, &caller, id).await? {
        Ok(()) => {
            Ok(crate::flash::redirect(&state, &format!("/designation-applications/{id}"), crate::key!("flash-saved")))
        }
        Err(errors) => {
            let d = programs::application(&state, &caller, id).await?;
            super::show_application::page(&state, &ctx, &d, &errors)
        }
    }
}
