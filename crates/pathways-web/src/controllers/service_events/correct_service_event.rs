//! `POST /persons/{id}/service-events/{service_event}/correct`: a new version of a signed service with the reason
//! (`intent=sign`: signed at once, by the staff member who gave it); the old version stays, superseded.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::financing::event::ServiceEventInput;
use pathways_domain::ids::ServiceEventId;

use super::edit_correction::page;
use super::list_service_events::Form;
use crate::error::{WebError, WebResult};
use crate::extract::{InPath, Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{field_messages, render};

pub async fn correct_service_event(
    State(state): State<AppState>,
    s: Subject,
    InPath(event): InPath<ServiceEventId>,
    VerifiedForm(f): VerifiedForm<Form>,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let sign = f.intent == "sign";
    let parsed = ServiceEventInput::parse(&f.raw(), crate::clock::today());
    let result = match &parsed {
        Ok(input) => {
            services::financing::correct(&state, &s.ctx, &s.caller, s.person, event, input, &f.reason, sign).await
        }
        Err(errors) => Err(WebError::Invalid(errors.clone())),
    };
    match result {
        Ok(_) => Ok(crate::flash::redirect(
            &state,
            &format!("{}/service-events", s.base),
            crate::key!("flash-service-corrected"),
        )),
        Err(WebError::Invalid(mut errors)) => {
            // The reason is checked with the rest, so every field's problem shows at once.
            if f.reason.trim().is_empty() && !errors.iter().any(|e| e.field == "reason") {
                errors.push(pathways_domain::text::FieldError::new("reason", "required"));
            }
            // The gate first: the form comes back only to whom may correct this service.
            let (current, choices) =
                services::financing::to_correct(&state, &s.ctx, &s.caller, s.person, event).await?;
            let may_sign = current.row.staff_account_id == s.caller.account.as_uuid();
            let t = s.ctx.t();
            let p = page(&state, &s, event, f, field_messages(&t, &errors), may_sign, &choices).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
        Err(e) => Err(e),
    }
}
