//! `POST /outreach/settings`: the program's new settings, checked field by field (the form comes back, 422, with
//! each problem named). A change applies from each person's next check-up on: due dates already set stay as they
//! are.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::outreach::{SettingsForm, parse_settings};

use super::settings_form::{PostedSettings, page};
use crate::error::WebResult;
use crate::extract::{SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::render;

pub async fn save_settings(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    VerifiedForm(f): VerifiedForm<PostedSettings>,
) -> WebResult<Response> {
    let form = SettingsForm::from(f);
    let (schedule, rules) = match parse_settings(&form) {
        Ok(s) => s,
        Err(errors) => {
            // Only those who may change the settings learn what was wrong with the form.
            services::outreach::settings(&state, &ctx, &caller).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page(&ctx, &state, &form, &errors))?).into_response());
        }
    };
    services::outreach::save_settings(&state, &ctx, &caller, schedule, rules).await?;
    Ok(crate::flash::redirect(&state, "/outreach/settings", crate::key!("flash-settings-saved")))
}
