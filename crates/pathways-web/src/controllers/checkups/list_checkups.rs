//! `GET /persons/{id}/checkups`: when the next check-up is due and where it stands, the open linkage task with
//! its steps, the check-up form and the history.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::checkup::{HOUSING, PROBLEMS, SOCIAL_SUPPORT, TREATMENT_STATUS, WORK_OR_SCHOOL};

use crate::error::WebResult;
use crate::extract::Subject;
use crate::services;
use crate::services::checkups::Overview;
use crate::state::AppState;
use crate::views::{Chrome, render};

/// (code, label) for each option of a select.
pub type Choices = Vec<(&'static str, String)>;

pub struct Row {
    pub date: String,
    pub due: String,
    pub in_window: bool,
    pub needs_treatment: bool,
    pub reasons: String,
    pub next_due: String,
}

pub struct Linkage {
    pub id: String,
    pub opened: String,
    /// (step, label, done at)
    pub steps: Vec<(&'static str, String, String)>,
}

#[derive(Template)]
#[template(path = "checkups/list.html")]
pub struct CheckupsPage {
    pub chrome: Chrome,
    pub heading: String,
    pub base: String,
    pub next_due: String,
    pub standing: String,
    pub window: String,
    pub linkage: Option<Linkage>,
    pub rows: Vec<Row>,
    /// The yes/no questions: (field, label).
    pub questions: Vec<(&'static str, String)>,
    pub problems: Vec<(&'static str, String)>,
    /// (field, label, choices)
    pub choices: Vec<(&'static str, String, Choices)>,
    pub errors: Vec<(String, String)>,
    /// The person's own portal: the linkage task is their coach's to mark; they see where it stands.
    pub is_self: bool,
}

pub async fn list_checkups(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    render(&page(&state, &s, Vec::new()).await?)
}

/// The page, with the problems of a rejected form when there are any.
pub async fn page(state: &AppState, s: &Subject, errors: Vec<(String, String)>) -> WebResult<CheckupsPage> {
    let Overview { person: record, schedule, checkups: list, linkage: open } =
        services::checkups::overview(state, &s.ctx, &s.caller, s.person).await?;
    let t = s.ctx.t();
    let tz: chrono_tz::Tz = schedule.time_zone.parse().unwrap_or(state.config.deployment.time_zone);
    let local = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string();
    let day = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&tz).date_naive().to_string();
    let rows = list
        .iter()
        .map(|c| Row {
            date: day(c.completed_at),
            due: c.due_on.map(|d| d.to_string()).unwrap_or_default(),
            in_window: c.in_window,
            needs_treatment: c.needs_treatment,
            reasons: c
                .reasons
                .split(',')
                .filter(|r| !r.is_empty())
                .map(|r| reason_words(&t, r, &c.answers))
                .collect::<Vec<_>>()
                .join("; "),
            next_due: c.next_due.map(|d| d.to_string()).unwrap_or_default(),
        })
        .collect();
    let linkage = open.map(|l| {
        let done = |at: Option<chrono::DateTime<chrono::Utc>>| at.map(local).unwrap_or_default();
        Linkage {
            id: l.id.to_string(),
            opened: local(l.opened_at),
            steps: vec![
                ("feedback", t.get("linkage-step-feedback"), done(l.feedback_at)),
                ("barriers", t.get("linkage-step-barriers"), done(l.barriers_at)),
                ("appointment", t.get("linkage-step-appointment"), done(l.appointment_at)),
                ("transport", t.get("linkage-step-transport"), done(l.transport_at)),
                ("arrived", t.get("linkage-step-arrived"), done(l.arrived_at)),
            ],
        }
    });
    let standing = match schedule.standing {
        Some(s) => t.get(&format!("checkup-standing-{}", s.as_str())),
        None => t.get("checkup-schedule-ended"),
    };
    let window = match (schedule.window_opens, schedule.window_closes) {
        (Some(a), Some(b)) => {
            let last = b - chrono::Duration::hours(12);
            t.arg("checkup-window", "range", &format!("{} – {}", day(a), day(last)))
        }
        _ => String::new(),
    };
    let options = |field: &str, codes: &[&'static str]| -> Vec<(&'static str, String)> {
        codes.iter().map(|c| (*c, t.get(&format!("checkup-{field}-{}", c.replace('_', "-"))))).collect()
    };
    Ok(CheckupsPage {
        heading: if s.is_self { t.get("checkups-mine") } else { t.arg("checkups-of", "name", &record.preferred_name) },
        is_self: s.is_self,
        base: s.base.clone(),
        next_due: schedule.next_due.map(|d| d.to_string()).unwrap_or_default(),
        standing,
        window,
        linkage,
        rows,
        questions: ["weekly_use_since_last", "wants_treatment", "in_treatment"]
            .into_iter()
            .map(|q| (q, t.get(&crate::views::field_label_key(q))))
            .collect(),
        problems: options("problem", &PROBLEMS),
        choices: vec![
            ("treatment_status", t.get("field-treatment-status"), options("treatment", &TREATMENT_STATUS)),
            ("housing", t.get("field-housing"), options("housing", &HOUSING)),
            ("work_or_school", t.get("field-work-or-school"), options("work", &WORK_OR_SCHOOL)),
            ("social_support", t.get("field-social-support"), options("support", &SOCIAL_SUPPORT)),
        ],
        errors,
        chrome: Chrome::new(&s.ctx, state, t.get("checkups-title")),
    })
}

/// A reason in words. Weekly use says what showed it: the day counts when either reaches the protocol's threshold
/// (`pathways_domain::checkup::WEEKLY_USE_DAYS_90`), else the person's own answer.
fn reason_words(t: &crate::i18n::Tr, code: &str, answers: &serde_json::Value) -> String {
    let days = |field: &str| answers.get(field).and_then(serde_json::Value::as_u64).unwrap_or(0);
    let (alcohol, drugs) = (days("days_alcohol_90"), days("days_drugs_90"));
    let threshold = u64::from(pathways_domain::checkup::WEEKLY_USE_DAYS_90);
    if code == "weekly_use" && (alcohol >= threshold || drugs >= threshold) {
        return t
            .args("checkup-reason-weekly-use-days", &[("alcohol", alcohol.to_string()), ("drugs", drugs.to_string())]);
    }
    t.get(&format!("checkup-reason-{}", code.replace('_', "-")))
}
