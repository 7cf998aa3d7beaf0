//! `GET /persons/{id}/service-events/{service_event}/correct`: the correction form of a signed service, filled
//! with its values; the correction is a new version with a reason (`correct_service_event`).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::ids::ServiceEventId;

use super::list_service_events::Form;
use crate::error::{WebError, WebResult};
use crate::extract::{InPath, Subject};
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "service_events/correct.html")]
pub struct CorrectionPage {
    pub chrome: Chrome,
    pub heading: String,
    pub base: String,
    pub action: String,
    pub sources: Vec<(String, String)>,
    pub today: String,
    pub errors: Vec<(String, String)>,
    pub form: Form,
    pub links: super::list_service_events::Links,
    /// The caller gave the service: they may sign the correction at once.
    pub may_sign: bool,
}

pub async fn edit_correction(
    State(state): State<AppState>,
    s: Subject,
    InPath(event): InPath<ServiceEventId>,
) -> WebResult<Html<String>> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let (current, choices) = services::financing::to_correct(&state, &s.ctx, &s.caller, s.person, event).await?;
    let may_sign = current.row.staff_account_id == s.caller.account.as_uuid();
    render(&page(&state, &s, event, Form::of(&current), Vec::new(), may_sign, &choices).await?)
}

/// The form (again, with the errors of a correction refused).
pub async fn page(
    state: &AppState,
    s: &Subject,
    event: ServiceEventId,
    form: Form,
    errors: Vec<(String, String)>,
    may_sign: bool,
    choices: &services::financing::Choices,
) -> WebResult<CorrectionPage> {
    let t = s.ctx.t();
    let heading = t.get("financing-correct-title");
    let sources =
        services::financing::sources(state, &s.caller).await?.into_iter().map(|x| (x.id.to_string(), x.name)).collect();
    Ok(CorrectionPage {
        chrome: Chrome::new(&s.ctx, state, heading.clone()),
        heading,
        base: s.base.clone(),
        action: format!("{}/service-events/{event}/correct", s.base),
        sources,
        today: crate::clock::today().to_string(),
        errors,
        form,
        links: super::list_service_events::Links::of(&t, choices),
        may_sign,
    })
}
