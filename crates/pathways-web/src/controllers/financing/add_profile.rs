//! `POST /financing/profiles`: adds a payer profile (administrators); a bad field re-renders the page (422).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::financing::setup::RawProfile;

use super::show_funding::page;
use crate::error::{WebError, WebResult};
use crate::extract::{SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{field_messages, render};

pub async fn add_profile(
    State(state): State<AppState>,
    s: SignedIn,
    VerifiedForm(raw): VerifiedForm<RawProfile>,
) -> WebResult<Response> {
    match services::funding::add_profile(&state, &s.ctx, &s.caller, &raw).await {
        Ok(_) => Ok(crate::flash::redirect(&state, "/financing/funding", crate::key!("flash-saved"))),
        Err(WebError::Invalid(errors)) => {
            let t = s.ctx.t();
            let mut p = page(&state, &s, field_messages(&t, &errors), "profile").await?;
            p.profile = raw;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
        Err(e) => Err(e),
    }
}
