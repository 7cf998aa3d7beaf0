//! `POST /designation-applications/{application}/trainings`: an advisor attaches a training their organization
//! recorded (`/community/trainings`) to an application, so it counts toward the trainings the program requires;
//! back to the application, or its page with the problem (422). Another organization's application: 404; another
//! organization's training: a field error. Audited (`designation_save`, detail `training_attached`).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::DesignationApplicationId;
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::{InPath, SignedIn, VerifiedForm};
use crate::services::designation_programs as programs;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AttachInput {
    training: String,
}

pub async fn attach_training(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<DesignationApplicationId>,
    VerifiedForm(input): VerifiedForm<AttachInput>,
) -> WebResult<Response> {
    match programs::attach_training(&state, &ctx, &caller, id, &input.training).await? {
        Ok(()) => Ok(crate::flash::redirect(
            &state,
            &format!("/designation-applications/{id}#trainings"),
            crate::key!("flash-saved"),
        )),
        Err(errors) => {
            let d = programs::application(&state, &caller, id).await?;
            super::show_application::page(&state, &ctx, &d, &errors)
        }
    }
}
