//! `POST /persons/{id}/kiosk-code`: issues the person a kiosk check-in code (any code before it stops working) and
//! shows it this once — to write on their keytag or card; only its hash is kept, so it can't be shown again.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::error::WebResult;
use crate::extract::{Empty, Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "kiosk_codes/issued.html")]
struct IssuedPage {
    chrome: Chrome,
    base: String,
    code: String,
}

pub async fn issue_kiosk_code(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(_): VerifiedForm<Empty>,
) -> WebResult<Html<String>> {
    let code = services::kiosk_known::issue_code(&state, &s.ctx, &s.caller, s.person).await?;
    let t = s.ctx.t();
    render(&IssuedPage { chrome: Chrome::new(&s.ctx, &state, t.get("kiosk-code-issued-title")), base: s.base, code })
}
