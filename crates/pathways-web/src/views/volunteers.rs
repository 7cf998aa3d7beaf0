//! A volunteer's background check and training in words (issue 20): where each stands — expired, due within
//! `DUE_WITHIN_DAYS` days, valid, nothing recorded — said in words, never by colour only, on the roster, a
//! volunteer's page and the center staff's home page.

use pathways_domain::community::volunteers::Standing;

use crate::i18n::Tr;
use crate::services::volunteers::Reminder;

/// "Expired 6 days ago", "Due soon: last valid day in 14 days", "Valid", "Nothing recorded".
pub fn standing_words(t: &Tr, s: Standing) -> String {
    let days = |n: i64| u64::try_from(n).unwrap_or(0);
    match s {
        Standing::Expired { days_ago } => t.count("volunteer-standing-expired", days(days_ago)),
        Standing::DueSoon { days_left } => t.count("volunteer-standing-due", days(days_left)),
        Standing::Current => t.get("volunteer-standing-current"),
        Standing::NotRecorded => t.get("volunteer-standing-none"),
    }
}

/// A reminder in one line: "Maria — background check: Expired 6 days ago (2026-11-30); training: Valid
/// (2027-06-01)".
pub fn reminder_words(t: &Tr, r: &Reminder) -> String {
    let with_date = |s: Standing, d: Option<chrono::NaiveDate>| match d {
        Some(d) => format!("{} ({d})", standing_words(t, s)),
        None => standing_words(t, s),
    };
    t.args(
        "volunteer-reminder",
        &[
            ("name", r.name.clone()),
            ("check", with_date(r.background_check, r.valid_until.background_check)),
            ("training", with_date(r.training, r.valid_until.training)),
        ],
    )
}
