//! What the designation programs' pages share (issue 20, item 5): a program's steps and an application's steps in
//! the reader's language, with each step's state and review note.

use pathways_domain::community::designation::{Program, Standing, StepState};
use pathways_domain::locale::Locale;
use pathways_store::designation_programs::StepHistory;

use crate::i18n::Tr;

/// One step as a page shows it.
#[derive(Clone, Debug, Default)]
pub struct StepView {
    pub index: usize,
    /// 1, 2, 3 … as the reader counts.
    pub number: usize,
    pub title: String,
    pub evidence_needed: String,
    /// The checklist items the advisor confirms, in the reader's language.
    pub checklist: Vec<String>,
    /// `not-started`, `submitted`, `returned`, `accepted` (empty on a program's page).
    pub state: String,
    pub state_words: String,
    /// The advisor's note when returned.
    pub note: String,
    pub evidence: String,
    pub link: String,
    pub submitted_on: String,
}

fn pick(locale: Locale, b: &pathways_domain::community::designation::Bilingual) -> String {
    if locale == Locale::Es { b.es.clone() } else { b.en.clone() }
}

/// The program's name in the reader's language.
pub fn program_name(locale: Locale, p: &Program) -> String {
    pick(locale, &p.name)
}

/// A program's steps (no application).
pub fn program_steps(locale: Locale, p: &Program) -> Vec<StepView> {
    p.steps
        .iter()
        .enumerate()
        .map(|(i, s)| StepView {
            index: i,
            number: i + 1,
            title: pick(locale, &s.title),
            evidence_needed: pick(locale, &s.evidence),
            checklist: s.checklist.iter().map(|c| pick(locale, c)).collect(),
            ..StepView::default()
        })
        .collect()
}

/// An application's steps with their states.
pub fn application_steps(t: &Tr, locale: Locale, p: &Program, history: &[StepHistory]) -> Vec<StepView> {
    program_steps(locale, p)
        .into_iter()
        .zip(history)
        .map(|(mut v, h)| {
            v.state = h.state.code().to_owned();
            v.state_words = t.get(&format!("rfp-state-{}", h.state.code()));
            if let StepState::Returned(note) = &h.state {
                v.note = note.clone();
            }
            if let Some((text, link, at)) = &h.evidence {
                v.evidence = text.clone();
                v.link = link.clone().unwrap_or_default();
                v.submitted_on = at.date_naive().to_string();
            }
            v
        })
        .collect()
}

/// The trainings a program requires, as words ("2 × Reducing stigma").
pub fn trainings(t: &Tr, p: &Program) -> Vec<String> {
    p.trainings
        .iter()
        .map(|r| {
            t.args(
                "rfp-training-count",
                &[("count", r.count.to_string()), ("kind", t.get(&format!("training-kind-{}", r.kind.code())))],
            )
        })
        .collect()
}

/// An application's standing in words (with its dates).
pub fn standing_words(t: &Tr, s: Standing) -> String {
    match s {
        Standing::Open => t.get("rfp-standing-open"),
        Standing::Withdrawn => t.get("rfp-standing-withdrawn"),
        Standing::Designated { on, renewal_due } => {
            t.args("rfp-standing-designated", &[("on", on.to_string()), ("due", renewal_due.to_string())])
        }
        Standing::RenewalDue { on, renewal_due, days_left } => t.args(
            "rfp-standing-renewal-due",
            &[("on", on.to_string()), ("due", renewal_due.to_string()), ("days", days_left.to_string())],
        ),
        Standing::Lapsed { on, renewal_due } => {
            t.args("rfp-standing-lapsed", &[("on", on.to_string()), ("due", renewal_due.to_string())])
        }
    }
}
