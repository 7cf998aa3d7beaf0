//! `GET /persons/{id}/outcome-interviews/{interview}?section=N`: the interview form, one section per screen (a
//! phone shows one topic at a time; no JavaScript). Without `section` it resumes at the first section with an
//! unanswered item. A settled interview shows its answers.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::ids::OutcomeInterviewId;
use pathways_domain::outcomes::instrument::{Answers, Instrument, Kind};
use pathways_domain::outcomes::interview::Status;
use pathways_domain::outcomes::proxy::{self, Relationship};
use serde::Deserialize;

use super::{kind_words, lang, status_words};
use crate::error::WebResult;
use crate::extract::{InPath, Subject};
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SectionQuery {
    section: String,
}

impl SectionQuery {
    /// The section asked for, if it is a number.
    pub fn section(&self) -> Option<usize> {
        self.section.trim().parse().ok()
    }
}

/// One question on the screen.
pub struct Question {
    pub id: String,
    pub text: String,
    pub required: bool,
    /// `count`, `choice` or `barc10`.
    pub kind: &'static str,
    pub min: i64,
    pub max: i64,
    /// (code, label, chosen)
    pub options: Vec<(String, String, bool)>,
    /// The answer so far (a count).
    pub value: String,
    /// BARC-10: (field name, statement, answer so far)
    pub statements: Vec<(String, String, String)>,
    /// When it is not asked (the skip rule, in words), if it has one.
    pub skip_hint: String,
    pub error: String,
}

/// The staff form's question "Who gave the answers in this part?" (a section a proxy may answer, interview in
/// progress): the person, or a proxy with their relationship to the person.
pub struct RespondentChoice {
    pub proxy: bool,
    /// (code, words, chosen)
    pub relationships: Vec<(String, String, bool)>,
    pub error: String,
}

impl RespondentChoice {
    /// `by` and `relationship` as posted or kept (`person` / `proxy` and a relationship code).
    fn new(t: &crate::i18n::Tr, by: &str, relationship: &str, errors: &[(String, String)]) -> Self {
        RespondentChoice {
            proxy: by == "proxy",
            relationships: Relationship::ALL
                .into_iter()
                .map(|r| (r.as_str().to_owned(), relationship_words(t, r), r.as_str() == relationship))
                .collect(),
            error: errors
                .iter()
                .find(|(f, _)| f == "answered_by" || f == "proxy_relationship")
                .map(|(_, m)| m.clone())
                .unwrap_or_default(),
        }
    }
}

/// A proxy's relationship to the person, in words.
pub fn relationship_words(t: &crate::i18n::Tr, r: Relationship) -> String {
    t.get(&format!("proxy-relationship-{}", r.as_str().replace('_', "-")))
}

#[derive(Template)]
#[template(path = "interviews/section.html")]
pub struct SectionPage {
    pub chrome: Chrome,
    pub heading: String,
    pub base: String,
    pub action: String,
    /// The last screen's button (`interviews/screen.html`).
    pub finish_key: &'static str,
    pub kind: String,
    pub status: String,
    pub settled: bool,
    pub section: usize,
    pub sections: usize,
    pub section_title: String,
    pub progress: String,
    pub last: bool,
    pub questions: Vec<Question>,
    pub errors: Vec<(String, String)>,
    pub source: String,
    /// Settled: every answer in words, (question, answer).
    pub summary: Vec<(String, String)>,
    /// Who gave this section's answers (a section a proxy may answer, interview in progress).
    pub respondent: Option<RespondentChoice>,
    /// The parts a proxy answered, in words ("Housing: a proxy (family member)").
    pub proxy_parts: Vec<String>,
}

pub async fn edit_interview(
    State(state): State<AppState>,
    s: Subject,
    InPath(id): InPath<OutcomeInterviewId>,
    Query(q): Query<SectionQuery>,
) -> WebResult<Html<String>> {
    let section = q.section();
    render(&page(&state, &s, id, section, &serde_json::Map::new(), Vec::new(), None).await?)
}

/// The answers kept, read back as the instrument's answers (anything it no longer reads is left out).
fn kept(instrument: &Instrument, answers: &serde_json::Value) -> Answers {
    let map = answers.as_object().cloned().unwrap_or_default();
    instrument.check(&map, false).unwrap_or_default()
}

fn answer_text(t: &crate::i18n::Tr, instrument: &Instrument, item: &str, a: &serde_json::Value) -> String {
    let Some(item) = instrument.item(item) else { return String::new() };
    match (item.kind, a) {
        (Kind::Choice, serde_json::Value::String(c)) => item
            .codes
            .iter()
            .find(|k| &k.code == c)
            .map(|k| if lang(t) == "es" { k.es.clone() } else { k.en.clone() })
            .unwrap_or_default(),
        (Kind::Barc10, serde_json::Value::Array(v)) => {
            let total: i64 = v.iter().filter_map(serde_json::Value::as_i64).sum();
            t.arg("interview-barc10-total", "total", &total.to_string())
        }
        _ => a.to_string(),
    }
}

