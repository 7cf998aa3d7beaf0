//! `POST /access-line/calls/{id}/level`: the level of care to look for (or "none": no bed is needed).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::access_line::LevelOfCare;
use pathways_domain::ids::CallId;
use pathways_domain::text::FieldError;
use serde::Deserialize;

use crate::error::{WebError, WebResult};
use crate::extract::{InPath, Operator, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LevelForm {
    pub level: String,
}

pub async fn choose_level(
    State(state): State<AppState>,
    op: Operator,
    InPath(call): InPath<CallId>,
    VerifiedForm(form): VerifiedForm<LevelForm>,
) -> WebResult<Response> {
    let level = match form.level.trim() {
        "none" => None,
        code => Some(
            LevelOfCare::parse(code)
                .ok_or_else(|| WebError::Invalid(vec![FieldError::new("level", "unknown-choice")]))?,
        ),
    };
    services::access_line::choose_level(&state, &op.ctx, &op.caller, call, level).await?;
    Ok(crate::flash::redirect(&state, &format!("/access-line/calls/{call}#programs"), crate::key!("flash-saved")))
}
