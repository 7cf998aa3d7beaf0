//! `GET /outreach`: the caller's queue. Supervisors may narrow it to the items escalated to them.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::outreach::{CHANNELS, OUTCOMES};
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::services::outreach::QueueView;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OutreachQuery {
    pub escalated: String,
    /// 1-based; past the last page shows the last.
    pub page: u64,
}

/// Items per page of the queue.
pub const PER_PAGE: u64 = 50;

pub struct Item {
    pub id: String,
    pub person_id: String,
    pub name: String,
    pub kind: String,
    pub urgent: bool,
    pub class: String,
    pub waited: String,
    pub attempts: String,
    pub escalated: bool,
    /// An outcome interview's item: which interview and its window, in words; empty otherwise.
    pub window: String,
    /// Where the person's name leads: their check-ups, or their outcome interviews for an interview's item.
    pub href: String,
}

#[derive(Template)]
#[template(path = "outreach/show.html")]
struct OutreachPage {
    chrome: Chrome,
    heading: String,
    items: Vec<Item>,
    escalated_only: bool,
    supervising: bool,
    configures: bool,
    channels: Vec<(&'static str, String)>,
    outcomes: Vec<(&'static str, String)>,
    count_line: String,
    /// Links to the previous and next pages, when there are.
    prev: Option<String>,
    next: Option<String>,
    page_line: String,
}

pub async fn show_outreach(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<OutreachQuery>,
) -> WebResult<Html<String>> {
    let escalated_only = q.escalated == "1";
    let QueueView { supervising, total, page, pages, rows, interview_windows } =
        services::outreach::queue_page(&state, &ctx, &caller, escalated_only, q.page, PER_PAGE).await?;
    let t = ctx.t();
    let now = pathways_store::now();
    let items = rows
        .into_iter()
        .map(|r| {
            let days = (now - r.opened_at).num_days().max(0);
            let window = interview_windows.get(&r.person_id).filter(|_| r.kind == "interview_due");
            Item {
                window: window.map_or_else(String::new, |w| {
                    t.args(
                        "outreach-interview-window",
                        &[
                            ("interview", crate::views::words::interview_kind_words(&t, w.interview)),
                            ("opens", w.opens.to_string()),
                            ("closes", w.closes.to_string()),
                            ("due", w.due.to_string()),
                        ],
                    )
                }),
                href: if r.kind == "interview_due" {
                    format!("/persons/{}/outcome-interviews", r.person_id)
                } else {
                    format!("/persons/{}/checkups", r.person_id)
                },
                id: r.id.to_string(),
                person_id: r.person_id.to_string(),
                name: r.preferred_name,
                kind: t.get(&format!("outreach-kind-{}", r.kind.replace('_', "-"))),
                urgent: r.urgency_class == 0,
                class: t.get(&format!("outreach-class-{}", r.urgency_class.clamp(0, 3))),
                waited: t.count("outreach-waited-days", u64::try_from(days).unwrap_or(0)),
                attempts: if r.attempts > 0 {
                    t.count("outreach-attempts", u64::try_from(r.attempts).unwrap_or(0))
                } else {
                    String::new()
                },
                escalated: r.escalated_at.is_some(),
            }
        })
        .collect::<Vec<_>>();
    let heading = t.get("outreach-title");
    render(&OutreachPage {
        chrome: Chrome::new(&ctx, &state, heading.clone()),
        heading,
        count_line: t.count("outreach-count", total),
        prev: (page > 1).then(|| link(escalated_only, page - 1)),
        next: (page < pages).then(|| link(escalated_only, page + 1)),
        page_line: if pages > 1 {
            t.args("outreach-page", &[("page", page.to_string()), ("pages", pages.to_string())])
        } else {
            String::new()
        },
        items,
        escalated_only,
        supervising,
        configures: pathways_domain::access::may_configure_program(&caller.principal),
        channels: CHANNELS.iter().map(|c| (*c, t.get(&format!("outreach-channel-{c}")))).collect(),
        outcomes: OUTCOMES.iter().map(|o| (*o, t.get(&format!("outreach-outcome-{}", o.replace('_', "-"))))).collect(),
    })
}

fn link(escalated_only: bool, page: u64) -> String {
    if escalated_only { format!("/outreach?escalated=1&page={page}") } else { format!("/outreach?page={page}") }
}
