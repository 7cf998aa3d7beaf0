//! `POST /survey` (`code`): a usable code opens the survey (the code is used only when the answers are sent);
//! anything else shows the code form again with its error. Tries are limited per address.

use std::collections::HashMap;

use axum::extract::State;
use axum::response::Response;

use super::{code_page, field_errors, survey_page};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::VerifiedForm;
use crate::services;
use crate::state::AppState;

pub async fn open_survey(
    State(state): State<AppState>,
    ctx: Ctx,
    VerifiedForm(form): VerifiedForm<HashMap<String, String>>,
) -> WebResult<Response> {
    let raw = form.get("code").map(String::as_str).unwrap_or("");
    match services::perception::check_code(&state, &ctx, raw).await {
        Ok(code) => survey_page(&state, &ctx, "/survey/answers", Some(code), &HashMap::new(), &[]),
        Err(e) => code_page(&state, &ctx, &field_errors(e)?),
    }
}
