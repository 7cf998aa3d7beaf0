//! `GET /access-line/calls/{id}/referrals?q=…`: an operator refers the person a call made — opened through the
//! call only.

use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::ids::CallId;

use super::refer::{Place, Refused, SearchQuery, page};
use crate::error::WebResult;
use crate::extract::{InPath, Operator};
use crate::services;
use crate::state::AppState;
use crate::views::render;

pub async fn call_referrals(
    State(state): State<AppState>,
    op: Operator,
    InPath(call): InPath<CallId>,
    Query(q): Query<SearchQuery>,
) -> WebResult<Html<String>> {
    let person = services::referrals::person_of_call(&state, &op.caller, call).await?;
    let at = Place { person, base: format!("/access-line/calls/{call}"), via_call: Some(call) };
    render(&page(&state, &op.ctx, &op.caller, &at, &q.q, None, Refused::default()).await?)
}
