//! `POST /survey/answers`: the tablet's answers, sent with the code (used once here).

use std::collections::HashMap;

use axum::extract::State;
use axum::response::Response;
use pathways_domain::outcomes::perception::Response as Answers;

use super::{code_page, field_errors, survey_page, thanks_page};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::VerifiedForm;
use crate::services;
use crate::state::AppState;

pub async fn submit_survey(
    State(state): State<AppState>,
    ctx: Ctx,
    VerifiedForm(form): VerifiedForm<HashMap<String, String>>,
) -> WebResult<Response> {
    let code = form.get("code").cloned().unwrap_or_default();
    let comment = form.get("comment").map(String::as_str).unwrap_or("");
    let answers = match Answers::parse(|id| form.get(id).cloned(), comment) {
        Ok(a) => a,
        Err(errors) => return survey_page(&state, &ctx, "/survey/answers", Some(code), &form, &errors),
    };
    match services::perception::submit_with_code(&state, &ctx, &code, &answers).await {
        Ok(()) => thanks_page(&state, &ctx, Some("/survey".into())),
        Err(e) => code_page(&state, &ctx, &field_errors(e)?),
    }
}
