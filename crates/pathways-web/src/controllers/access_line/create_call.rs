//! `POST /access-line/calls`: record a call and go to it; a call that can't be read comes back on the console
//! with what was typed and each problem named.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use pathways_domain::access_line::call::{Call, RawCall};

use super::console::console;
use crate::error::WebResult;
use crate::extract::{Operator, VerifiedForm};
use crate::services;
use crate::state::AppState;

/// The form's pairs as a call (checkbox groups repeat their name).
fn raw_call(pairs: &[(String, String)]) -> RawCall {
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    RawCall {
        caller_type: get("caller_type"),
        first_name: get("first_name"),
        callback: get("callback"),
        anonymous: get("anonymous"),
        place: get("place"),
        substances: pairs.iter().filter(|(n, _)| n == "substances").map(|(_, v)| v.clone()).collect(),
        hours_since_last_use: get("hours_since_last_use"),
        withdrawal_signs: get("withdrawal_signs"),
        hallucinations_or_confusion: get("hallucinations_or_confusion"),
        history_of_withdrawal_seizures: get("history_of_withdrawal_seizures"),
        emergency_sign: get("emergency_sign"),
        safety_concern: get("safety_concern"),
        danger_now: get("danger_now"),
        unstably_housed: get("unstably_housed"),
        recent_return_to_use: get("recent_return_to_use"),
    }
}

pub async fn create_call(
    State(state): State<AppState>,
    op: Operator,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let raw = raw_call(&pairs);
    let call = match Call::parse(&raw) {
        Ok(call) => call,
        Err(fields) => {
            // The form comes back with what was typed and each problem named: nothing typed is lost.
            let t = op.ctx.t();
            let errors = fields
                .iter()
                .map(|f| {
                    (t.get(&crate::views::field_label_key(f.field)), t.get(&crate::views::field_error_key(f.code)))
                })
                .collect();
            let html = console(&state, &op, raw, errors).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
        }
    };
    let id = services::access_line::open_call(&state, &op.ctx, &op.caller, &call).await?;
    Ok(Redirect::to(&format!("/access-line/calls/{id}")).into_response())
}
