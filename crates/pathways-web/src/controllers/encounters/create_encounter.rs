//! `POST /persons/{id}/encounters`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::encounter::{Encounter, RawEncounter};
use serde::Deserialize;

use crate::error::{WebError, WebResult};
use crate::extract::{Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{field_error_key, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EncounterForm {
    date: String,
    #[serde(rename = "type")]
    kind: String,
    minutes: String,
    topics: String,
    notes: String,
}

pub async fn create_encounter(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(f): VerifiedForm<EncounterForm>,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let raw = RawEncounter {
        date: f.date.clone(),
        kind: f.kind.clone(),
        minutes: if f.minutes.trim().is_empty() { None } else { Some(f.minutes.trim().parse().unwrap_or(-1)) },
        topics: f.topics.clone(),
        notes: f.notes.clone(),
    };
    let encounter = match Encounter::parse(&raw, crate::clock::today()) {
        Ok(e) => e,
        Err(errors) => {
            let t = s.ctx.t();
            let errors = errors
                .iter()
                .map(|e| {
                    (
                        e.field.to_owned(),
                        format!("{}: {}", t.get(&format!("encounter-{}", e.field)), t.get(&field_error_key(e.code))),
                    )
                })
                .collect();
            let page =
                super::list_encounters::page(&state, &s, errors, Some((f.date, f.kind, f.minutes, f.topics, f.notes)))
                    .await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    services::encounters::record(&state, &s.ctx, &s.caller, s.person, &encounter).await?;
    Ok(crate::flash::redirect(&state, &format!("{}/encounters", s.base), crate::key!("flash-saved")))
}
