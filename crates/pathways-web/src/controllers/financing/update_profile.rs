//! `POST /financing/profiles/{profile}`: saves a payer profile's rules (administrators). The services already
//! recorded keep their check; the next ones are checked against the new rules.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::financing::setup::RawProfile;
use pathways_domain::ids::PayerProfileId;

use super::edit_profile::page;
use crate::error::{WebError, WebResult};
use crate::extract::{InPath, SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{field_messages, render};

pub async fn update_profile(
    State(state): State<AppState>,
    s: SignedIn,
    InPath(id): InPath<PayerProfileId>,
    VerifiedForm(raw): VerifiedForm<RawProfile>,
) -> WebResult<Response> {
    match services::funding::update_profile(&state, &s.ctx, &s.caller, id, &raw).await {
        Ok(_) => Ok(crate::flash::redirect(&state, "/financing/funding", crate::key!("flash-saved"))),
        Err(WebError::Invalid(errors)) => {
            let errors = field_messages(&s.ctx.t(), &errors);
            let p = page(&state, &s, id, errors, raw);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
        Err(e) => Err(e),
    }
}
