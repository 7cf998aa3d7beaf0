//! When a group meets: a start in local wall-clock time, a length, and an RFC 5545 recurrence rule, expanded
//! into UTC instants for a window.
//!
//! The rule is expanded by the `rrule` crate (RFC 5545 §3.3.10, §3.8.5.3) over *wall-clock* times — as RFC 5545
//! §3.3.10 says, a rule over a DTSTART with a TZID recurs in local time, so a group at 19:00 stays at 19:00 across
//! daylight saving time — and each local time is then placed in the center's zone by RFC 5545 §3.3.5's rules:
//! a local time that does not exist (the hour skipped in spring) "is interpreted using the UTC offset before the
//! gap in local times", and one that happens twice (the hour repeated in autumn) is its first occurrence.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone as _, Utc, Weekday};
use chrono_tz::Tz;
use rrule::{Frequency, NWeekday, RRule};

use super::weekday_code;

/// The most occurrences one expansion returns (a window of weeks never comes near it; it bounds the work).
const MAX_OCCURRENCES: u16 = 400;

/// How a gathering repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repeat {
    Once,
    /// Every `every` weeks (1 or 2) on these days (Monday first, no repeats; always including the start's day,
    /// so that the start is the first occurrence, as RFC 5545 §3.8.5.3 wants of DTSTART).
    Weekly {
        every: u8,
        days: Vec<Weekday>,
    },
}

impl Repeat {
    /// A weekly repeat on `days` and the start's own day.
    pub fn weekly(every: u8, start_day: Weekday, days: &[Weekday]) -> Self {
        let days: Vec<Weekday> = super::WEEKDAYS.into_iter().filter(|d| *d == start_day || days.contains(d)).collect();
        Repeat::Weekly { every: every.clamp(1, 2), days }
    }

    /// The form's choice: `once`, `weekly` or `biweekly`.
    pub fn code(&self) -> &'static str {
        match self {
            Repeat::Once => "once",
            Repeat::Weekly { every: 1, .. } => "weekly",
            Repeat::Weekly { .. } => "biweekly",
        }
    }

    /// The weekday codes (`MO,WE`) as stored; empty for once.
    pub fn days_code(&self) -> String {
        match self {
            Repeat::Once => String::new(),
            Repeat::Weekly { days, .. } => days.iter().map(|d| weekday_code(*d)).collect::<Vec<_>>().join(","),
        }
    }

    /// Reads what [`Repeat::code`] and [`Repeat::days_code`] stored.
    pub fn from_codes(code: &str, days: &str, start_day: Weekday) -> Self {
        let days: Vec<Weekday> = days.split(',').filter_map(super::parse_weekday).collect();
        match code {
            "weekly" => Repeat::weekly(1, start_day, &days),
            "biweekly" => Repeat::weekly(2, start_day, &days),
            _ => Repeat::Once,
        }
    }
}

/// When a gathering happens, in its center's local time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// The first start, local wall-clock time.
    pub starts: NaiveDateTime,
    pub duration_minutes: u32,
    pub repeat: Repeat,
    /// The last local date it may happen on (inclusive); none: it goes on.
    pub until: Option<NaiveDate>,
}

/// A local wall-clock time placed in `tz` by RFC 5545 §3.3.5: skipped times take the offset before the gap,
/// repeated times their first occurrence.
pub fn to_utc(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => {
            // No gap in the tz database is longer than a day; the offset a day before is the one before the gap.
            let before = tz.from_local_datetime(&(local - Duration::hours(24))).earliest();
            let offset = before.map_or(0, |b| b.offset().fix_offset_seconds());
            (local - Duration::seconds(i64::from(offset))).and_utc()
        }
    }
}

trait FixSeconds {
    fn fix_offset_seconds(&self) -> i32;
}

impl FixSeconds for chrono_tz::TzOffset {
    fn fix_offset_seconds(&self) -> i32 {
        chrono::Offset::fix(self).local_minus_utc()
    }
}

