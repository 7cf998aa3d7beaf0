//! `POST /designation-applications/{application}/trainings/{training}/detach`: an advisor detaches a training
//! attached to an application by mistake, once the box that confirms it is ticked (unticked: named, 422, the
//! application's page again); back to the application with "Training detached.". It no longer counts toward the
//! trainings the program requires; the training itself stays recorded. Another organization's application, or a
//! training not attached to this one: 404. Audited (`designation_save`, detail `training_detached`).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::{DesignationApplicationId, TrainingId};
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::{InPath, SignedIn, VerifiedForm};
use crate::services::designation_programs as programs;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DetachInput {
    confirm_detach: String,
}

pub async fn detach_training(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<DesignationApplicationId>,
    InPath(training): InPath<TrainingId>,
    VerifiedForm(input): VerifiedForm<DetachInput>,
) -> WebResult<Response> {
    let confirmed = input.confirm_detach == "yes";
    match programs::detach_training(&state, &ctx, &caller, id, training, confirmed).await? {
        Ok(()) => Ok(crate::flash::redirect(
            &state,
            &format!("/designation-applications/{id}#trainings"),
            crate::key!("flash-training-detached"),
        )),
        Err(errors) => {
            let d = programs::application(&state, &caller, id).await?;
            super::show_application::page(&state, &ctx, &d, &errors)
        }
    }
}
