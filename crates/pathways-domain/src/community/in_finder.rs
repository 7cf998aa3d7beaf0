//! What the finder shows of the recovery community calendar (issue 20: "events also appear in the finder by time").
//! The finder's own time choice ([`Window`]: now, starting soon, today, tonight, a weekday) is read as a stretch of
//! time over the calendar's occurrences, with the calendar view that holds it (the page linked "see them all");
//! with no time chosen, words that match a gathering show tonight's. Pure: the web crate asks these rules of the
//! calendar's in-memory snapshot.
//!
//! The stretches follow `directory::schedule::first_in_window`, so a gathering shows beside the meetings the finder
//! lists for the same choice: **now** is under way or starting within [`NOW_LEAD_MINUTES`]; **starting within**
//! *m* minutes starts from now to *m* minutes on (one under way does not count); **today** is under way or
//! starting before the viewer's next midnight; **tonight** runs at some time between 17:00 and that midnight; a
//! **weekday** is that day of the viewer's calendar, the next one (today included), from now.

use chrono::{DateTime, Datelike as _, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use super::calendar::{HORIZON_DAYS, Span};
use super::recurrence::to_utc;
use crate::directory::schedule::{NOW_LEAD_MINUTES, Window};

/// How many gatherings the finder lists (the calendar, linked, has them all).
pub const SHOWN: usize = 5;
/// A query word shorter than this matches whole words only (as in the finder's index).
pub const MIN_PREFIX: usize = 3;
/// "Tonight" on the finder begins at this local hour (`directory::schedule`'s).
const EVENING: u32 = 17;

/// The occurrences a finder's time choice reaches, and the calendar view to link to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stretch {
    /// Occurrences under way at or starting after `from`, and starting before `to`.
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Only occurrences starting at or after `from` (none under way): "starting within".
    pub starts_only: bool,
    /// The calendar's view holding the whole stretch (when the viewer keeps the deployment's clock).
    pub span: Span,
}

impl Stretch {
    /// Whether an occurrence from `starts` to `ends` is in the stretch.
    pub fn holds(&self, starts: DateTime<Utc>, ends: DateTime<Utc>) -> bool {
        starts < self.to && if self.starts_only { starts >= self.from } else { ends > self.from }
    }
}

/// The stretch a finder's time choice means at `now` for a viewer on `viewer`'s clock (the finder's: the place
/// searched near, or the deployment's), and the calendar view (in the deployment's zone `home`) that holds it.
/// No choice is tonight as the calendar has it (now to 04:00).
pub fn stretch(choice: Option<Window>, now: DateTime<Utc>, viewer: Tz, home: Tz) -> Stretch {
    let today = now.with_timezone(&viewer).date_naive();
    let midnight_after = to_utc(viewer, (today + Duration::days(1)).and_time(NaiveTime::MIN));
    let (from, to, starts_only) = match choice {
        None => {
            let (from, to) = Span::Tonight.window(now, home);
            return Stretch { from, to, starts_only: false, span: Span::Tonight };
        }
        Some(Window::Now) => {
            (now, now + Duration::minutes(i64::from(NOW_LEAD_MINUTES)) + Duration::nanoseconds(1), false)
        }
        // The finder's bound is inclusive: a start exactly `m` minutes on counts.
        Some(Window::StartsWithin(m)) => (now, now + Duration::minutes(i64::from(m)) + Duration::nanoseconds(1), true),
        Some(Window::Today) => (now, midnight_after, false),
        Some(Window::Tonight) => {
            let evening = to_utc(viewer, today.and_time(NaiveTime::from_hms_opt(EVENING, 0, 0).unwrap_or_default()));
            (now.max(evening), midnight_after, false)
        }
        Some(Window::Day(w)) => {
            let day = next(today, w);
            let (from, to) = Span::Day(day).window(now, viewer);
            (from, to, false)
        }
    };
    let tonight_first = choice == Some(Window::Tonight);
    Stretch { from, to, starts_only, span: holding(from, to, now, home, tonight_first) }
}

