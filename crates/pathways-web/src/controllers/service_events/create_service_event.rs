//! `POST /persons/{id}/service-events`: `intent=check` shows the units and every problem without saving;
//! `record` saves a draft; `sign` saves and signs; `group` shows the form again, as typed, with the persons a group
//! service may name. A group service names its other persons (`group_persons`,
//! checkboxes repeating their name); the goal and the encounter it names must be the person's.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::financing::event::{ServiceEventInput, parse_group};

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
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let mut f = Form::from_pairs(&pairs);
    if f.intent == "group" {
        // "A group service?": the same form, the values typed kept, with the others to choose from.
        f.group = "1".into();
        f.intent.clear();
        return Ok(render(&page(&state, &s, Vec::new(), None, Some(f)).await?)?.into_response());
    }
    let t = s.ctx.t();
    let parsed = ServiceEventInput::parse(&f.raw(), crate::clock::today());
    let group = parse_group(&f.group_persons, s.person);
    let (input, group) = match (parsed, group) {
        (Ok(input), Ok(group)) => (input, group),
        (parsed, group) => {
            let mut errors = parsed.err().unwrap_or_default();
            errors.extend(group.err());
            return invalid(&state, &s, &errors, f).await;
        }
    };
    let done = match f.intent.as_str() {
        "record" | "sign" => {
            services::financing::record(&state, &s.ctx, &s.caller, s.person, &group, &input, f.intent == "sign")
                .await
                .map(|_| None)
        }
        _ => services::financing::check(&state, &s.ctx, &s.caller, s.person, &group, &input).await.map(Some),
    };
    match done {
        Ok(None) => {
            Ok(crate::flash::redirect(&state, &format!("{}/service-events", s.base), crate::key!("flash-saved")))
        }
        Ok(Some(c)) => {
            let problems = c.problems.iter().map(|p| problem_text(&t, p)).collect();
            let cents = i64::try_from(c.cents).unwrap_or(i64::MAX);
            let p = page(&state, &s, Vec::new(), Some((c.total_units, dollars(cents), problems)), Some(f)).await?;
            Ok(render(&p)?.into_response())
        }
        // A goal, an encounter or a group's person that is not the person's (or not in reach): named by field.
        Err(WebError::Invalid(errors)) => invalid(&state, &s, &errors, f).await,
        Err(e) => Err(e),
    }
}

/// The form again with every problem beside its field (422).
async fn invalid(
    state: &AppState,
    s: &Subject,
    errors: &[pathways_domain::text::FieldError],
    f: Form,
) -> WebResult<Response> {
    let errors = field_messages(&s.ctx.t(), errors);
    let p = page(state, s, errors, None, Some(f)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
}
