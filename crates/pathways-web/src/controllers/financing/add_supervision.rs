//! `POST /financing/supervision`: logs a supervision contact by the caller with a staff member (supervisors and
//! administrators).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::financing::staff::RawSupervision;
use serde::Deserialize;

use super::show_credentials::page;
use crate::error::{WebError, WebResult};
use crate::extract::{SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{field_messages, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SupervisionForm {
    pub staff_member: String,
    pub held_on: String,
    pub minutes: String,
    pub topics: String,
}

pub async fn add_supervision(
    State(state): State<AppState>,
    s: SignedIn,
    VerifiedForm(f): VerifiedForm<SupervisionForm>,
) -> WebResult<Response> {
    let minutes = f.minutes.trim();
    let raw = RawSupervision {
        held_on: f.held_on.clone(),
        minutes: if minutes.is_empty() { None } else { Some(minutes.parse().unwrap_or(-1)) },
        topics: f.topics.clone(),
    };
    match services::financing::add_supervision(&state, &s.ctx, &s.caller, &f.staff_member, &raw).await {
        Ok(_) => Ok(crate::flash::redirect(&state, "/financing/credentials", crate::key!("flash-saved"))),
        Err(WebError::Invalid(errors)) => {
            let t = s.ctx.t();
            let mut p = page(&state, &s, field_messages(&t, &errors), "supervision", &f.staff_member).await?;
            p.supervision = raw;
            p.supervision_minutes = f.minutes;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
        Err(e) => Err(e),
    }
}
