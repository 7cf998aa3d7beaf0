//! `POST /persons/{id}/episode/close`: close the person's episode of care with a reason; the closeout interview
//! is then due within 30 days, and windows opening on or after the day are cancelled.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::outcomes::episode::CloseoutReason;
use serde::Deserialize;

use crate::error::{WebError, WebResult};
use crate::extract::{Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::render;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CloseForm {
    ended_on: String,
    reason: String,
}

pub async fn close_episode(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(f): VerifiedForm<CloseForm>,
) -> WebResult<Response> {
    let t = s.ctx.t();
    let mut errors = Vec::new();
    let reason = CloseoutReason::parse(f.reason.trim());
    if reason.is_none() {
        errors.push((
            "reason".to_owned(),
            format!("{}: {}", t.get("field-closeout-reason"), t.get("field-error-unknown-choice")),
        ));
    }
    let day = match f.ended_on.trim() {
        "" => None,
        d => match chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                errors.push((
                    "ended_on".to_owned(),
                    format!("{}: {}", t.get("field-ended-on"), t.get("interview-error-invalid-date")),
                ));
                None
            }
        },
    };
    let result = match reason {
        Some(reason) if errors.is_empty() => {
            services::interviews::close_episode(&state, &s.ctx, &s.caller, s.person, day, reason).await
        }
        _ => Ok(()),
    };
    match result {
        Ok(()) if errors.is_empty() => Ok(crate::flash::redirect(
            &state,
            &format!("{}/outcome-interviews", s.base),
            crate::key!("flash-episode-closed"),
        )),
        Ok(()) => {
            let page = super::list_interviews::page(&state, &s, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(WebError::InvalidPaths { fields, .. }) => {
            let errors = fields.into_iter().map(|(f, code)| (f, t.get(&format!("interview-error-{code}")))).collect();
            let page = super::list_interviews::page(&state, &s, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        // Closed already (another tab, a colleague): nothing to do; say so.
        Err(WebError::Conflict(_)) => Ok(crate::flash::redirect(
            &state,
            &format!("{}/outcome-interviews", s.base),
            crate::key!("flash-episode-already-closed"),
        )),
        Err(e) => Err(e),
    }
}
