//! `GET /access-line`: the new-call form, follow-ups due and recent calls.

use axum::extract::State;
use axum::response::Html;
use pathways_domain::access_line::call::RawCall;

use super::console::console;
use crate::error::WebResult;
use crate::extract::Operator;
use crate::state::AppState;

pub async fn show_console(State(state): State<AppState>, op: Operator) -> WebResult<Html<String>> {
    Ok(Html(console(&state, &op, RawCall::default(), Vec::new()).await?))
}
