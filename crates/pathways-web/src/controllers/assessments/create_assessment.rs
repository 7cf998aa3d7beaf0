//! `POST …/assessments`: scores a BARC-10 and stores it as given.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::barc10::{Barc10Answers, ITEMS};

use super::new_assessment::Barc10Form;
use crate::error::WebResult;
use crate::extract::{Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::words::barc10_error_text;
use crate::views::{Chrome, render};

pub async fn create_assessment(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let raw: Vec<Option<i64>> = (1..=ITEMS)
        .map(|i| pairs.iter().find(|(k, _)| *k == format!("item{i}")).and_then(|(_, v)| v.trim().parse().ok()))
        .collect();
    let t = s.ctx.t();
    let answers = match Barc10Answers::parse(&raw) {
        Ok(a) => a,
        Err(e) => {
            let kept: Vec<Option<u8>> =
                raw.iter().map(|v| v.and_then(|v| u8::try_from(v).ok()).filter(|v| (1..=6).contains(v))).collect();
            let mut page =
                Barc10Form::new(t, Chrome::new(&s.ctx, &state, t.get("barc10-title")), &s.base, s.is_self, &kept);
            let message = barc10_error_text(t, &e);
            if let Some(item) = e.item() {
                page.statements[item - 1].error = Some(message.clone());
                page.error = Some((item, message));
            }
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let saved = services::assessments::record(&state, &s.ctx, &s.caller, s.person, &answers).await?;
    Ok(crate::flash::redirect(&state, &format!("{}/assessments/{}", s.base, saved.id), crate::key!("flash-saved")))
}
