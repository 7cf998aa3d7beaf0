//! `POST /designation-programs`: defines a program of the caller's organization; back with every problem (422).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::designation::Program;

use super::form::ProgramInput;
use crate::error::WebResult;
use crate::extract::{SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn create_program(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    VerifiedForm(input): VerifiedForm<ProgramInput>,
) -> WebResult<Response> {
    services::designation_programs::may_advise(&caller)?;
    let form = input.into_form();
    match Program::parse(&form) {
        Ok(p) => {
            services::designation_programs::save_program(&state, &ctx, &caller, None, &p).await?;
            Ok(crate::flash::redirect(&state, "/designation-programs", crate::key!("flash-saved")))
        }
        Err(errors) => super::form::page(&state, &ctx, "/designation-programs", form, &errors),
    }
}
