//! `GET /referrals`: the organization's referrals, sent and received, each with where it stands and a flag when
//! it has waited more than 48 hours for an answer; and the loop's figures for the past 90 days.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::access::may_handle_referrals;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::referral::{Status, waiting_too_long};
use pathways_store::audit::AuditEntry;
use pathways_store::model::Referral;
use pathways_store::referrals::{self, Box, Figures};

use super::status_words;
use crate::access::audit_read;
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::views::{Chrome, render};

/// Referrals listed per box.
const SHOWN: usize = 200;
/// The most referrals a box's figures count.
const FIGURES_LIMIT: u64 = 100_000;

pub struct Line {
    pub id: String,
    pub service: String,
    pub other_end: String,
    pub status: String,
    pub when: String,
    pub overdue: bool,
}

/// A box's figures as shown.
pub struct Shown {
    pub referrals: u64,
    pub ack_30: String,
    pub ack_day: String,
    pub completed: String,
    pub waiting: u64,
}

#[derive(Template)]
#[template(path = "referrals/list.html")]
struct ReferralsPage {
    chrome: Chrome,
    heading: String,
    received: Vec<Line>,
    sent: Vec<Line>,
    received_figures: Shown,
    sent_figures: Shown,
}

fn share(n: u64, of: u64) -> String {
    if of == 0 { "—".into() } else { format!("{:.0}%", n as f64 * 100.0 / of as f64) }
}

fn shown(f: Figures) -> Shown {
    Shown {
        referrals: f.referrals,
        ack_30: share(f.acknowledged_30_min, f.referrals),
        ack_day: share(f.acknowledged_1_day, f.referrals),
        completed: share(f.completed, f.referrals),
        waiting: f.waiting_too_long,
    }
}

fn line(t: &Tr, r: Referral, other_end: String, now: chrono::DateTime<chrono::Utc>) -> Line {
    let status = Status::parse(&r.status).unwrap_or(Status::Requested);
    Line {
        id: r.id.to_string(),
        service: r.service_name,
        other_end,
        status: status_words(t, &r.status),
        when: r.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        overdue: waiting_too_long(status, r.created_at, now),
    }
}

pub async fn list_referrals(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
) -> WebResult<Html<String>> {
    if !may_handle_referrals(&caller.principal) {
        let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail("referral_list");
        audit_read(&state, &ctx, entry).await?;
        return Err(WebError::Forbidden);
    }
    let db = state.store.reader();
    let now = pathways_store::now();
    let since = now - chrono::Duration::days(90);
    // One read per box: the figures count the whole period, the page lists the newest.
    let mut received = referrals::list(db, caller.org, Box::Received, since, FIGURES_LIMIT).await?;
    let mut sent = referrals::list(db, caller.org, Box::Sent, since, FIGURES_LIMIT).await?;
    let received_figures = referrals::figures(&received, now);
    let sent_figures = referrals::figures(&sent, now);
    received.truncate(SHOWN);
    sent.truncate(SHOWN);
    let entry = AuditEntry::new(AuditAction::ReferralRead, AuditOutcome::Success).detail(format!(
        "list received={} sent={}",
        received.len(),
        sent.len()
    ));
    audit_read(&state, &ctx, entry).await?;
    let t = ctx.t();
    let from_names: std::collections::HashMap<uuid::Uuid, String> =
        pathways_store::orgs::list(db).await?.into_iter().map(|o| (o.id, o.name)).collect();
    let heading = t.get("referral-title");
    render(&ReferralsPage {
        chrome: Chrome::new(&ctx, &state, heading.clone()),
        heading,
        received: received
            .into_iter()
            .map(|r| {
                let from = from_names.get(&r.from_org_id).cloned().unwrap_or_default();
                line(&t, r, from, now)
            })
            .collect(),
        sent: sent
            .into_iter()
            .map(|r| {
                let to = r.to_name.clone();
                line(&t, r, to, now)
            })
            .collect(),
        received_figures: shown(received_figures),
        sent_figures: shown(sent_figures),
    })
}
