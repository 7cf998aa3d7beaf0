//! `GET /referrals`: the organization's referrals, sent and received, each with where it stands and a flag when
//! it has waited more than 48 hours for an answer; and the loop's figures for the past 90 days.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::referral::{Status, waiting_too_long};
use pathways_store::model::Referral;
use pathways_store::referrals::Figures;

use super::status_words;
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::i18n::Tr;
use crate::services;
use crate::services::referrals::Boxes;
use crate::state::AppState;
use crate::views::{Chrome, render};

/// Referrals listed per box.
const SHOWN: usize = 200;

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
    let now = pathways_store::now();
    let Boxes { received, sent, received_figures, sent_figures } =
        services::referrals::boxes(&state, &ctx, &caller, SHOWN).await?;
    let t = ctx.t();
    let from_names = services::referrals::organization_names(&state).await?;
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
