//! `GET /referrals/{id}`: one referral as either end sees it — the packet (all the receiving organization ever
//! sees of the person), the §2.32 notice, where it stands, its history, and the moves this side may make.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::ids::ReferralId;
use pathways_domain::referral::{Side, Status, transition};

use super::status_words;
use crate::error::WebResult;
use crate::extract::{InPath, SignedIn};
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

/// A move this side may make: (status code, button label, needs a reason).
pub type Move = (&'static str, String, bool);

#[derive(Template)]
#[template(path = "referrals/show.html")]
struct ReferralPage {
    chrome: Chrome,
    heading: String,
    id: String,
    receiving: bool,
    /// Not on Pathways: the sender prints the packet.
    printable: bool,
    status: String,
    status_reason: String,
    /// (label, value) of the packet, in order.
    packet: Vec<(String, String)>,
    /// (when, from → to, note)
    history: Vec<(String, String, String)>,
    moves: Vec<Move>,
}

fn text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

pub async fn show_referral(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    InPath(id): InPath<ReferralId>,
) -> WebResult<Html<String>> {
    let (r, side, events) = services::referrals::one(&state, &ctx, &caller, id).await?;
    let t = ctx.t();
    let from = Status::parse(&r.status).unwrap_or(Status::Requested);
    let moves = Status::ALL
        .into_iter()
        .filter(|to| transition(from, *to, side, Some("reason")).is_ok())
        .map(|to| {
            let needs_reason = transition(from, to, side, None).is_err();
            (to.as_str(), t.get(&format!("referral-move-{}", to.as_str())), needs_reason)
        })
        .collect();
    let p = &r.packet;
    let packet = vec![
        (t.get("referral-packet-name"), text(&p["person"]["name"])),
        (t.get("field-legal-name"), text(&p["person"]["legal_name"])),
        (t.get("field-pronouns"), text(&p["person"]["pronouns"])),
        (t.get("field-date-of-birth"), text(&p["person"]["date_of_birth"])),
        (t.get("field-phone"), text(&p["person"]["phone"])),
        (t.get("field-email"), text(&p["person"]["email"])),
        (t.get("field-preferred-language"), text(&p["person"]["preferred_language"])),
        (
            t.get("referral-packet-service"),
            format!("{} ({})", text(&p["service"]["name"]), text(&p["service"]["organization"])),
        ),
        (t.get("field-reason"), text(&p["reason"])),
        (
            t.get("referral-packet-from"),
            format!("{} — {}", text(&p["from"]["organization"]), text(&p["from"]["referred_by"])),
        ),
        (
            t.get("referral-packet-consent"),
            format!("{} ({})", text(&p["consent"]["purpose"]), text(&p["consent"]["signed_on"])),
        ),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .collect();
    let heading = t.arg("referral-heading", "service", &r.service_name);
    render(&ReferralPage {
        chrome: Chrome::new(&ctx, &state, heading.clone()),
        heading,
        id: r.id.to_string(),
        receiving: side == Side::Receiver,
        printable: side == Side::Sender && r.to_org_id.is_none(),
        status: status_words(&t, &r.status),
        status_reason: r.status_reason.unwrap_or_default(),
        packet,
        history: events
            .into_iter()
            .map(|e| {
                let from = e.from_status.map(|f| status_words(&t, &f)).unwrap_or_default();
                let to = status_words(&t, &e.to_status);
                let change = if from.is_empty() { to } else { format!("{from} → {to}") };
                (e.at.format("%Y-%m-%d %H:%M UTC").to_string(), change, e.note.unwrap_or_default())
            })
            .collect(),
        moves,
    })
}
