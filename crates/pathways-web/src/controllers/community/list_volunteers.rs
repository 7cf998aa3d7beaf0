//! `GET /community/volunteers`: the center's volunteer roster — people who agreed to be listed, each with their
//! hours in all, their background check's and training's last valid days and where each stands, in words — the
//! reminders (expired first, then the soonest due), the latest hours logged, with a form to add a volunteer and
//! one to log hours, and the volunteers taken off the roster (their hours still counted in the center's total).
//! The two POST handlers re-render this page with their form's problems (`page`). The roster is the staff's only.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::text::FieldError;

use crate::ctx::{Caller, Ctx};
use crate::error::WebResult;
use crate::extract::CenterStaff;
use crate::services;
use crate::state::AppState;
use crate::views::volunteers::{reminder_words, standing_words};
use crate::views::{Chrome, field_messages, render};

/// The two forms as typed.
#[derive(Clone, Debug, Default)]
pub struct Typed {
    pub name: String,
    pub volunteer: String,
    pub date: String,
    pub activity: String,
    pub hours: String,
}

pub struct RosterLine {
    pub id: String,
    pub name: String,
    pub agreed_on: String,
    pub hours: String,
    pub chosen: bool,
    /// The background check's last valid day ("" when none) and where it stands, in words.
    pub check_until: String,
    pub check_standing: String,
    pub training_until: String,
    pub training_standing: String,
}

/// A volunteer taken off the roster, with the hours they gave.
pub struct RemovedLine {
    /// Their id (the form that puts them back on the roster).
    pub id: String,
    pub name: String,
    pub removed_on: String,
    pub hours: String,
}

/// A reminder, in words, and the volunteer's page.
pub struct ReminderLine {
    pub href: String,
    pub words: String,
}

pub struct HoursLine {
    pub date: String,
    pub name: String,
    pub activity: String,
    pub hours: String,
}

#[derive(Template)]
#[template(path = "community/volunteers.html")]
struct VolunteersPage {
    chrome: Chrome,
    errors: Vec<(String, String)>,
    typed: Typed,
    today: String,
    roster: Vec<RosterLine>,
    recent: Vec<HoursLine>,
    reminders: Vec<ReminderLine>,
    removed: Vec<RemovedLine>,
    /// Every hour the center's volunteers gave, those taken off the roster included.
    total_hours: String,
}

/// Minutes as hours, to the quarter (`1.5`).
pub fn hours(minutes: u64) -> String {
    let h = minutes as f64 / 60.0;
    if minutes.is_multiple_of(60) {
        format!("{}", minutes / 60)
    } else {
        format!("{h:.2}").trim_end_matches('0').to_owned()
    }
}

pub async fn page(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    typed: Typed,
    errors: &[FieldError],
) -> WebResult<Response> {
    let t = ctx.t();
    let (roster, recent) = services::volunteers::roster(state, caller).await?;
    let removed = services::volunteers::removed(state, caller).await?;
    let today = services::naloxone::today(state);
    let total = roster.iter().chain(&removed).map(|r| r.minutes).sum();
    let reminders = services::volunteers::reminders_of(&roster, today)
        .iter()
        .map(|r| ReminderLine { href: format!("/community/volunteers/{}", r.id), words: reminder_words(&t, r) })
        .collect();
    let html = render(&VolunteersPage {
        chrome: Chrome::new(ctx, state, t.get("volunteers-title")),
        errors: field_messages(&t, errors),
        today: today.to_string(),
        reminders,
        total_hours: hours(total),
        removed: removed
            .into_iter()
            .map(|r| RemovedLine {
                id: r.id.to_string(),
                name: r.name,
                removed_on: r
                    .removed_at
                    .map(|at| at.with_timezone(&state.config.deployment.time_zone).date_naive().to_string())
                    .unwrap_or_default(),
                hours: hours(r.minutes),
            })
            .collect(),
        roster: roster
            .into_iter()
            .map(|r| {
                let (check, training) = r.valid_until.standing(today);
                let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
                RosterLine {
                    chosen: typed.volunteer == r.id.to_string(),
                    id: r.id.to_string(),
                    name: r.name,
                    agreed_on: r.agreed_on.to_string(),
                    hours: hours(r.minutes),
                    check_until: day(r.valid_until.background_check),
                    check_standing: standing_words(&t, check),
                    training_until: day(r.valid_until.training),
                    training_standing: standing_words(&t, training),
                }
            })
            .collect(),
        recent: recent
            .into_iter()
            .map(|h| HoursLine {
                date: h.hours.on.to_string(),
                name: h.volunteer,
                activity: h.hours.activity,
                hours: hours(u64::from(h.hours.minutes)),
            })
            .collect(),
        typed,
    })?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, html).into_response())
}

pub async fn list_volunteers(State(state): State<AppState>, staff: CenterStaff) -> WebResult<Response> {
    let typed = Typed { date: services::naloxone::today(&state).to_string(), ..Typed::default() };
    page(&state, &staff.ctx, &staff.caller, typed, &[]).await
}

#[cfg(test)]
mod tests {
    #[test]
    fn minutes_read_as_hours() {
        assert_eq!(super::hours(0), "0");
        assert_eq!(super::hours(90), "1.5");
        assert_eq!(super::hours(135), "2.25");
        assert_eq!(super::hours(600), "10");
    }
}
