//! `GET /learn/new`: the form for a new education page (administrators).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::education::EducationForm;

use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;

pub async fn new_page(State(state): State<AppState>, SignedIn { ctx, caller }: SignedIn) -> WebResult<Response> {
    services::education::may_edit(&caller)?;
    super::form::page(&state, &ctx, EducationForm::default(), false, &[])
}
