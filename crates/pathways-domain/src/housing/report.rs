//! Weekly bed reports. C.G.S. §17a-716(b): a reporting operator gives the number of available beds "at the time
//! of its report and weekly thereafter". So a report is stale once it is more than seven days old, and the
//! operator's home reminds them from the sixth day (a day before it goes stale) and whenever none was made.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use crate::text::FieldError;

/// A report older than this is stale (shown so on the board, counted as not fresh for the state).
pub const STALE_AFTER: Duration = Duration::days(7);
/// From this age on the operator's home says a report is due.
pub const DUE_AFTER: Duration = Duration::days(6);
/// How long a bed stays held for a referred person (issue 19: 24 hours).
pub const HOLD_FOR: Duration = Duration::hours(24);

/// Checks a report: available beds are a whole number from 0 to the residence's total.
pub fn available_beds(raw: i64, total: u32) -> Result<u32, FieldError> {
    if raw < 0 {
        return Err(FieldError::new("available_beds", "negative"));
    }
    match u32::try_from(raw) {
        Ok(n) if n <= total => Ok(n),
        _ => Err(FieldError::new("available_beds", "more-than-total")),
    }
}

/// One tap on the operator's report page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tap {
    Up,
    Down,
    /// Still right: a new report with the same number.
    Confirm,
    /// The number as typed.
    Set(i64),
}

impl Tap {
    /// Reads a button's value (`up`, `down`, `confirm`, `set` with the typed number).
    pub fn parse(value: &str, typed: Option<i64>) -> Option<Self> {
        Some(match value {
            "up" => Tap::Up,
            "down" => Tap::Down,
            "confirm" => Tap::Confirm,
            "set" => Tap::Set(typed?),
            _ => return None,
        })
    }

    /// The number the tap reports, checked against the total.
    pub fn apply(self, current: u32, total: u32) -> Result<u32, FieldError> {
        let current = i64::from(current);
        let next = match self {
            Tap::Up => current + 1,
            Tap::Down => current - 1,
            Tap::Confirm => current,
            Tap::Set(n) => n,
        };
        available_beds(next, total)
    }
}

/// Where a residence's reporting stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    /// No report yet: due now.
    Never,
    Fresh,
    /// Fresh, but the weekly report is due (six days or older).
    Due,
    /// More than seven days old.
    Stale,
}

impl ReportStatus {
    /// The status of the last report (if any) at `now`. A clock ahead of ours counts as just now.
    pub fn of(last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Self {
        let Some(at) = last else { return ReportStatus::Never };
        let age = (now - at).max(Duration::zero());
        if age > STALE_AFTER {
            ReportStatus::Stale
        } else if age >= DUE_AFTER {
            ReportStatus::Due
        } else {
            ReportStatus::Fresh
        }
    }

    pub const fn code(self) -> &'static str {
        match self {
            ReportStatus::Never => "never",
            ReportStatus::Fresh => "fresh",
            ReportStatus::Due => "due",
            ReportStatus::Stale => "stale",
        }
    }

    /// Whether the operator's home shows a reminder.
    pub const fn reminds(self) -> bool {
        !matches!(self, ReportStatus::Fresh)
    }

    /// Whether the count is within the statute's week (fresh for the board and the state's share).
    pub const fn within_week(self) -> bool {
        matches!(self, ReportStatus::Fresh | ReportStatus::Due)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).single().unwrap_or_default()
    }

    #[test]
    fn available_beds_are_between_zero_and_the_total() {
        assert_eq!(available_beds(0, 0), Ok(0));
        assert_eq!(available_beds(3, 3), Ok(3));
        assert_eq!(available_beds(4, 3), Err(FieldError::new("available_beds", "more-than-total")));
        assert_eq!(available_beds(-1, 3), Err(FieldError::new("available_beds", "negative")));
        assert_eq!(available_beds(i64::MAX, 3), Err(FieldError::new("available_beds", "more-than-total")));
    }

    #[test]
    fn one_tap_stays_within_zero_and_the_total() {
        assert_eq!(Tap::Up.apply(2, 3), Ok(3));
        assert!(Tap::Up.apply(3, 3).is_err());
        assert!(Tap::Down.apply(0, 3).is_err());
        assert_eq!(Tap::Confirm.apply(2, 3), Ok(2));
        assert_eq!(Tap::parse("set", Some(1)).map(|t| t.apply(0, 3)), Some(Ok(1)));
        assert_eq!(Tap::parse("set", None), None, "set needs the number");
        assert_eq!(Tap::parse("explode", None), None);
    }

    #[test]
    fn a_report_is_due_on_day_six_and_stale_after_seven_days() {
        let now = at(20, 12);
        assert_eq!(ReportStatus::of(None, now), ReportStatus::Never);
        assert_eq!(ReportStatus::of(Some(at(19, 12)), now), ReportStatus::Fresh);
        assert_eq!(ReportStatus::of(Some(at(14, 13)), now), ReportStatus::Fresh, "5 days 23 hours");
        assert_eq!(ReportStatus::of(Some(at(14, 12)), now), ReportStatus::Due, "6 days");
        assert_eq!(ReportStatus::of(Some(at(13, 12)), now), ReportStatus::Due, "exactly 7 days is not yet stale");
        assert_eq!(ReportStatus::of(Some(at(13, 11)), now), ReportStatus::Stale);
        assert_eq!(ReportStatus::of(Some(at(21, 12)), now), ReportStatus::Fresh, "a clock ahead is just now");
        assert!(ReportStatus::Never.reminds() && ReportStatus::Due.reminds() && ReportStatus::Stale.reminds());
        assert!(!ReportStatus::Fresh.reminds());
        assert!(ReportStatus::Due.within_week() && !ReportStatus::Stale.within_week());
    }

    proptest! {
        #[test]
        fn a_checked_report_never_exceeds_the_total(raw in -10i64..600, total in 0u32..500) {
            match available_beds(raw, total) {
                Ok(n) => prop_assert!(n <= total && i64::from(n) == raw),
                Err(_) => prop_assert!(raw < 0 || raw > i64::from(total)),
            }
        }

        #[test]
        fn staleness_grows_with_age(minutes in 0i64..(20 * 24 * 60)) {
            let now = at(20, 12);
            let s = ReportStatus::of(Some(now - Duration::minutes(minutes)), now);
            prop_assert_eq!(s == ReportStatus::Stale, minutes > 7 * 24 * 60);
        }
    }
}
