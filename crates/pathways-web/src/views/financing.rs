//! Words and figures the financing pages share (issue 21).

use pathways_domain::financing::check::Problem;

/// A problem of the payer's check in the reader's words.
pub fn problem_text(t: &crate::i18n::Tr, p: &Problem) -> String {
    t.get(&format!("financing-problem-{}", p.code()))
}

/// Cents as dollars ("$12.50").
pub fn dollars(cents: i64) -> String {
    format!("${}.{:02}", cents / 100, (cents % 100).abs())
}
