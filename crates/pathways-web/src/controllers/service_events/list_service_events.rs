//! `GET /persons/{id}/service-events` (the list, and the form that checks an event before it is signed) and
//! `GET /me/service-events` (the services the person received: dates, the service in plain words, minutes).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::AccountId;
use pathways_domain::access::{may_correct_service, may_cosign};
use pathways_domain::financing::event::RawServiceEvent;
use pathways_store::financing::{DRAFT, EventView, SIGNED};

use crate::error::WebResult;
use crate::extract::Subject;
use crate::services;
use crate::state::AppState;
use crate::views::financing::problem_text;
use crate::views::{Chrome, render};

pub struct Row {
    pub id: String,
    pub date: String,
    pub starts_at: String,
    pub minutes: i32,
    /// The service in plain words ("Peer recovery support"), and its code for staff.
    pub service: String,
    pub code: String,
    pub units: i32,
    pub state: String,
    pub problems: Vec<String>,
    /// What the caller may do with it now: sign (their own draft), co-sign (a supervisor, someone else's signed
    /// service), correct (a signed one: who gave it, a supervisor or an administrator).
    pub can_sign: bool,
    pub can_cosign: bool,
    pub can_correct: bool,
    /// A correction's reason and the version it is.
    pub correction: Option<(i32, String)>,
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
    /// A correction's reason (the correction form only).
    pub reason: String,
}

impl Form {
    /// The typed values, for the domain's parser.
    pub fn raw(&self) -> RawServiceEvent {
        RawServiceEvent {
            date: self.date.clone(),
            starts_at: self.starts_at.clone(),
            minutes: if self.minutes.trim().is_empty() {
                None
            } else {
                Some(self.minutes.trim().parse().unwrap_or(-1))
            },
            code: self.code.clone(),
            modifiers: self.modifiers.clone(),
            place_of_service: self.place_of_service.clone(),
            funding_source: self.funding_source.clone(),
            authorization: self.authorization.clone(),
            diagnosis_on_file: self.diagnosis_on_file == "yes",
        }
    }

    /// A stored event's values, to correct it.
    pub fn of(v: &EventView) -> Self {
        let r = &v.row;
        let modifiers: Vec<String> = serde_json::from_value(r.modifiers.clone()).unwrap_or_default();
        Self {
            date: r.occurred_on.to_string(),
            starts_at: format!("{:02}:{:02}", r.start_minute / 60, r.start_minute % 60),
            minutes: r.minutes.to_string(),
            code: r.code.clone(),
            modifiers: modifiers.join(","),
            place_of_service: r.place_of_service.clone(),
            funding_source: r.funding_source_id.to_string(),
            authorization: r.authorization.clone().unwrap_or_default(),
            diagnosis_on_file: if r.diagnosis_on_file { "yes".into() } else { String::new() },
            intent: String::new(),
            reason: String::new(),
        }
    }
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
    let me = s.caller.account.as_uuid();
    let rows = events
        .iter()
        .map(|v: &EventView| Row {
            id: v.row.id.to_string(),
            can_sign: !s.is_self && v.row.state == DRAFT && v.row.staff_account_id == me,
            can_cosign: !s.is_self
                && v.row.state == SIGNED
                && v.row.cosigned_by.is_none()
                && may_cosign(&s.caller.principal)
                && v.row.staff_account_id != me,
            can_correct: !s.is_self
                && v.row.state == SIGNED
                && may_correct_service(&s.caller.principal, AccountId::from_uuid(v.row.staff_account_id)),
            correction: v.row.correction_reason.clone().map(|r| (v.row.version, r)),
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
