//! `GET /designation-programs/{designation_program}/edit`: the caller's organization's program in its form (another
//! organization's: 404).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::DesignationProgramId;

use crate::error::WebResult;
use crate::extract::{InPath, SignedIn};
use crate::services;
use crate::state::AppState;

pub async fn edit_program(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<DesignationProgramId>,
) -> WebResult<Response> {
    let p = services::designation_programs::own_program(&state, &caller, id).await?;
    super::form::page(&state, &ctx, &format!("/designation-programs/{id}"), p.program.to_form(), &[])
}
