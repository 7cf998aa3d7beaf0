//! `GET /caseload`: each assigned person with their last contact, last check-in, latest BARC-10 and its change,
//! plan review, the outcome interview due this week with its window, and flags — urgent first. Supervisors see
//! their team's caseloads, one coach or all.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use uuid::Uuid;

use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::services::caseload::Caseload;
use crate::state::AppState;
use crate::views::words::interview_kind_words;
use crate::views::{Chrome, render};

/// No check-in for this many days is a flag.
const QUIET_DAYS: i64 = 14;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CaseloadQuery {
    pub coach: String,
    pub flag: String,
    pub sort: String,
}

pub struct Row {
    pub id: Uuid,
    pub name: String,
    pub coach: String,
    pub last_contact: String,
    pub last_checkin: String,
    pub barc: String,
    pub barc_change: String,
    pub review: String,
    /// The outcome interview due this week and its window, in words; empty when none.
    pub interview: String,
    pub flags: Vec<(&'static str, String)>,
    rank: (u8, i64),
    contact_key: Option<NaiveDate>,
    checkin_key: Option<DateTime<Utc>>,
    change_key: i64,
}

#[derive(Template)]
#[template(path = "caseload/show.html")]
struct CaseloadPage {
    chrome: Chrome,
    heading: String,
    rows: Vec<Row>,
    coaches: Vec<(String, String)>,
    query: CaseloadQuery,
    filters: Vec<(&'static str, String)>,
    sorts: Vec<(&'static str, String)>,
    truncated: bool,
    show_coach: bool,
    count_line: String,
}

pub async fn show_caseload(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<CaseloadQuery>,
) -> WebResult<Html<String>> {
    let Caseload { rows: found, truncated, supervising, coaches, interviews_due } =
        services::caseload::rows(&state, &ctx, &caller, q.coach.parse().ok()).await?;

    let t = ctx.t();
    let today = crate::clock::today();
    let now = Utc::now();
    // The words every row may need, looked up once per page rather than once per row.
    let never = t.get("never");
    let urgent_word = t.get("flag-urgent");
    let drop_word = t.get("flag-barc-drop");
    let review_word = t.get("plan-review-due");
    let quiet_word = t.arg("flag-quiet", "days", &QUIET_DAYS.to_string());
    let interview_word = t.get("flag-interview-due");
    let mut rows: Vec<Row> = found
        .into_iter()
        .map(|p| {
            let change = match (p.barc_previous, p.barc_latest) {
                (Some(a), Some(b)) => i64::from(b - a),
                _ => 0,
            };
            let mut flags = Vec::new();
            let urgent = p.urgent_items > 0;
            if urgent {
                flags.push(("urgent", urgent_word.clone()));
            }
            if p.drop_items > 0 || change <= -5 {
                flags.push(("drop", drop_word.clone()));
            }
            if p.review_date.is_some_and(|d| d <= today) {
                flags.push(("review", review_word.clone()));
            }
            if p.last_checkin.is_none_or(|c| (now - c).num_days() >= QUIET_DAYS) {
                flags.push(("quiet", quiet_word.clone()));
            }
            let interview = interviews_due.get(&p.id).map_or_else(String::new, |w| {
                t.args(
                    "caseload-interview-window",
                    &[
                        ("interview", interview_kind_words(&t, w.interview)),
                        ("opens", w.opens.to_string()),
                        ("closes", w.closes.to_string()),
                    ],
                )
            });

            let rank = if urgent {
                0
            } else if flags.is_empty() {
                2
            } else {
                1
            };
            Row {
                id: p.id,
                coach: p.assigned_coach_id.and_then(|c| coaches.get(&c).cloned()).unwrap_or_default(),
                last_contact: p.last_contact.map_or_else(|| never.clone(), |d| d.to_string()),
                last_checkin: p.last_checkin.map_or_else(|| never.clone(), |c| c.date_naive().to_string()),
                barc: p.barc_latest.map_or_else(|| "—".into(), |v| v.to_string()),
                barc_change: if p.barc_previous.is_some() { format!("{change:+}") } else { String::new() },
                review: p.review_date.map(|d| d.to_string()).unwrap_or_default(),
                interview,
                rank: (rank, -p.open_items),
                contact_key: p.last_contact,
                checkin_key: p.last_checkin,
                change_key: change,
                name: p.preferred_name,
                flags,
            }
        })
        .collect();
    match q.flag.as_str() {
        "" => {}
        // Not a flag (it does not move a person up the list): the persons with an outcome interview due this week.
        "interview" => rows.retain(|r| !r.interview.is_empty()),
        f => rows.retain(|r| r.flags.iter().any(|(k, _)| *k == f)),
    }
    match q.sort.as_str() {
        "name" => rows.sort_by(|a, b| a.name.cmp(&b.name)),
        "contact" => rows.sort_by_key(|r| r.contact_key),
        "checkin" => rows.sort_by_key(|r| r.checkin_key),
        "barc" => rows.sort_by_key(|r| r.change_key),
        _ => rows.sort_by(|a, b| a.rank.cmp(&b.rank).then_with(|| a.name.cmp(&b.name))),
    }
    let heading = if supervising { t.get("caseload-team") } else { t.get("persons-title-caseload") };
    let mut coach_list: Vec<(String, String)> = coaches.into_iter().map(|(id, name)| (id.to_string(), name)).collect();
    coach_list.sort_by(|a, b| a.1.cmp(&b.1));
    render(&CaseloadPage {
        chrome: Chrome::new(&ctx, &state, heading.clone()),
        heading,
        truncated,
        count_line: t.count("persons-count", rows.len() as u64),
        show_coach: supervising,
        rows,
        coaches: if supervising { coach_list } else { Vec::new() },
        filters: vec![
            ("", t.get("filter-all")),
            ("urgent", urgent_word),
            ("drop", drop_word),
            ("review", review_word),
            ("quiet", quiet_word),
            ("interview", interview_word),
        ],
        sorts: vec![
            ("", t.get("sort-attention")),
            ("name", t.get("sort-name")),
            ("contact", t.get("sort-contact")),
            ("checkin", t.get("sort-checkin")),
            ("barc", t.get("sort-barc")),
        ],
        query: q,
    })
}