impl Schedule {
    pub fn duration(&self) -> Duration {
        Duration::minutes(i64::from(self.duration_minutes))
    }

    /// The RFC 5545 RRULE value (`FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH`), none for a single occurrence. The last
    /// date is kept apart (`until`) and applied in local time.
    pub fn rrule(&self) -> Option<String> {
        match &self.repeat {
            Repeat::Once => None,
            Repeat::Weekly { every, .. } => {
                Some(format!("FREQ=WEEKLY;INTERVAL={every};BYDAY={}", self.repeat.days_code()))
            }
        }
    }

    /// The first start moved forward by whole periods to at most one period before `from` (a local date): the
    /// occurrences from `from` on are the same (the weekday and time stay), so a feed's series need not begin
    /// years back. A single occurrence keeps its start.
    pub fn rebased_start(&self, from: NaiveDate) -> NaiveDateTime {
        match &self.repeat {
            Repeat::Once => self.starts,
            Repeat::Weekly { every, .. } => {
                let period = 7 * i64::from(*every);
                let behind = (from - self.starts.date()).num_days();
                let skip = if behind > period { (behind / period - 1) * period } else { 0 };
                self.starts + Duration::days(skip)
            }
        }
    }

    /// The last start in UTC, when it has a last date (RRULE's UNTIL).
    pub fn last_start(&self, tz: Tz) -> Option<DateTime<Utc>> {
        self.until.map(|u| to_utc(tz, u.and_time(self.starts.time())))
    }

    /// When it is over for good: the end of its last occurrence, or none when it goes on.
    pub fn last_end(&self, tz: Tz) -> Option<DateTime<Utc>> {
        match (&self.repeat, self.until) {
            (Repeat::Once, _) => Some(to_utc(tz, self.starts) + self.duration()),
            (Repeat::Weekly { .. }, Some(until)) => {
                Some(to_utc(tz, until.and_time(self.starts.time())) + self.duration())
            }
            (Repeat::Weekly { .. }, None) => None,
        }
    }

    /// The starts (UTC) of the occurrences under way or beginning in `[from, to)`: those that end after `from`
    /// and begin before `to`, in order.
    pub fn occurrences(&self, tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        if to <= from {
            return Vec::new();
        }
        let len = self.duration();
        let keep = |s: &DateTime<Utc>| *s < to && *s + len > from;
        let Repeat::Weekly { every, days } = &self.repeat else {
            let s = to_utc(tz, self.starts);
            return if keep(&s) { vec![s] } else { Vec::new() };
        };
        // Local bounds with a day's margin either side (offsets are under a day).
        let local_from = from.naive_utc() - len - Duration::days(1);
        let local_to = to.naive_utc() + Duration::days(1);
        // Start the rule as late as the window lets it, by whole periods, so the work is the window's and not
        // the years since the first meeting: moving DTSTART by a multiple of INTERVAL weeks leaves the set of
        // later occurrences unchanged (the start's weekday and time stay the same).
        let period = 7 * i64::from(*every);
        let behind = (local_from.date() - self.starts.date()).num_days();
        let skip = if behind > period { (behind / period - 1) * period } else { 0 };
        let start = self.starts + Duration::days(skip);
        let mut rule = RRule::new(Frequency::Weekly)
            .interval(u16::from(*every))
            .by_weekday(days.iter().map(|d| NWeekday::Every(*d)).collect());
        let utc = rrule::Tz::UTC;
        // Wall-clock times are expanded as if in UTC (a "floating" time), then placed in the zone one by one.
        if let Some(until) = self.until {
            let last = until.and_time(self.starts.time());
            rule = rule.until(utc.from_utc_datetime(&last));
        }
        let Ok(set) = rule.build(utc.from_utc_datetime(&start)) else { return Vec::new() };
        let set = set.after(utc.from_utc_datetime(&local_from)).before(utc.from_utc_datetime(&local_to));
        set.all(MAX_OCCURRENCES).dates.into_iter().map(|d| to_utc(tz, d.naive_utc())).filter(keep).collect()
    }
}
