//! `GET /me/consents` and `GET /persons/{id}/consents`: the person's consents — in force, ended or revoked — with
//! a revoke button on each in force, and the form for a new one with the statements it will carry.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::consent::{ALLY_CATEGORIES, Category, in_force};
use pathways_store::consents;

use crate::error::WebResult;
use crate::extract::Subject;
use crate::services;
use crate::services::consents::{ConsentInput, Overview, statements};
use crate::state::AppState;
use crate::views::words::{categories_words, category_key, expiry_words, recipient_words};
use crate::views::{Chrome, render};

pub struct Row {
    pub id: String,
    pub recipient: String,
    pub categories: String,
    pub purpose: String,
    pub expiry: String,
    pub signed: String,
    pub status: String,
    pub in_force: bool,
    /// Ends on an event (staff can record that it happened).
    pub on_event: bool,
    /// Signed on paper: staff may attach the scan.
    pub paper: bool,
    pub has_scan: bool,
    /// Every scan uploaded, the current one first (issue 23).
    pub scans: Vec<ScanLine>,
}

/// One upload of a consent's scan, as the page says it.
pub struct ScanLine {
    /// "Current" or "Replaced on …"
    pub state: String,
    /// "Uploaded on … by …"
    pub uploaded: String,
    pub sha256: String,
}

#[derive(Template)]
#[template(path = "consents/list.html")]
pub struct ConsentsPage {
    pub chrome: Chrome,
    pub heading: String,
    pub base: String,
    pub is_self: bool,
    pub rows: Vec<Row>,
    /// (account id, name)
    pub allies: Vec<(String, String)>,
    /// (code, label, offered to allies)
    pub categories: Vec<(&'static str, String, bool)>,
    pub statements: Vec<String>,
    pub tpo_statements: Vec<String>,
    pub form: ConsentInput,
    pub errors: Vec<(String, String)>,
    pub today: String,
    pub default_expiry: String,
}

impl ConsentsPage {
    pub fn checked(&self, category: &str) -> bool {
        self.form.categories.iter().any(|c| c == category)
    }
}

pub async fn list_consents(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    render(&page(&state, &s, ConsentInput::default(), Vec::new()).await?)
}

pub async fn page(
    state: &AppState,
    s: &Subject,
    form: ConsentInput,
    errors: Vec<(String, String)>,
) -> WebResult<ConsentsPage> {
    let Overview { person: record, consents: list, context: cx, scans, scan_history } =
        services::consents::overview(state, &s.ctx, &s.caller, s.person).await?;
    let t = s.ctx.t();
    let today = crate::clock::today();
    let mut rows = Vec::new();
    for m in &list {
        let doc = consents::document(m)?;
        let facts = consents::facts_of(m, doc.clone());
        let live = in_force(&facts, today);
        let status = match (m.revoked_at, m.ended_at) {
            (Some(at), _) => t.arg("consent-status-revoked", "date", &at.date_naive().to_string()),
            (None, Some(at)) => t.arg("consent-status-ended", "date", &at.date_naive().to_string()),
            (None, None) if live => t.get("consent-status-in-force"),
            (None, None) => t.get("consent-status-expired"),
        };
        let signed_key = if m.signature_kind == "paper" { "consent-signed-paper" } else { "consent-signed-electronic" };
        rows.push(Row {
            id: m.id.to_string(),
            recipient: recipient_words(&t, &doc.recipient),
            categories: categories_words(&t, &facts.categories),
            purpose: doc.purpose,
            expiry: expiry_words(&t, &doc.expiry),
            signed: t.arg(signed_key, "date", &m.signed_on.to_string()),
            status,
            in_force: m.revoked_at.is_none() && live,
            on_event: m.expiry_event.is_some(),
            paper: m.signature_kind == "paper",
            has_scan: scans.contains(&m.id),
            scans: scan_history
                .iter()
                .filter(|(v, _)| v.consent_id == m.id)
                .map(|(v, by)| ScanLine {
                    state: match v.replaced {
                        None => t.get("consent-scan-current"),
                        Some((at, _)) => t.arg("consent-scan-replaced", "date", &at.date_naive().to_string()),
                    },
                    uploaded: t.args(
                        "consent-scan-uploaded",
                        &[("date", v.uploaded_at.date_naive().to_string()), ("name", by.clone())],
                    ),
                    sha256: v.sha256.clone(),
                })
                .collect(),
        });
    }
    let heading =
        if s.is_self { t.get("consent-title-mine") } else { t.arg("consent-title", "name", &record.preferred_name) };
    let st = statements(&t, &cx.program);
    let default_expiry = today.checked_add_months(chrono::Months::new(12)).unwrap_or(today);
    let form = if form.purpose.is_empty() && errors.is_empty() {
        ConsentInput {
            purpose: t.get("consent-purpose-default"),
            expiry_kind: "date".into(),
            expires_on: default_expiry.to_string(),
            signed_on: today.to_string(),
            recipient_kind: if cx.allies.is_empty() { "organization".into() } else { "ally".into() },
            ally: cx.allies.first().map(|a| a.id.to_string()).unwrap_or_default(),
            ..form
        }
    } else {
        form
    };
    Ok(ConsentsPage {
        chrome: Chrome::new(&s.ctx, state, heading.clone()),
        heading,
        base: s.base.clone(),
        is_self: s.is_self,
        rows,
        allies: cx.allies.iter().map(|a| (a.id.to_string(), a.display_name.clone())).collect(),
        categories: Category::ALL
            .into_iter()
            .map(|c| (c.as_str(), t.get(&category_key(c)), ALLY_CATEGORIES.contains(&c)))
            .collect(),
        statements: vec![st.right_to_revoke, st.how_to_revoke, st.reliance],
        tpo_statements: vec![st.hipaa_redisclosure, st.refusal_effect],
        form,
        errors,
        today: today.to_string(),
        default_expiry: default_expiry.to_string(),
    })
}
