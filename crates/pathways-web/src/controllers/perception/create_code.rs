//! `POST /perception/codes`: makes a one-time code and shows it once.

use axum::extract::State;
use axum::response::Html;

use super::show_codes::CodesPage;
use crate::error::WebResult;
use crate::extract::{Empty, SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn create_code(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Html<String>> {
    let code = services::perception::issue_code(&state, &ctx, &caller).await?;
    let heading = ctx.t().get("survey-codes-title");
    render(&CodesPage { chrome: Chrome::new(&ctx, &state, heading.clone()), heading, code: Some(code) })
}
