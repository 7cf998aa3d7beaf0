//! `GET /residences`: the operator's residences. Each shows what the public board shows, whether a report is
//! due or stale, why it is hidden from the board (an expired certificate), the antagonist flags, the last
//! reports, and one big button per change: one more or one fewer bed open, "still right", or the number typed.
//! Plain forms with CSRF tokens: no JavaScript needed, big targets for a phone.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::housing::NaloxoneFlag;
use pathways_domain::housing::report::ReportStatus;
use pathways_store::housing::ResidenceView;

use crate::error::WebResult;
use crate::extract::ProviderStaff;
use crate::i18n::Tr;
use crate::services;
use crate::state::AppState;
use crate::views::holds::HoldRow;
use crate::views::housing::{ResidenceCard, card};
use crate::views::{Chrome, render};

pub struct OperatorCard {
    pub card: ResidenceCard,
    pub reported_beds: u32,
    pub total_beds: u32,
    pub held: u32,
    pub doses: u32,
    /// What the operator must know first: a report due, a hidden residence, the antagonist flags.
    pub notices: Vec<String>,
    pub listed: bool,
    pub holds: Vec<HoldRow>,
}

#[derive(Template)]
#[template(path = "residences/list.html")]
struct ResidencesPage {
    chrome: Chrome,
    residences: Vec<OperatorCard>,
}

/// The operator's notices for one residence (also counted on their home page).
pub fn notices(t: &Tr, r: &ResidenceView) -> Vec<String> {
    let mut out = Vec::new();
    match r.report_status {
        ReportStatus::Never => out.push(t.get("residences-report-never")),
        ReportStatus::Due => out.push(t.get("residences-report-due")),
        ReportStatus::Stale => out.push(t.get("residences-report-stale")),
        ReportStatus::Fresh => {}
    }
    if !r.certification_status.listed() {
        out.push(match &r.certification {
            Some(c) => t.arg("residences-hidden-expired", "date", &c.expires_on.to_string()),
            None => t.get("residences-hidden-uncertified"),
        });
    } else if r.certification_status == pathways_domain::housing::CertificationStatus::Expiring {
        let date = r.certification.as_ref().map(|c| c.expires_on.to_string()).unwrap_or_default();
        out.push(t.arg("residences-expiring", "date", &date));
    }
    for f in &r.naloxone_flags {
        out.push(t.get(match f {
            NaloxoneFlag::TooFewDoses => "residences-flag-too-few-doses",
            NaloxoneFlag::NoTraining => "residences-flag-no-training",
        }));
    }
    out
}

pub async fn list_residences(State(state): State<AppState>, staff: ProviderStaff) -> WebResult<Html<String>> {
    let t = staff.ctx.t();
    let (residences, holds) = services::housing::residences_of(&state, &staff.caller).await?;
    let tz = state.config.deployment.time_zone;
    let cards = residences
        .iter()
        .map(|r| OperatorCard {
            card: card(&t, r, None, tz),
            reported_beds: r.reported_beds,
            total_beds: r.total_beds,
            held: r.held,
            doses: r.naloxone_doses,
            notices: notices(&t, r),
            listed: r.certification_status.listed(),
            holds: holds
                .iter()
                .filter(|h| h.residence_id == r.id)
                .map(|h| HoldRow::new(h.id, h.expires_at, tz, "%Y-%m-%d %H:%M"))
                .collect(),
        })
        .collect();
    render(&ResidencesPage { chrome: Chrome::new(&staff.ctx, &state, t.get("residences-title")), residences: cards })
}
