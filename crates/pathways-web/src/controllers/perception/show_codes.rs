//! `GET /perception/codes`: where staff make a one-time code for the survey on a shared tablet.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::outcomes::perception::may_issue_codes;

use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "perception/codes.html")]
pub struct CodesPage {
    pub chrome: Chrome,
    pub heading: String,
    /// The code just made, shown once.
    pub code: Option<String>,
}

pub async fn show_codes(State(state): State<AppState>, SignedIn { ctx, caller }: SignedIn) -> WebResult<Html<String>> {
    if !may_issue_codes(&caller.principal) {
        return Err(WebError::Forbidden);
    }
    let heading = ctx.t().get("survey-codes-title");
    render(&CodesPage { chrome: Chrome::new(&ctx, &state, heading.clone()), heading, code: None })
}
