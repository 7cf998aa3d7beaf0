//! `GET /community/volunteers`: the center's volunteer roster — people who agreed to be listed, each with their
//! hours in all — and the latest hours logged, with a form to add a volunteer and one to log hours. The two POST
//! handlers re-render this page with their form's problems (`page`). The roster is the staff's only.

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
}

/// Minutes as hours, to the quarter (`1.5`).
fn hours(minutes: u64) -> String {
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
    let html = render(&VolunteersPage {
        chrome: Chrome::new(ctx, state, t.get("volunteers-title")),
        errors: field_messages(&t, errors),
        today: services::naloxone::today(state).to_string(),
        roster: roster
            .into_iter()
            .map(|r| RosterLine {
                chosen: typed.volunteer == r.id.to_string(),
                id: r.id.to_string(),
                name: r.name,
                agreed_on: r.agreed_on.to_string(),
                hours: hours(r.minutes),
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
