//! `POST /persons/{id}/referrals`: refer the person to a directory service. The consent gate runs before any
//! personal data is put in a packet (`services::referrals::send`).

use axum::extract::State;
use axum::response::Response;

use super::refer::{Place, ReferForm, submit};
use crate::error::WebResult;
use crate::extract::{Subject, VerifiedForm};
use crate::state::AppState;

pub async fn create_referral(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(f): VerifiedForm<ReferForm>,
) -> WebResult<Response> {
    let at = Place { person: s.person, base: s.base.clone(), via_call: None };
    submit(&state, &s.ctx, &s.caller, &at, f).await
}
