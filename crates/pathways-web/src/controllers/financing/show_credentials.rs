//! `GET /financing/credentials` (issue 21): each staff member's credentials, flagged when expired or expiring
//! within the reminder's days, and their latest supervision contact; the forms to add a credential and to log a
//! supervision contact. Supervisors and administrators (`may_read_financing`).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::financing::staff::{RawCredential, RawSupervision, Standing};

use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct StaffRow {
    pub id: String,
    pub name: String,
    /// (kind, number, issued on, expires on, flag: "expired" / "expiring" / "")
    pub credentials: Vec<(String, String, String, String, String)>,
    pub last_supervision: String,
}

#[derive(Template)]
#[template(path = "financing/credentials.html")]
pub struct CredentialsPage {
    pub chrome: Chrome,
    pub heading: String,
    pub staff: Vec<StaffRow>,
    pub errors: Vec<(String, String)>,
    /// The form the errors are about: `credential` or `supervision`.
    pub failed: String,
    pub staff_member: String,
    pub credential: RawCredential,
    pub supervision: RawSupervision,
    pub supervision_minutes: String,
    pub today: String,
}

pub async fn show_credentials(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
) -> WebResult<Html<String>> {
    render(&page(&state, &SignedIn { ctx, caller }, Vec::new(), "", "").await?)
}

/// The page (again, with a form's errors and what was typed).
pub async fn page(
    state: &AppState,
    s: &SignedIn,
    errors: Vec<(String, String)>,
    failed: &str,
    staff_member: &str,
) -> WebResult<CredentialsPage> {
    let list = services::financing::staff_credentials(state, &s.ctx, &s.caller).await?;
    let t = s.ctx.t();
    let today = crate::clock::today();
    let staff = list
        .into_iter()
        .map(|m| StaffRow {
            id: m.account.to_string(),
            name: m.name,
            credentials: m
                .credentials
                .iter()
                .map(|c| {
                    let flag = match Standing::of(c, today) {
                        Standing::Expired => t.get("credentials-expired"),
                        Standing::Expiring => t.get("credentials-expiring"),
                        Standing::Current => String::new(),
                    };
                    (
                        c.kind.clone(),
                        c.number.clone().unwrap_or_default(),
                        c.issued_on.to_string(),
                        c.expires_on.map_or_else(|| t.get("credentials-no-expiry"), |e| e.to_string()),
                        flag,
                    )
                })
                .collect(),
            last_supervision: m.last_supervision.map_or_else(|| t.get("credentials-no-supervision"), |d| d.to_string()),
        })
        .collect();
    let heading = t.get("credentials-title");
    Ok(CredentialsPage {
        chrome: Chrome::new(&s.ctx, state, heading.clone()),
        heading,
        staff,
        errors,
        failed: failed.to_owned(),
        staff_member: staff_member.to_owned(),
        credential: RawCredential::default(),
        supervision: RawSupervision { held_on: today.to_string(), ..RawSupervision::default() },
        supervision_minutes: "60".into(),
        today: today.to_string(),
    })
}
