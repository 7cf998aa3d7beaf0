//! A person's outcome interviews (issue 17): the episode and its schedule, the interview open today (started,
//! resumed, or recorded as administrative), the interview form one section per screen, and closing the episode.

pub mod close_episode;
pub mod edit_interview;
pub mod list_interviews;
pub mod own_interview;
pub mod save_interview;
pub mod start_interview;

pub use close_episode::close_episode;
pub use edit_interview::edit_interview;
pub use list_interviews::list_interviews;
pub use own_interview::{save_own_interview, show_own_interview};
pub use save_interview::save_interview;
pub use start_interview::start_interview;

use crate::i18n::Tr;

/// An interview's kind in words ("6-month reassessment", "annual (year 2)").
pub fn kind_words(t: &Tr, kind: &str, year: Option<i32>) -> String {
    match (kind, year) {
        ("annual", Some(y)) => t.arg("interview-kind-annual", "year", &y.to_string()),
        _ => t.get(&format!("interview-kind-{kind}")),
    }
}

/// Where an interview stands, in words.
pub fn status_words(t: &Tr, status: &str, reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!(
            "{} ({})",
            t.get("interview-status-administrative"),
            t.get(&format!("interview-reason-{}", r.replace('_', "-")))
        ),
        None => t.get(&format!("interview-status-{}", status.replace('_', "-"))),
    }
}

/// The language code an instrument's text is read in.
pub fn lang(t: &Tr) -> &'static str {
    match t.locale {
        pathways_domain::locale::Locale::Es => "es",
        _ => "en",
    }
}
