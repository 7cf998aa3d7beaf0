//! `GET /persons/{id}/kiosk` and `GET /me/kiosk`: the person's kiosk check-in code — none, in force since a day, or declined — with the
//! forms to issue (or issue again), remove it or record that they do not want one, and their drop-in visits signed
//! in with it, newest first. In the portal the person sees the same, in their own words, and may stop their code
//! or say they do not want one (issuing is staff's).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::community::kiosk_code::CodeStanding;

use crate::error::WebResult;
use crate::extract::Subject;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct VisitRow {
    pub when: String,
    pub reason: String,
    pub group: String,
}

#[derive(Template)]
#[template(path = "kiosk_codes/show.html")]
struct KioskVisitsPage {
    chrome: Chrome,
    heading: String,
    base: String,
    standing: String,
    has_code: bool,
    declined: bool,
    visits: Vec<VisitRow>,
    count_line: String,
    /// The person in their portal (`/me/kiosk`): their own words, no issuing.
    is_self: bool,
}

pub async fn show_kiosk_visits(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    let r = services::kiosk_known::record(&state, &s.ctx, &s.caller, s.person).await?;
    let t = s.ctx.t();
    let tz = state.config.deployment.time_zone;
    let day = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&tz).format("%Y-%m-%d").to_string();
    let standing = match (r.code.standing, r.code.changed_at) {
        (CodeStanding::Issued, Some(at)) => t.arg("kiosk-code-issued-on", "day", &day(at)),
        (CodeStanding::Declined, Some(at)) if s.is_self => t.arg("kiosk-me-declined-on", "day", &day(at)),
        (CodeStanding::Declined, Some(at)) => t.arg("kiosk-code-declined-on", "day", &day(at)),
        _ => t.get("kiosk-code-none"),
    };
    let visits = r
        .visits
        .iter()
        .map(|v| VisitRow {
            when: v.visited_at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string(),
            reason: t.get(&format!("kiosk-reason-{}", v.reason.code())),
            group: v.group.clone().unwrap_or_default(),
        })
        .collect();
    let heading =
        if s.is_self { t.get("kiosk-me-title") } else { t.arg("kiosk-record-title", "name", &r.person.preferred_name) };
    render(&KioskVisitsPage {
        chrome: Chrome::new(&s.ctx, &state, heading.clone()),
        heading,
        base: s.base,
        standing,
        has_code: r.code.standing == CodeStanding::Issued,
        declined: r.code.standing == CodeStanding::Declined,
        visits,
        count_line: t.count("kiosk-record-count", r.total),
        is_self: s.is_self,
    })
}
