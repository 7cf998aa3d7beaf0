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
    /// The file sent with the latest evidence: its submission's id (the download's path names it), its name, and
    /// its size in words; all empty when none.
    pub file_id: String,
    pub file_name: String,
    pub file_size: String,
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
            if let Some(f) = &h.file {
                v.file_id = f.submission.to_string();
                v.file_name = f.name.clone();
                v.file_size = file_size(t, f.size);
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

/// A file's size in words: kilobytes (of 1,024 bytes), rounded up.
pub fn file_size(t: &Tr, bytes: i64) -> String {
    let kb = (bytes.max(0) + 1023) / 1024;
    t.args("rfp-file-size-kb", &[("kb", kb.to_string())])
}

/// An evidence file as a download (the applicant's and the advisor's): `Content-Disposition: attachment` with its
/// kept name (an ASCII `filename` and the exact one as `filename*`, RFC 6266), the type its first bytes said,
/// `X-Content-Type-Options: nosniff` and `Cache-Control: no-store`.
pub fn file_response(
    f: pathways_store::designation_programs::FileDownload,
) -> crate::error::WebResult<axum::response::Response> {
    use axum::http::{HeaderValue, header};
    use axum::response::IntoResponse;

    let ascii: String = f
        .name
        .chars()
        .map(|c| if (c.is_ascii_graphic() && c != '"' && c != '\\' && c != ';') || c == ' ' { c } else { '_' })
        .collect();
    let mut encoded = String::new();
    for b in f.name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    let bad = |_| crate::error::WebError::NotFound;
    let mut resp = f.bytes.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_str(&f.content_type).map_err(bad)?);
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).map_err(bad)?);
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(resp)
}

/// A recorded training in words: its type, date, attendance and place.
pub fn training_words(t: &Tr, tr: &pathways_domain::community::naloxone::Training) -> String {
    let place = tr.place.as_deref().map(|p| format!(", {p}")).unwrap_or_default();
    t.args(
        "rfp-training-row",
        &[
            ("kind", t.get(&format!("training-kind-{}", tr.kind.code()))),
            ("date", tr.held_on.to_string()),
            ("attendees", tr.attendees.to_string()),
            ("place", place),
        ],
    )
}
