//! `POST /access-line/calls/{id}/referrals`: an operator refers the person a call made.

use axum::extract::State;
use axum::response::Response;
use pathways_domain::ids::CallId;

use super::refer::{Place, ReferForm, submit};
use crate::error::WebResult;
use crate::extract::{InPath, Operator, VerifiedForm};
use crate::services;
use crate::state::AppState;

pub async fn create_call_referral(
    State(state): State<AppState>,
    op: Operator,
    InPath(call): InPath<CallId>,
    VerifiedForm(f): VerifiedForm<ReferForm>,
) -> WebResult<Response> {
    let person = services::referrals::person_of_call(&state, &op.caller, call).await?;
    let at = Place { person, base: format!("/access-line/calls/{call}"), via_call: Some(call) };
    submit(&state, &op.ctx, &op.caller, &at, f).await
}
