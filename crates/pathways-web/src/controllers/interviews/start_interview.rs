//! `POST /persons/{id}/outcome-interviews`: start (or continue) the interview due today, or record why it could
//! not be done (not reached, died, refused).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::outcomes::interview::AdministrativeReason;
use serde::Deserialize;

use crate::error::{WebError, WebResult};
use crate::extract::{Subject, VerifiedForm};
use crate::services;
use crate::services::interviews::Save;
use crate::state::AppState;
use crate::views::render;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StartForm {
    /// `start` or `administrative`.
    action: String,
    reason: String,
}

pub async fn start_interview(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(f): VerifiedForm<StartForm>,
) -> WebResult<Response> {
    let administrative = match f.action.as_str() {
        "administrative" => match AdministrativeReason::parse(f.reason.trim()) {
            Some(r) => Some(r),
            None => {
                let t = s.ctx.t();
                let errors = vec![(
                    "reason".to_owned(),
                    format!("{}: {}", t.get("field-interview-reason"), t.get("field-error-unknown-choice")),
                )];
                let page = super::list_interviews::page(&state, &s, errors).await?;
                return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
            }
        },
        _ => None,
    };
    let save = Save { administrative, ..Save::default() };
    match services::interviews::save(&state, &s.ctx, &s.caller, s.person, save).await {
        Ok(_) if administrative.is_some() => Ok(crate::flash::redirect(
            &state,
            &format!("{}/outcome-interviews", s.base),
            crate::key!("flash-interview-administrative"),
        )),
        Ok(saved) => {
            Ok(axum::response::Redirect::to(&format!("{}/outcome-interviews/{}", s.base, saved.id)).into_response())
        }
        Err(WebError::InvalidPaths { fields, .. }) => {
            let t = s.ctx.t();
            let errors = fields.into_iter().map(|(f, code)| (f, t.get(&format!("interview-error-{code}")))).collect();
            let page = super::list_interviews::page(&state, &s, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(e),
    }
}