/// One screen's questions: each item's text, its answer so far (`posted`: a rejected post's values, else `kept`,
/// the interview's answers) and its problem. The staff form and the person's own part share it.
pub fn questions(
    t: &crate::i18n::Tr,
    instrument: &Instrument,
    items: &[pathways_domain::outcomes::instrument::Item],
    kept: &serde_json::Value,
    posted: &serde_json::Map<String, serde_json::Value>,
    errors: &[(String, String)],
) -> Vec<Question> {
    let l = lang(t);
    let value_of =
        |item: &str| -> Option<serde_json::Value> { posted.get(item).cloned().or_else(|| kept.get(item).cloned()) };
    items
        .iter()
        .map(|item| {
            let v = value_of(&item.id);
            let error = errors.iter().find(|(f, _)| f == &item.id).map(|(_, m)| m.clone()).unwrap_or_default();
            let skip_hint = item
                .skip_if
                .as_ref()
                .and_then(|c| instrument.item(&c.item))
                .map(|other| t.arg("interview-skip-hint", "question", other.text.get(l)))
                .unwrap_or_default();
            Question {
                id: item.id.clone(),
                text: item.text.get(l).to_owned(),
                required: item.required,
                kind: match item.kind {
                    Kind::Count => "count",
                    Kind::Choice => "choice",
                    Kind::Barc10 => "barc10",
                },
                min: item.min.unwrap_or(0),
                max: item.max.unwrap_or(0),
                options: item
                    .codes
                    .iter()
                    .map(|c| {
                        let chosen = v.as_ref().and_then(|v| v.as_str()) == Some(c.code.as_str());
                        (c.code.clone(), if l == "es" { c.es.clone() } else { c.en.clone() }, chosen)
                    })
                    .collect(),
                value: match &v {
                    Some(serde_json::Value::Number(n)) => n.to_string(),
                    Some(serde_json::Value::String(s)) => s.clone(),
                    _ => String::new(),
                },
                statements: if item.kind == Kind::Barc10 {
                    let list = v.as_ref().and_then(|v| v.as_array().cloned()).unwrap_or_default();
                    pathways_domain::barc10::STATEMENTS
                        .iter()
                        .enumerate()
                        .map(|(i, (key, _))| {
                            let a = list.get(i).map(|x| match x {
                                serde_json::Value::Number(n) => n.to_string(),
                                serde_json::Value::String(s) => s.clone(),
                                _ => String::new(),
                            });
                            (format!("{}_{}", item.id, i + 1), t.get(key), a.unwrap_or_default())
                        })
                        .collect()
                } else {
                    Vec::new()
                },
                skip_hint,
                error,
            }
        })
        .collect()
}

/// The screen for one section; `posted` holds a rejected post's values (shown again), `errors` its problems,
/// `choice` its "who answered" fields (`answered_by`, `proxy_relationship`).
pub async fn page(
    state: &AppState,
    s: &Subject,
    id: OutcomeInterviewId,
    section: Option<usize>,
    posted: &serde_json::Map<String, serde_json::Value>,
    errors: Vec<(String, String)>,
    choice: Option<(String, String)>,
) -> WebResult<SectionPage> {
    let (person, row, instrument) = services::interviews::one(state, &s.ctx, &s.caller, s.person, id.as_uuid()).await?;
    let t = s.ctx.t();
    let l = lang(&t);
    let answers = kept(&instrument, &row.answers);
    let settled = row.status != Status::InProgress.as_str();
    let count = instrument.sections.len();
    // Resume: the first section with an unanswered item that is asked.
    let resume = instrument
        .sections
        .iter()
        .position(|sec| sec.items.iter().any(|i| !answers.contains_key(&i.id) && !instrument.skipped(i, &answers)))
        .unwrap_or(count.saturating_sub(1));
    let index = section.filter(|n| *n < count).unwrap_or(resume);
    let sec = &instrument.sections[index];
    let questions = questions(&t, &instrument, &sec.items, &row.answers, posted, &errors);
    let proxies = services::interviews::proxies(state, &row).await?;
    let respondent = (!settled && proxy::proxy_may_answer(sec)).then(|| {
        let (by, relationship) = choice.unwrap_or_else(|| match proxies.get(&sec.id) {
            Some(r) => ("proxy".to_owned(), r.as_str().to_owned()),
            None => ("person".to_owned(), String::new()),
        });
        RespondentChoice::new(&t, &by, &relationship, &errors)
    });
    let proxy_parts = instrument
        .sections
        .iter()
        .filter_map(|sec| {
            proxies.get(&sec.id).map(|r| {
                t.args(
                    "interview-proxy-part",
                    &[("part", sec.title.get(l).to_owned()), ("relationship", relationship_words(&t, *r))],
                )
            })
        })
        .collect();
    let summary = if settled {
        instrument
            .items()
            .filter_map(|i| {
                row.answers.get(&i.id).map(|a| (i.text.get(l).to_owned(), answer_text(&t, &instrument, &i.id, a)))
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(SectionPage {
        heading: t.arg("interview-of", "name", &person.preferred_name),
        base: s.base.clone(),
        action: format!("{}/outcome-interviews/{}", s.base, row.id),
        finish_key: crate::key!("interview-finish"),
        kind: kind_words(&t, &row.kind, row.year),
        status: status_words(&t, &row.status, row.administrative_reason.as_deref()),
        settled,
        section: index,
        sections: count,
        section_title: sec.title.get(l).to_owned(),
        progress: t.args("interview-progress", &[("n", (index + 1).to_string()), ("count", count.to_string())]),
        last: index + 1 == count,
        questions,
        errors,
        source: format!("{} {} — {}", instrument.title.get(l), instrument.version, instrument.source.citation),
        summary,
        respondent,
        proxy_parts,
        chrome: Chrome::new(&s.ctx, state, t.get("interview-title")),
    })
}
