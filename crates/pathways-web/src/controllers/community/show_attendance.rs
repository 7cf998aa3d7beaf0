//! `GET /community/attendance?for=&q=`: today's drop-in visits at the center — all, by what brought them, and per
//! group — its kiosks (open this device as a kiosk, or close one), and signing a known person in from the front
//! desk (issue 20, branch `kiosk-staff`): pick what they came for (one of today's groups, or another reason), find
//! them by name among the persons the staff member may see, one tap. The counts name no one; names appear only
//! once the staff member searches (`q` present), so the page can stay open at the desk. `page()` is also what
//! `sign_in_person` renders with its form's problems.

use std::collections::HashSet;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::PersonId;
use pathways_domain::community::desk::DeskFor;
use pathways_domain::community::kiosk::Reason;
use pathways_domain::text::FieldError;
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::CenterStaff;
use crate::services;
use crate::state::AppState;
use crate::views::community::{OccurrenceRow, row};
use crate::views::{Chrome, field_messages, render};

pub struct KioskRow {
    pub id: String,
    pub opened: String,
}

/// The desk's search: what the person came for (`for`: a group's id or a reason) and part of their name (`q`;
/// absent: nobody is listed, blank: everyone the staff member may see, first `DESK_SHOWN`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct DeskQuery {
    #[serde(rename = "for")]
    pub what: String,
    pub q: Option<String>,
}

/// A choice in the desk's "What for?" list: (value, words, chosen).
pub struct Choice {
    pub value: String,
    pub words: String,
    pub chosen: bool,
}

/// A person the desk found.
pub struct Found {
    pub id: String,
    pub name: String,
    /// The button's words, naming them ("Sign in Ana Ruiz").
    pub button: String,
    /// Already signed in today for what is chosen (at a kiosk or here).
    pub already: bool,
}

#[derive(Template)]
#[template(path = "community/attendance.html")]
struct AttendancePage {
    chrome: Chrome,
    visits: u32,
    /// (words, count)
    reasons: Vec<(String, u32)>,
    /// (group, count)
    groups: Vec<(OccurrenceRow, u32)>,
    kiosks: Vec<KioskRow>,
    errors: Vec<(String, String)>,
    group_choices: Vec<Choice>,
    other_choices: Vec<Choice>,
    /// The chosen `for`, as sent back by each person's button.
    what: String,
    q: String,
    /// `None` until the staff member searches.
    found: Option<Vec<Found>>,
    /// "3 people found", or "Showing 20 of 45 …".
    found_words: String,
}

pub async fn show_attendance(
    State(state): State<AppState>,
    staff: CenterStaff,
    Query(query): Query<DeskQuery>,
) -> WebResult<Response> {
    page(&state, &staff, query, &[]).await
}

/// The page, with the desk form's problems (422 when there are any).
pub async fn page(
    state: &AppState,
    staff: &CenterStaff,
    query: DeskQuery,
    errors: &[FieldError],
) -> WebResult<Response> {
    let t = staff.ctx.t();
    let a = services::community::attendance(state, &staff.caller).await?;
    let now = pathways_store::now();
    let tz = state.config.deployment.time_zone;
    let reasons =
        Reason::ALL.into_iter().map(|r| (t.get(&format!("kiosk-reason-{}", r.code())), a.tally.reason(r))).collect();
    let groups: Vec<(OccurrenceRow, u32)> = a
        .groups
        .iter()
        .map(|o| {
            let n = a.tally.by_group.get(&o.gathering.id.to_string()).copied().unwrap_or(0);
            (row(&t, o, now), n)
        })
        .collect();
    let kiosks = a
        .kiosks
        .iter()
        .map(|(id, at)| KioskRow {
            id: id.to_string(),
            opened: at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string(),
        })
        .collect();

    // What for: the one asked for when it is offered, else the group under way or next, else a coach's talk.
    let offered = |v: &str| {
        a.groups.iter().any(|o| o.gathering.id.to_string() == v) || DeskFor::OTHERS.iter().any(|r| r.code() == v)
    };
    let what = if offered(query.what.trim()) {
        query.what.trim().to_owned()
    } else {
        a.groups
            .iter()
            .find(|o| o.ends > now)
            .or(a.groups.first())
            .map_or_else(|| Reason::Coach.code().to_owned(), |o| o.gathering.id.to_string())
    };
    let group_choices = groups
        .iter()
        .map(|(g, _)| Choice { value: g.id.clone(), words: format!("{} ({})", g.title, g.when), chosen: g.id == what })
        .collect();
    let other_choices = DeskFor::OTHERS
        .into_iter()
        .map(|r| Choice {
            value: r.code().to_owned(),
            words: t.get(&format!("kiosk-reason-{}", r.code())),
            chosen: r.code() == what,
        })
        .collect();

    let q = query.q.clone().unwrap_or_default();
    let (found, found_words) = match &query.q {
        None => (None, String::new()),
        Some(search) => {
            let list = services::kiosk_known::desk_search(state, &staff.ctx, &staff.caller, search).await?;
            let chosen = DeskFor::parse(&what).ok();
            let done: HashSet<(PersonId, Reason, Option<uuid::Uuid>)> = list.today.into_iter().collect();
            let people: Vec<Found> = list
                .found
                .items
                .iter()
                .map(|p| {
                    let id = PersonId::from_uuid(p.id);
                    let already =
                        chosen.is_some_and(|c| done.contains(&(id, c.reason(), c.group().map(|g| g.as_uuid()))));
                    Found {
                        id: id.to_string(),
                        name: p.preferred_name.clone(),
                        button: t.arg("attendance-sign-in-person", "name", &p.preferred_name),
                        already,
                    }
                })
                .collect();
            let total = list.found.total;
            let words = if total > people.len() as u64 {
                t.args("attendance-found-more", &[("shown", people.len().to_string()), ("count", total.to_string())])
            } else {
                t.count("attendance-found", total)
            };
            (Some(people), words)
        }
    };

    let html = render(&AttendancePage {
        chrome: Chrome::new(&staff.ctx, state, t.get("community-attendance-title")),
        visits: a.tally.visits,
        reasons,
        groups,
        kiosks,
        errors: field_messages(&t, errors),
        group_choices,
        other_choices,
        what,
        q,
        found,
        found_words,
    })?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, html).into_response())
}
