//! `POST /persons/{id}/outcome-interviews/{interview}`: one section's answers. "Save and continue" keeps them and
//! shows the next section; on the last section, "Finish" completes the interview (every required item asked must
//! be answered; the problems are shown on the section they belong to).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pathways_domain::ids::OutcomeInterviewId;
use pathways_domain::outcomes::instrument::Kind;
use pathways_domain::outcomes::proxy::AnsweredBy;

use crate::error::{WebError, WebResult};
use crate::extract::{InPath, Subject, VerifiedForm};
use crate::services;
use crate::services::interviews::Save;
use crate::state::AppState;
use crate::views::render;

pub async fn save_interview(
    State(state): State<AppState>,
    s: Subject,
    InPath(id): InPath<OutcomeInterviewId>,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let field = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_owned());
    let section = field("section").and_then(|v| v.parse::<usize>().ok()).unwrap_or(0);
    let finish = field("finish").is_some();
    let (_, row, instrument) = services::interviews::one(&state, &s.ctx, &s.caller, s.person, id.as_uuid()).await?;
    let Some(sec) = instrument.sections.get(section) else { return Err(WebError::NotFound) };
    let answers = answers_of(&sec.items, &pairs);
    // Who gave this part's answers: asked only where a proxy may answer (absent: what was recorded stays).
    let choice = field("answered_by").map(|by| (by, field("proxy_relationship").unwrap_or_default()));
    let answered_by = match choice.as_ref().map(|(by, relationship)| AnsweredBy::from_form(by, relationship)) {
        None => None,
        Some(Ok(a)) => Some((sec.id.clone(), a)),
        Some(Err(e)) => {
            let errors = vec![(e.field.to_owned(), s.ctx.t().get(&format!("interview-proxy-error-{}", e.code)))];
            let page = super::edit_interview::page(&state, &s, id, Some(section), &answers, errors, choice).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let save = Save {
        interview: Some(row.id),
        answers: answers.clone(),
        complete: finish,
        administrative: None,
        day: None,
        answered_by,
    };
    match services::interviews::save(&state, &s.ctx, &s.caller, s.person, save).await {
        Ok(_) if finish => Ok(crate::flash::redirect(
            &state,
            &format!("{}/outcome-interviews", s.base),
            crate::key!("flash-interview-complete"),
        )),
        Ok(_) => {
            let next = (section + 1).min(instrument.sections.len().saturating_sub(1));
            Ok(Redirect::to(&format!("{}/outcome-interviews/{}?section={next}", s.base, row.id)).into_response())
        }
        Err(WebError::InvalidPaths { fields, .. }) => {
            let errors = answer_messages(&s.ctx.t(), &instrument, fields);
            // Show the first section with a problem (a required item left on an earlier screen).
            let at = instrument
                .sections
                .iter()
                .position(|sec| sec.items.iter().any(|i| errors.iter().any(|(f, _)| f == &i.id)))
                .unwrap_or(section);
            let (posted, choice) = if at == section { (answers, choice) } else { (serde_json::Map::new(), None) };
            let page = super::edit_interview::page(&state, &s, id, Some(at), &posted, errors, choice).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(WebError::Conflict(_)) => Ok(crate::flash::redirect(
            &state,
            &format!("{}/outcome-interviews", s.base),
            crate::key!("flash-interview-settled"),
        )),
        Err(e) => Err(e),
    }
}

/// One screen's answers from the posted pairs: each item of the screen (a blank clears its answer; BARC-10's ten
/// statements are posted as `ITEM_1` … `ITEM_10`).
pub fn answers_of(
    items: &[pathways_domain::outcomes::instrument::Item],
    pairs: &[(String, String)],
) -> serde_json::Map<String, serde_json::Value> {
    let field = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_owned());
    let mut answers = serde_json::Map::new();
    for item in items {
        let value = match item.kind {
            Kind::Barc10 => {
                let list: Vec<serde_json::Value> = (1..=pathways_domain::barc10::ITEMS)
                    .map(|n| field(&format!("{}_{n}", item.id)).filter(|v| !v.is_empty()))
                    .map(|v| v.map_or(serde_json::Value::Null, serde_json::Value::String))
                    .collect();
                if list.iter().all(serde_json::Value::is_null) {
                    serde_json::Value::Null
                } else {
                    serde_json::Value::Array(list)
                }
            }
            _ => field(&item.id).filter(|v| !v.is_empty()).map_or(serde_json::Value::Null, serde_json::Value::String),
        };
        answers.insert(item.id.clone(), value);
    }
    answers
}

/// The answers' problems as (item, the question and what is wrong), for the form's summary and its fields.
pub fn answer_messages(
    t: &crate::i18n::Tr,
    instrument: &pathways_domain::outcomes::instrument::Instrument,
    fields: Vec<(String, &'static str)>,
) -> Vec<(String, String)> {
    fields
        .into_iter()
        .map(|(f, code)| {
            // The "who answered" fields (`answered_by`: a section no proxy may answer).
            let Some(item) = f.strip_prefix("answers.") else {
                return (f.clone(), t.get(&format!("interview-proxy-error-{code}")));
            };
            let item = item.to_owned();
            let label = instrument.item(&item).map(|i| i.text.get(super::lang(t)).to_owned()).unwrap_or_default();
            (item, format!("{label} {}", t.get(&format!("interview-error-{code}"))))
        })
        .collect()
}
