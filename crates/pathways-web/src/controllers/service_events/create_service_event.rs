//! `POST /persons/{id}/service-events`: `intent=check` shows the units and every problem without saving;
//! `record` saves a draft; `sign` saves and signs.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::financing::event::ServiceEventInput;

use super::list_service_events::{Form, page};
use crate::error::{WebError, WebResult};
use crate::extract::{Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::financing::{dollars, problem_text};
use crate::views::{field_messages, render};

pub async fn create_service_event(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(f): VerifiedForm<Form>,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let raw = f.raw();
    let t = s.ctx.t();
    let input = match ServiceEventInput::parse(&raw, crate::clock::today()) {
        Ok(i) => i,
        Err(errors) => {
            let errors = field_messages(&t, &errors);
            let p = page(&state, &s, errors, None, Some(f)).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response());
        }
    };
    match f.intent.as_str() {
        "record" | "sign" => {
            services::financing::record(&state, &s.ctx, &s.caller, s.person, &[], &input, f.intent == "sign").await?;
            Ok(crate::flash::redirect(&state, &format!("{}/service-events", s.base), crate::key!("flash-saved")))
        }
        _ => {
            let c = services::financing::check(&state, &s.ctx, &s.caller, s.person, &[], &input).await?;
            let problems = c.problems.iter().map(|p| problem_text(&t, p)).collect();
            let cents = i64::try_from(c.cents).unwrap_or(i64::MAX);
            let p = page(&state, &s, Vec::new(), Some((c.total_units, dollars(cents), problems)), Some(f)).await?;
            Ok(render(&p)?.into_response())
        }
    }
}