/// The next `w` from `today`, today included.
fn next(today: NaiveDate, w: Weekday) -> NaiveDate {
    let ahead = (7 + w.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
    today + Duration::days(i64::from(ahead))
}

/// The calendar's view (in `home`'s days) that holds `[from, to)`: the day it starts on, else tonight (tonight
/// first when that is what was asked), else the week (also when none does: a viewer far from the deployment's
/// clock).
fn holding(from: DateTime<Utc>, to: DateTime<Utc>, now: DateTime<Utc>, home: Tz, tonight_first: bool) -> Span {
    let today = now.with_timezone(&home).date_naive();
    let first_day = from.with_timezone(&home).date_naive();
    let mut spans = Vec::with_capacity(3);
    if tonight_first {
        spans.push(Span::Tonight);
    }
    if (first_day - today).num_days() < HORIZON_DAYS && first_day >= today {
        spans.push(Span::Day(first_day));
    }
    spans.push(Span::Tonight);
    spans
        .into_iter()
        .find(|s| {
            let (a, b) = s.window(now, home);
            a <= from && to <= b
        })
        .unwrap_or(Span::Week)
}

/// Texts folded into words as the finder folds them (lower case, accents off, split on anything not a letter or
/// digit), one space between: what [`matches`] reads.
pub fn fold(texts: &[&str]) -> String {
    let mut out = String::new();
    for w in texts.iter().flat_map(|t| crate::finder::words(t)) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

/// Whether every query word (folded: [`query_words`]) is among a gathering's words (folded: [`fold`]): a word of
/// [`MIN_PREFIX`] letters or more as the beginning of one of them, a shorter one as a whole word. No query word:
/// yes.
pub fn matches(query: &[String], folded: &[&str]) -> bool {
    query.iter().all(|q| {
        let prefix = q.chars().count() >= MIN_PREFIX;
        folded.iter().flat_map(|t| t.split(' ')).any(|w| if prefix { w.starts_with(q.as_str()) } else { w == q })
    })
}

/// The query's words, folded (the finder reads the first 200 characters).
pub fn query_words(q: &str) -> Vec<String> {
    let q: String = q.chars().take(200).collect();
    crate::finder::words(&q).collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const NY: Tz = chrono_tz::America::New_York;

    fn utc(s: &str) -> DateTime<Utc> {
        chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").map(|t| t.and_utc()).unwrap_or_default()
    }

    #[test]
    fn each_time_choice_is_its_stretch_and_the_calendar_view_holding_it() {
        // Sunday 6 December 2026, 14:00 in New York (UTC−5).
        let now = utc("2026-12-06 19:00");
        let day = |s: &str| Span::Day(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default());
        let none = stretch(None, now, NY, NY);
        assert_eq!((none.from, none.to, none.span), (now, utc("2026-12-07 09:00"), Span::Tonight));
        let tonight = stretch(Some(Window::Tonight), now, NY, NY);
        assert_eq!((tonight.from, tonight.to), (utc("2026-12-06 22:00"), utc("2026-12-07 05:00")), "17:00 to midnight");
        assert_eq!(tonight.span, Span::Tonight, "the calendar's tonight (now to 04:00) holds it");
        let today = stretch(Some(Window::Today), now, NY, NY);
        assert_eq!((today.from, today.to, today.span), (now, utc("2026-12-07 05:00"), day("2026-12-06")));
        let soon = stretch(Some(Window::StartsWithin(120)), now, NY, NY);
        assert!(soon.starts_only && soon.holds(utc("2026-12-06 21:00"), utc("2026-12-06 22:00")), "inclusive");
        assert!(!soon.holds(utc("2026-12-06 18:30"), utc("2026-12-06 20:00")), "under way is not starting");
        let now_ = stretch(Some(Window::Now), now, NY, NY);
        assert!(now_.holds(utc("2026-12-06 18:30"), utc("2026-12-06 20:00")), "under way");
        assert!(now_.holds(utc("2026-12-06 19:15"), utc("2026-12-06 20:00")), "in a quarter of an hour");
        assert!(!now_.holds(utc("2026-12-06 19:16"), utc("2026-12-06 20:00")));
        // Tuesday: the 8th, from its midnight. Sunday: today, from now.
        let tue = stretch(Some(Window::Day(Weekday::Tue)), now, NY, NY);
        assert_eq!((tue.from, tue.to, tue.span), (utc("2026-12-08 05:00"), utc("2026-12-09 05:00"), day("2026-12-08")));
        assert_eq!(stretch(Some(Window::Day(Weekday::Sun)), now, NY, NY).from, now);
        // 23:30: "soon" runs past midnight, so the calendar's tonight (to 04:00) holds it.
        let late = utc("2026-12-07 04:30");
        assert_eq!(stretch(Some(Window::StartsWithin(120)), late, NY, NY).span, Span::Tonight);
    }

    #[test]
    fn the_stretch_is_on_the_viewers_clock() {
        // 10:00 on Monday in Kiritimati (UTC+14) is still Sunday 20:00 in UTC: today is Monday there.
        let now = utc("2026-12-06 20:00");
        let kiritimati: Tz = chrono_tz::Pacific::Kiritimati;
        let today = stretch(Some(Window::Today), now, kiritimati, kiritimati);
        assert_eq!(today.to, utc("2026-12-07 10:00"), "Monday's midnight there");
        let mon = stretch(Some(Window::Day(Weekday::Mon)), now, kiritimati, kiritimati);
        assert_eq!(mon.from, now, "Monday is today there");
    }

    #[test]
    fn words_match_whole_or_by_their_beginning() {
        let q = |s: &str| query_words(s);
        let folded = fold(&["Family Support Group", "Hope Recovery Community Center"]);
        assert_eq!(fold(&["Grupo  familiar, en ESPAÑOL"]), "grupo familiar en espanol");
        let texts = [folded.as_str(), "grupo familiar espanol"];
        assert!(matches(&q(""), &texts));
        assert!(matches(&q("famil grupo"), &texts));
        assert!(matches(&q("ESPAÑOL"), &texts), "folded");
        assert!(matches(&q("espanol"), &texts));
        assert!(!matches(&q("smart"), &texts));
        assert!(!matches(&q("family smart"), &texts), "every word");
        assert!(!matches(&q("gr"), &texts), "a short word is whole");
        assert!(matches(&q("Hope"), &texts));
    }

    proptest! {
        /// The calendar view linked holds the whole stretch, for every choice, at any time of the year.
        #[test]
        fn the_linked_view_holds_the_stretch(minute in 0i64..(366 * 24 * 60), choice in 0u32..13) {
            let now = utc("2026-01-01 00:00") + Duration::minutes(minute);
            let window = match choice {
                0 => None,
                1 => Some(Window::Now),
                2 => Some(Window::StartsWithin(120)),
                3 => Some(Window::StartsWithin(24 * 60)),
                4 => Some(Window::Today),
                5 => Some(Window::Tonight),
                d => Some(Window::Day(super::super::WEEKDAYS[(d - 6) as usize % 7])),
            };
            let s = stretch(window, now, NY, NY);
            let (a, b) = s.span.window(now, NY);
            prop_assert!(a <= s.from && s.to <= b, "{window:?} {s:?} {a} {b}");
            prop_assert!(s.from >= now && s.from < s.to);
        }
    }
}
