//! When meetings happen: weekly times in a named time zone, and which meeting is on "now", "today" or "tonight".
//!
//! The rules, in plain words:
//! - A [`WeeklySlot`] is a weekday and a start and end time on the wall clock of a named IANA time zone (the
//!   meeting's, not the viewer's). An end at or before the start means the meeting ends the next day: Saturday
//!   23:30–00:30 runs past midnight into Sunday, and an end equal to the start means 24 hours.
//! - Daylight saving time: a start or end time that does not exist on a given day (the hour skipped when clocks
//!   spring forward) moves to the first instant after the gap — 02:30 on a spring-forward night in New York is
//!   03:00 EDT. A time that happens twice (the hour repeated when clocks fall back) is taken at its earlier
//!   instant, so a 01:30 meeting happens once, at 01:30 EDT, not again at 01:30 EST. If those moves would end a
//!   meeting before it starts, it keeps its usual length instead.
//! - [`next_occurrence`] is the meeting in progress now (started, not yet ended), or else the next one to start.
//!   Every weekly slot happens within [`LOOKAHEAD_DAYS`], so with any slot there is always an answer.
//! - [`first_in_window`] answers the finder's questions, each about the viewer's own time zone; it never returns
//!   a meeting that has already ended, and prefers the one that started (or starts) first:
//!   - [`Window::Now`]: in progress, or starting within [`NOW_LEAD_MINUTES`];
//!   - [`Window::StartsWithin`]: starting from now up to that many minutes ahead, inclusive (one in progress does
//!     not count; nothing past [`LOOKAHEAD_DAYS`] is looked at);
//!   - [`Window::Today`]: in progress, or starting before the viewer's next midnight;
//!   - [`Window::Tonight`]: running at any time between 17:00 and midnight of the viewer's today;
//!   - [`Window::Day`]: starting on that weekday of the viewer's calendar — the soonest such day with a meeting
//!     still to come, today included.
//! - Times are written `HH:MM` or `HH:MM:SS` on a 24-hour clock ([`parse_hhmm`]); `24:00` is the midnight that
//!   ends a day, which as an end time is the next day's 00:00.

use chrono::{DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono::{Timelike, Weekday};
use chrono_tz::Tz;
use thiserror::Error;

/// "Now" includes a meeting about to start: a person looking for a meeting now can still get to one starting in
/// a quarter of an hour (and most meetings welcome someone arriving a few minutes late anyway).
pub const NOW_LEAD_MINUTES: u32 = 15;

/// How far ahead an occurrence is looked for. A weekly slot recurs every 7 days; one more day covers the hour
/// a daylight-saving change can add and a viewer many time zones away.
pub const LOOKAHEAD_DAYS: u64 = 8;

/// How far back an occurrence may have started and still be in progress: a slot lasts at most 24 hours, plus an
/// hour of daylight saving, seen from a time zone up to a day apart.
const LOOKBACK_DAYS: u64 = 2;

/// A meeting time that repeats every week, on the wall clock of `tz`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WeeklySlot {
    pub day: Weekday,
    pub start: NaiveTime,
    /// At or before `start`: the meeting ends on the next day.
    pub end: NaiveTime,
    pub tz: Tz,
}

/// One actual meeting: when it starts and ends, and whether it was under way at the time asked about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Occurrence {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// `start <= now < end`.
    pub in_progress: bool,
}

/// A question the meeting finder asks. See the module docs for each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Window {
    Now,
    StartsWithin(u32),
    Today,
    Tonight,
    Day(Weekday),
}

/// A time that is not `HH:MM` or `HH:MM:SS` on a 24-hour clock.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{0:?} is not a 24-hour time (HH:MM or HH:MM:SS)")]
pub struct InvalidTime(pub String);

impl WeeklySlot {
    /// How long the meeting lasts on the wall clock: from start to end, past midnight when the end is not after
    /// the start.
    pub fn length(&self) -> TimeDelta {
        let d = self.end - self.start;
        if d <= TimeDelta::zero() { d + TimeDelta::days(1) } else { d }
    }

    /// The meeting that starts on `date` (the slot's own local date), whatever weekday that is.
    pub fn on(&self, date: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
        let start = resolve_local(self.tz, date.and_time(self.start));
        let end_date = if self.end <= self.start { date.succ_opt().unwrap_or(date) } else { date };
        let end = resolve_local(self.tz, end_date.and_time(self.end));
        // Both ends can fall in one daylight-saving gap and land on the same instant.
        let end = if end > start { end } else { start.checked_add_signed(self.length()).unwrap_or(end) };
        (start, end)
    }
}

/// The instant a wall-clock time in `tz` names, with the daylight-saving rules of the module docs: the earlier
/// instant when it happens twice, the first instant after the gap when it does not happen.
pub fn resolve_local(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
        LocalResult::None => first_instant_after(tz, local),
    }
}

