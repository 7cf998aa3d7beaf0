//! `GET /persons/{id}/service-events` (the list, and the form that checks an event before it is signed) and
//! `GET /me/service-events` (the services the person received: dates, the service in plain words, minutes).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_store::financing::EventView;

use crate::error::WebResult;
use crate::extract::Subject;
use crate::services;
use crate::state::AppState;
use crate::views::financing::problem_text;
use crate::views::{Chrome, render};

pub struct Row {
    pub date: String,
    pub starts_at: String,
    pub minutes: i32,
    /// The service in plain words ("Peer recovery support"), and its code for staff.
    pub service: String,
    pub code: String,
    pub units: i32,
    pub state: String,
    pub problems: Vec<String>,
}

#[derive(Template)]
#[template(path = "service_events/list.html")]
pub struct ServiceEventsPage {
    pub chrome: Chrome,
    pub heading: String,
    pub base: String,
    pub is_self: bool,
    pub rows: Vec<Row>,
    pub sources: Vec<(String, String)>,
    pub today: String,
    pub errors: Vec<(String, String)>,
    /// The check of the event typed, shown before it is signed: (units, dollars, problems).
    pub checked: Option<(u32, String, Vec<String>)>,
    pub form: Form,
}

/// The values typed, kept on a check or an error.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct Form {
    pub date: String,
    pub starts_at: String,
    pub minutes: String,
    pub code: String,
    pub modifiers: String,
    pub place_of_service: String,
    pub funding_source: String,
    pub authorization: String,
    pub diagnosis_on_file: String,
    /// `check`, `record` or `sign`.
    pub intent: String,
}

pub async fn list_service_events(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    render(&page(&state, &s, Vec::new(), None, None).await?)
}

pub async fn page(
    state: &AppState,
    s: &Subject,
    errors: Vec<(String, String)>,
    checked: Option<(u32, String, Vec<String>)>,
    form: Option<Form>,
) -> WebResult<ServiceEventsPage> {
    let events = services::financing::list(state, &s.ctx, &s.caller, s.person).await?;
    let t = s.ctx.t();
    let rows = events
        .iter()
        .map(|v: &EventView| Row {
            date: v.row.occurred_on.to_string(),
            starts_at: format!("{:02}:{:02}", v.row.start_minute / 60, v.row.start_minute % 60),
            minutes: v.row.minutes,
            service: t.get(if v.row.code == pathways_domain::financing::H0038 {
                "financing-service-peer"
            } else {
                "financing-service-other"
            }),
            code: v.row.code.clone(),
            units: v.row.units,
            state: t.get(&format!("financing-state-{}", v.row.state)),
            problems: v.problems().iter().map(|p| problem_text(&t, p)).collect(),
        })
        .collect();
    let sources = if s.is_self {
        Vec::new()
    } else {
        services::financing::sources(state, &s.caller).await?.into_iter().map(|x| (x.id.to_string(), x.name)).collect()
    };
    let heading = if s.is_self { t.get("financing-my-services") } else { t.get("financing-service-events") };
    let today = crate::clock::today().to_string();
    Ok(ServiceEventsPage {
        chrome: Chrome::new(&s.ctx, state, heading.clone()),
        heading,
        base: s.base.clone(),
        is_self: s.is_self,
        rows,
        errors,
        checked,
        form: form.unwrap_or_else(|| Form {
            date: today.clone(),
            starts_at: "10:00".into(),
            minutes: "30".into(),
            place_of_service: "11".into(),
            funding_source: sources.first().map(|x| x.0.clone()).unwrap_or_default(),
            ..Form::default()
        }),
        sources,
        today,
    })
}
