//! `GET/POST /outreach/settings`: the program's check-up schedule and outreach rules, set by a supervisor or an
//! administrator. A change applies from each person's next check-up on: due dates already set stay as they are.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use pathways_domain::access::may_configure_program;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::outreach::{SettingsForm, parse_settings};
use pathways_domain::text::FieldError;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::checkups::{self, Program};
use serde::Deserialize;

use crate::access::audit_alone;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::extract::VerifiedForm;
use crate::state::AppState;
use crate::views::{Chrome, field_label_key, field_messages, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PostedSettings {
    schedule_kind: String,
    every_months: String,
    for_months: String,
    cap_months: String,
    window_days: String,
    time_zone: String,
    quiet_days: String,
    no_contact_days: String,
    linkage_stall_days: String,
    escalate_after: String,
}

/// One number input: its name, label, value and bounds.
pub struct NumberField {
    pub name: &'static str,
    pub label: String,
    pub value: String,
    pub min: u32,
    pub max: u32,
}

#[derive(Template)]
#[template(path = "outreach/settings.html")]
struct SettingsPage {
    chrome: Chrome,
    heading: String,
    adaptive: bool,
    schedule_fields: Vec<NumberField>,
    cap: NumberField,
    rule_fields: Vec<NumberField>,
    time_zone: String,
    errors: Vec<(String, String)>,
}

fn field(ctx: &Ctx, name: &'static str, value: &str, min: u32, max: u32) -> NumberField {
    NumberField { name, label: ctx.t().get(&field_label_key(name)), value: value.to_owned(), min, max }
}

fn page(ctx: &Ctx, state: &AppState, f: &SettingsForm, errors: &[FieldError]) -> SettingsPage {
    let t = ctx.t();
    let heading = t.get("settings-title");
    SettingsPage {
        chrome: Chrome::new(ctx, state, heading.clone()),
        heading,
        adaptive: f.schedule_kind == "adaptive",
        schedule_fields: vec![
            field(ctx, "every_months", &f.every_months, 1, 12),
            field(ctx, "for_months", &f.for_months, 1, 120),
        ],
        cap: field(ctx, "cap_months", &f.cap_months, 1, 12),
        rule_fields: vec![
            field(ctx, "window_days", &f.window_days, 1, 42),
            field(ctx, "quiet_days", &f.quiet_days, 1, 365),
            field(ctx, "no_contact_days", &f.no_contact_days, 7, 365),
            field(ctx, "linkage_stall_days", &f.linkage_stall_days, 1, 90),
            field(ctx, "escalate_after", &f.escalate_after, 1, 20),
        ],
        time_zone: f.time_zone.clone(),
        errors: field_messages(&t, errors),
    }
}

/// Refuses (403, with the denial audited) a caller who may not change the program's settings.
async fn gate(state: &AppState, ctx: &Ctx, caller: &crate::ctx::Caller) -> WebResult<()> {
    if may_configure_program(&caller.principal) {
        return Ok(());
    }
    let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
        .detail(AuditAction::ProgramSettingsUpdate.as_str());
    audit_alone(state, ctx, entry).await?;
    Err(WebError::Forbidden)
}

pub async fn show_settings(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
) -> WebResult<Html<String>> {
    gate(&state, &ctx, &caller).await?;
    let p = checkups::program(state.store.reader(), caller.org).await?;
    render(&page(&ctx, &state, &SettingsForm::of(p.schedule, &p.rules), &[]))
}

pub async fn save_settings(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    VerifiedForm(f): VerifiedForm<PostedSettings>,
) -> WebResult<Response> {
    gate(&state, &ctx, &caller).await?;
    let form = SettingsForm {
        schedule_kind: f.schedule_kind,
        every_months: f.every_months,
        for_months: f.for_months,
        cap_months: f.cap_months,
        window_days: f.window_days,
        time_zone: f.time_zone,
        quiet_days: f.quiet_days,
        no_contact_days: f.no_contact_days,
        linkage_stall_days: f.linkage_stall_days,
        escalate_after: f.escalate_after,
    };
    let (schedule, rules) = match parse_settings(&form) {
        Ok(s) => s,
        Err(errors) => {
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page(&ctx, &state, &form, &errors))?).into_response());
        }
    };
    let tx = state.store.begin().await?;
    checkups::set_program(&tx, caller.org, &Program { schedule, rules }).await?;
    let entry = AuditEntry::new(AuditAction::ProgramSettingsUpdate, AuditOutcome::Success)
        .on("organization", caller.org.as_uuid());
    audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    Ok(crate::flash::redirect(&state, "/outreach/settings", crate::key!("flash-settings-saved")))
}
