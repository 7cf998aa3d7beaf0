//! `GET /persons/{id}/service-events` (the list, and the form that checks an event before it is signed) and
//! `GET /me/service-events` (the services the person received: dates, the service in plain words, minutes).

use askama::Template;
use axum::extract::{Query, State};
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
    /// The plan goal it served, in the person's words (staff only).
    pub goal: Option<String>,
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
    pub links: Links,
    /// A group service's form: the other persons the caller reaches (id, name, chosen); `None` until asked for
    /// (`?group=1`), so the page lists no one's name it does not need.
    pub group: Option<Vec<(String, String, bool)>>,
    /// More persons are in reach than the group's list shows.
    pub group_truncated: bool,
}

/// The goal and encounter choices of the form (id, words), the record form's and the correction's.
#[derive(Default)]
pub struct Links {
    pub goals: Vec<(String, String)>,
    pub encounters: Vec<(String, String)>,
}

impl Links {
    pub fn of(t: &crate::i18n::Tr, c: &services::financing::Choices) -> Self {
        Self {
            goals: c
                .goals
                .iter()
                .map(|(id, text)| {
                    let words = if text.is_empty() { t.get("financing-goal-dropped") } else { text.clone() };
                    (id.to_string(), words)
                })
                .collect(),
            encounters: c
                .encounters
                .iter()
                .map(|e| {
                    let kind = t.get(&format!("encounter-type-{}", e.kind.replace('_', "-")));
                    let minutes = t.get("financing-minutes-unit");
                    (e.id.to_string(), format!("{} · {kind} · {} {minutes}", e.occurred_on, e.minutes))
                })
                .collect(),
        }
    }
}

/// The list's query: `encounter` fills the form from one of the person's encounters ("record as a service");
/// `group=1` opens the group's list.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub encounter: String,
    pub group: String,
}

/// Most persons the group's list shows (a caseload; a supervisor's organization is narrowed to its first).
const GROUP_CHOICES: u64 = 100;

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
    /// The plan goal it served and the encounter it was given in (ids; blank: none).
    pub goal: String,
    pub encounter: String,
    /// A group service's other persons (the checkboxes repeat their name) and whether their list is shown.
    #[serde(skip)]
    pub group_persons: Vec<String>,
    pub group: String,
}

impl Form {
    /// The posted form (a group's persons repeat their name, which a struct can't take).
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut f = Self::default();
        for (k, v) in pairs {
            let slot = match k.as_str() {
                "group_persons" => {
                    f.group_persons.push(v.clone());
                    continue;
                }
                "date" => &mut f.date,
                "starts_at" => &mut f.starts_at,
                "minutes" => &mut f.minutes,
                "code" => &mut f.code,
                "modifiers" => &mut f.modifiers,
                "place_of_service" => &mut f.place_of_service,
                "funding_source" => &mut f.funding_source,
                "authorization" => &mut f.authorization,
                "diagnosis_on_file" => &mut f.diagnosis_on_file,
                "intent" => &mut f.intent,
                "reason" => &mut f.reason,
                "goal" => &mut f.goal,
                "encounter" => &mut f.encounter,
                "group" => &mut f.group,
                _ => continue,
            };
            slot.clone_from(v);
        }
        f
    }

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
            goal: self.goal.clone(),
            encounter: self.encounter.clone(),
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
            goal: r.goal_id.map(|g| g.to_string()).unwrap_or_default(),
            encounter: r.encounter_id.map(|e| e.to_string()).unwrap_or_default(),
            ..Self::default()
        }
    }
}

pub async fn list_service_events(
    State(state): State<AppState>,
    s: Subject,
    Query(q): Query<ListQuery>,
) -> WebResult<Html<String>> {
    let form = (!q.encounter.is_empty() || q.group == "1").then(|| Form {
        encounter: q.encounter.trim().to_owned(),
        group: q.group.clone(),
        ..Form::default()
    });
    render(&page(&state, &s, Vec::new(), None, form).await?)
}

pub async fn page(
    state: &AppState,
    s: &Subject,
    errors: Vec<(String, String)>,
    checked: Option<(u32, String, Vec<String>)>,
    form: Option<Form>,
) -> WebResult<ServiceEventsPage> {
    let (events, choices) = services::financing::sheet(state, &s.ctx, &s.caller, s.person, !s.is_self).await?;
    let t = s.ctx.t();
    let me = s.caller.account.as_uuid();
    let goal_words = |id: Option<uuid::Uuid>| {
        id.map(|id| {
            choices
                .goals
                .iter()
                .find(|(g, _)| *g == id)
                .map_or_else(|| t.get("financing-goal-dropped"), |g| g.1.clone())
        })
    };
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
            goal: if s.is_self { None } else { goal_words(v.row.goal_id) },
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
    let defaults = Form {
        date: today.clone(),
        starts_at: "10:00".into(),
        minutes: "30".into(),
        place_of_service: "11".into(),
        funding_source: sources.first().map(|x: &(String, String)| x.0.clone()).unwrap_or_default(),
        ..Form::default()
    };
    let mut form = match form {
        // Asked from an encounter ("record as a service"): its day and minutes, when it is one of those offered.
        Some(f) if f.intent.is_empty() && f.date.is_empty() && f.minutes.is_empty() => {
            let from = choices.encounters.iter().find(|e| e.id.to_string() == f.encounter);
            Form {
                date: from.map_or(defaults.date.clone(), |e| e.occurred_on.to_string()),
                minutes: from.map_or(defaults.minutes.clone(), |e| e.minutes.to_string()),
                encounter: from.map(|e| e.id.to_string()).unwrap_or_default(),
                group: f.group,
                ..defaults
            }
        }
        Some(f) => f,
        None => defaults,
    };
    let (group, group_truncated) = if !s.is_self && form.group == "1" {
        let reach = services::persons::list(state, &s.ctx, &s.caller, None, 1, GROUP_CHOICES).await?;
        let others: Vec<(String, String, bool)> = reach
            .items
            .iter()
            .filter(|p| p.id != s.person.as_uuid())
            .map(|p| {
                let id = p.id.to_string();
                let chosen = form.group_persons.contains(&id);
                (id, p.preferred_name.clone(), chosen)
            })
            .collect();
        (Some(others), reach.total > GROUP_CHOICES)
    } else {
        form.group_persons.clear();
        (None, false)
    };
    if form.group != "1" {
        form.group.clear();
    }
    Ok(ServiceEventsPage {
        chrome: Chrome::new(&s.ctx, state, heading.clone()),
        heading,
        base: s.base.clone(),
        is_self: s.is_self,
        rows,
        errors,
        checked,
        form,
        links: Links::of(&t, &choices),
        group,
        group_truncated,
        sources,
        today,
    })
}
