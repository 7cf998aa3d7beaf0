//! `GET /outreach/settings`: the program's check-up schedule and outreach rules, for a supervisor or an
//! administrator to change.

use axum::extract::State;
use axum::response::Html;
use pathways_domain::outreach::SettingsForm;

use super::settings_form::page;
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;
use crate::views::render;

pub async fn show_settings(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
) -> WebResult<Html<String>> {
    let p = services::outreach::settings(&state, &ctx, &caller).await?;
    render(&page(&ctx, &state, &SettingsForm::of(p.schedule, &p.rules), &[]))
}
