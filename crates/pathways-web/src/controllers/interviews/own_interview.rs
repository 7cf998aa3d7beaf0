//! `GET /me/outcome-interview?section=N` and `POST /me/outcome-interview`: the person's own part of the outcome
//! interview open today, in the portal (issue 17) — only the items the person answers (`answered_by` names
//! `person`), one section per screen, resuming at the first unanswered; their answers go into the same interview
//! their coach continues and finishes. No interview open: the page says so.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use pathways_domain::outcomes::instrument::Respondent;

use super::edit_interview::{Question, RespondentChoice, SectionQuery, questions};
use super::lang;
use super::save_interview::{answer_messages, answers_of};
use crate::error::{WebError, WebResult};
use crate::extract::{Subject, VerifiedForm};
use crate::services;
use crate::services::interviews::Save;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "interviews/own.html")]
pub struct OwnPage {
    pub chrome: Chrome,
    pub heading: String,
    /// The interview open, in words (what it is, until when); `None`: nothing to answer now.
    pub open: Option<String>,
    /// Where the screen posts, and its last button (`interviews/screen.html`, shared with the staff form).
    pub action: &'static str,
    pub finish_key: &'static str,
    pub section: usize,
    pub section_title: String,
    pub progress: String,
    pub last: bool,
    pub questions: Vec<Question>,
    pub errors: Vec<(String, String)>,
    pub source: String,
    /// Who gave the answers: asked on the staff form only (`interviews/screen.html`); never here.
    pub respondent: Option<RespondentChoice>,
}

pub async fn show_own_interview(
    State(state): State<AppState>,
    s: Subject,
    Query(q): Query<SectionQuery>,
) -> WebResult<Html<String>> {
    render(&page(&state, &s, q.section().map_or(Ask::Resume, Ask::Section), &serde_json::Map::new(), Vec::new()).await?)
}

/// Which screen to show.
#[derive(Clone, Copy)]
pub enum Ask {
    Resume,
    Section(usize),
}

pub async fn page(
    state: &AppState,
    s: &Subject,
    ask: Ask,
    posted: &serde_json::Map<String, serde_json::Value>,
    errors: Vec<(String, String)>,
) -> WebResult<OwnPage> {
    if !s.is_self {
        return Err(WebError::NotFound);
    }
    let part = services::interviews::own_part(state, &s.ctx, &s.caller, s.person).await?;
    let t = s.ctx.t();
    let l = lang(&t);
    let heading = t.get("own-interview-title");
    let sections = part.instrument.for_respondent(Respondent::Person);
    let kept = part.interview.as_ref().map(|i| i.answers.clone()).unwrap_or_default();
    let mut page = OwnPage {
        chrome: Chrome::new(&s.ctx, state, heading.clone()),
        heading,
        open: None,
        action: "/me/outcome-interview",
        finish_key: crate::key!("own-interview-finish"),
        section: 0,
        section_title: String::new(),
        progress: String::new(),
        last: true,
        questions: Vec::new(),
        errors,
        respondent: None,
        source: format!(
            "{} {} — {}",
            part.instrument.title.get(l),
            part.instrument.version,
            part.instrument.source.citation
        ),
    };
    let Some(window) = part.window.filter(|_| !sections.is_empty()) else { return Ok(page) };
    let answers = part.instrument.check(kept.as_object().unwrap_or(&serde_json::Map::new()), false).unwrap_or_default();
    let count = sections.len();
    let index = match ask {
        Ask::Section(n) if n < count => n,
        _ => sections
            .iter()
            .position(|sec| {
                sec.items.iter().any(|i| !answers.contains_key(&i.id) && !part.instrument.skipped(i, &answers))
            })
            .unwrap_or(0),
    };
    let sec = &sections[index];
    let kind = crate::views::words::interview_kind_words(&t, window.interview);
    page.open = Some(t.args("own-interview-open", &[("kind", kind), ("closes", window.closes.to_string())]));
    page.section = index;
    page.section_title = sec.title.get(l).to_owned();
    page.progress = t.args("interview-progress", &[("n", (index + 1).to_string()), ("count", count.to_string())]);
    page.last = index + 1 == count;
    page.questions = questions(&t, &part.instrument, &sec.items, &kept, posted, &page.errors);
    Ok(page)
}

pub async fn save_own_interview(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    if !s.is_self {
        return Err(WebError::NotFound);
    }
    let field = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_owned());
    let section = field("section").and_then(|v| v.parse::<usize>().ok()).unwrap_or(0);
    let finish = field("finish").is_some();
    let part = services::interviews::own_part(&state, &s.ctx, &s.caller, s.person).await?;
    let sections = part.instrument.for_respondent(Respondent::Person);
    let Some(sec) = sections.get(section) else { return Err(WebError::NotFound) };
    let answers = answers_of(&sec.items, &pairs);
    let save = Save { answers: answers.clone(), ..Save::default() };
    match services::interviews::save(&state, &s.ctx, &s.caller, s.person, save).await {
        Ok(_) if finish => Ok(crate::flash::redirect(&state, "/me", crate::key!("flash-own-interview-saved"))),
        Ok(_) => {
            let next = (section + 1).min(sections.len().saturating_sub(1));
            Ok(Redirect::to(&format!("/me/outcome-interview?section={next}")).into_response())
        }
        Err(WebError::InvalidPaths { fields, .. }) => {
            let errors = answer_messages(&s.ctx.t(), &part.instrument, fields);
            let at = sections
                .iter()
                .position(|sec| sec.items.iter().any(|i| errors.iter().any(|(f, _)| f == &i.id)))
                .unwrap_or(section);
            let posted = if at == section { answers } else { serde_json::Map::new() };
            let page = page(&state, &s, Ask::Section(at), &posted, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        // Settled by the coach meanwhile: nothing left to answer.
        Err(WebError::Conflict(_)) => Ok(crate::flash::redirect(&state, "/me", crate::key!("flash-interview-settled"))),
        Err(e) => Err(e),
    }
}
