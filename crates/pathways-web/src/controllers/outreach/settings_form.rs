//! The program settings form (`/outreach/settings`), shown by `show_settings` and again, with its problems, by
//! `save_settings`.

use askama::Template;
use pathways_domain::outreach::SettingsForm;
use pathways_domain::text::FieldError;
use serde::Deserialize;

use crate::ctx::Ctx;
use crate::state::AppState;
use crate::views::{Chrome, field_label_key, field_messages};

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

impl From<PostedSettings> for SettingsForm {
    fn from(f: PostedSettings) -> Self {
        SettingsForm {
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
        }
    }
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
pub struct SettingsPage {
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

pub fn page(ctx: &Ctx, state: &AppState, f: &SettingsForm, errors: &[FieldError]) -> SettingsPage {
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
