//! `POST /persons/{id}/reset`: a person's coach (or an administrator) makes a one-time reset link for the
//! person's portal account, shown once to give in person or by phone.

use axum::extract::State;
use axum::response::Html;

use super::issued::issued_page;
use crate::error::WebResult;
use crate::extract::{Empty, Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::render;

pub async fn reset_person(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Html<String>> {
    let (record, issued) = services::accounts::reset_person(&state, &s.ctx, &s.caller, s.person).await?;
    render(&issued_page(&state, &s.ctx, s.base.clone(), record.preferred_name, issued.as_ref()))
}
