//! `POST /me/survey`: the person's answers from their portal (kept with no link to them).

use std::collections::HashMap;

use axum::extract::State;
use axum::response::Response;
use pathways_domain::outcomes::perception::Response as Answers;

use super::{survey_page, thanks_page};
use crate::error::WebResult;
use crate::extract::{Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn submit_portal_survey(
    State(state): State<AppState>,
    subject: Subject,
    VerifiedForm(form): VerifiedForm<HashMap<String, String>>,
) -> WebResult<Response> {
    let comment = form.get("comment").map(String::as_str).unwrap_or("");
    let answers = match Answers::parse(|id| form.get(id).cloned(), comment) {
        Ok(a) => a,
        Err(errors) => return survey_page(&state, &subject.ctx, "/me/survey", None, &form, &errors),
    };
    services::perception::submit_in_portal(&state, &subject.ctx, &subject.caller, &answers).await?;
    thanks_page(&state, &subject.ctx, None)
}