/// The first instant whose wall-clock time in `tz` is later than `local`: the end of the gap `local` falls in.
fn first_instant_after(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    let local_at = |t: i64| DateTime::from_timestamp(t, 0).map(|u| u.with_timezone(&tz).naive_local());
    let guess = local.and_utc().timestamp();
    // UTC offsets lie within ±15 hours, so the wall clock reads before `local` at `lo` and after it at `hi`.
    let (mut lo, mut hi) = (guess - 15 * 3600, guess + 15 * 3600);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if local_at(mid).is_some_and(|l| l > local) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    DateTime::from_timestamp(hi, 0).unwrap_or_else(|| local.and_utc())
}

/// Every occurrence of `slots` that has not ended by `now` and starts within [`LOOKAHEAD_DAYS`] of it.
fn upcoming(slots: &[WeeklySlot], now: DateTime<Utc>) -> impl Iterator<Item = Occurrence> + '_ {
    let horizon = now.checked_add_days(Days::new(LOOKAHEAD_DAYS)).unwrap_or(now);
    slots.iter().flat_map(move |slot| {
        let today = now.with_timezone(&slot.tz).date_naive();
        let first = today.checked_sub_days(Days::new(LOOKBACK_DAYS)).unwrap_or(today);
        first
            .iter_days()
            .take((LOOKBACK_DAYS + LOOKAHEAD_DAYS + 1) as usize)
            .filter(|date| date.weekday() == slot.day)
            .map(|date| slot.on(date))
            .filter(move |&(start, end)| end > now && start <= horizon)
            .map(move |(start, end)| Occurrence { start, end, in_progress: start <= now })
    })
}

/// The occurrence in progress at `now`, else the next one to start; `None` only when there are no slots.
pub fn next_occurrence(slots: &[WeeklySlot], now: DateTime<Utc>) -> Option<Occurrence> {
    upcoming(slots, now).min_by_key(|o| (o.start, o.end))
}

/// The first occurrence (in progress, or else the next to start) that answers `window` for a viewer in
/// `viewer_tz`.
pub fn first_in_window(slots: &[WeeklySlot], window: Window, now: DateTime<Utc>, viewer_tz: Tz) -> Option<Occurrence> {
    let today = now.with_timezone(&viewer_tz).date_naive();
    let midnight_after =
        |date: NaiveDate| resolve_local(viewer_tz, date.succ_opt().unwrap_or(date).and_time(NaiveTime::MIN));
    let minutes_ahead = |m: u32| now.checked_add_signed(TimeDelta::minutes(i64::from(m))).unwrap_or(now);
    let fits = |o: &Occurrence| match window {
        Window::Now => o.start <= minutes_ahead(NOW_LEAD_MINUTES),
        Window::StartsWithin(m) => o.start >= now && o.start <= minutes_ahead(m),
        Window::Today => o.start < midnight_after(today),
        Window::Tonight => {
            let evening = NaiveTime::from_hms_opt(17, 0, 0).unwrap_or(NaiveTime::MIN);
            o.start < midnight_after(today) && o.end > resolve_local(viewer_tz, today.and_time(evening))
        }
        Window::Day(day) => o.start.with_timezone(&viewer_tz).weekday() == day,
    };
    upcoming(slots, now).filter(fits).min_by_key(|o| (o.start, o.end))
}

/// A weekday's two-letter code in an RFC 5545 recurrence rule's `BYDAY` (and HSDS schedules): `MO` … `SU`.
pub fn byday(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// The weekday a `BYDAY` code names (surrounding spaces ignored), the inverse of [`byday`].
pub fn weekday_of_byday(code: &str) -> Option<Weekday> {
    let code = code.trim();
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun]
        .into_iter()
        .find(|d| byday(*d) == code)
}

/// A 24-hour time, `HH:MM` or `HH:MM:SS` (the hour may have one digit). `24:00` (or `24:00:00`) is the midnight at
/// the end of a day and reads as 00:00, which as an end time means the next day; callers that take a start time
/// should refuse it.
pub fn parse_hhmm(s: &str) -> Result<NaiveTime, InvalidTime> {
    let invalid = || InvalidTime(s.to_owned());
    let parts: Vec<&str> = s.trim().split(':').collect();
    let digits = |p: &str, len: std::ops::RangeInclusive<usize>| {
        if len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) { p.parse::<u32>().ok() } else { None }
    };
    let (h, m, sec) = match parts.as_slice() {
        [h, m] => (digits(h, 1..=2), digits(m, 2..=2), Some(0)),
        [h, m, sec] => (digits(h, 1..=2), digits(m, 2..=2), digits(sec, 2..=2)),
        _ => return Err(invalid()),
    };
    let (Some(h), Some(m), Some(sec)) = (h, m, sec) else { return Err(invalid()) };
    if (h, m, sec) == (24, 0, 0) {
        return Ok(NaiveTime::MIN);
    }
    NaiveTime::from_hms_opt(h, m, sec).ok_or_else(invalid)
}

/// Writes a time as `HH:MM`, or `HH:MM:SS` when it has seconds, so [`parse_hhmm`] reads back the same time.
pub fn format_hhmm(t: NaiveTime) -> String {
    if t.second() == 0 { t.format("%H:%M").to_string() } else { t.format("%H:%M:%S").to_string() }
}

#[cfg(test)]
mod tests;
