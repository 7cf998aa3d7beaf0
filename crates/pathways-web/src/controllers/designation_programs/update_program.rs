//! `POST /designation-programs/{designation_program}`: changes the caller's organization's program (another's: 404);
//! back with every problem (422). Applications keep their steps' history by position.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::designation::Program;
use pathways_domain::ids::DesignationProgramId;

use super::form::ProgramInput;
use crate::error::WebResult;
use crate::extract::{InPath, SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn update_program(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<DesignationProgramId>,
    VerifiedForm(input): VerifiedForm<ProgramInput>,
) -> WebResult<Response> {
    services::designation_programs::own_program(&state, &caller, id).await?;
    let form = input.into_form();
    match Program::parse(&form) {
        Ok(p) => {
            services::designation_programs::save_program(&state, &ctx, &caller, Some(id), &p).await?;
            Ok(crate::flash::redirect(&state, "/designation-programs", crate::key!("flash-saved")))
        }
        Err(errors) => super::form::page(&state, &ctx, &format!("/designation-programs/{id}"), form, &errors),
    }
}
