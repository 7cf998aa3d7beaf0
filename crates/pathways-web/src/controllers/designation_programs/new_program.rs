//! `GET /designation-programs/new`: the form to define a program (a program owner's administrators and supervisors).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::designation::ProgramForm;

use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;

pub async fn new_program(State(state): State<AppState>, SignedIn { ctx, caller }: SignedIn) -> WebResult<Response> {
    services::designation_programs::may_advise(&caller)?;
    let form = ProgramForm { renewal_months: "24".into(), ..ProgramForm::default() };
    super::form::page(&state, &ctx, "/designation-programs", form, &[])
}
