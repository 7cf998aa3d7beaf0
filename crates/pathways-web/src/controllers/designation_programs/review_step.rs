//! `POST /designation-applications/{application}/review`: an advisor accepts a step (every checklist item confirmed)
//! or returns it with a note; back with every problem (422). Another organization's application: 404.

use std::collections::HashMap;

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::designation::MAX_CHECKLIST;
use pathways_domain::ids::DesignationApplicationId;

use crate::error::WebResult;
use crate::extract::{InPath, SignedIn, VerifiedForm};
use crate::services::designation_programs::{self as programs, ReviewInput};
use crate::state::AppState;

pub async fn review_step(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<DesignationApplicationId>,
    VerifiedForm(form): VerifiedForm<HashMap<String, String>>,
) -> WebResult<Response> {
    let field = |name: &str| form.get(name).map_or("", String::as_str);
    // Each checklist item is its own box (`confirm_0`, `confirm_1` …), ticked when present.
    let confirmed: Vec<usize> = (0..MAX_CHECKLIST).filter(|i| form.contains_key(&format!("confirm_{i}"))).collect();
    let input =
        ReviewInput { step: field("step"), decision: field("decision"), note: field("note"), confirmed: &confirmed };
    match programs::review(&state, &ctx, &caller, id, &input).await? {
        Ok(()) => {
            Ok(crate::flash::redirect(&state, &format!("/designation-applications/{id}"), crate::key!("flash-saved")))
        }
        Err(errors) => {
            let d = programs::application(&state, &caller, id).await?;
            super::show_application::page(&state, &ctx, &d, &errors)
        }
    }
}
