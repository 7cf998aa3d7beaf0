//! The outcome interviews' schedule, as SAMHSA's client-level tools define it (the GPRA Client Outcome
//! Measures tool and, from 1 October 2025, SUPRT-A/SUPRT-C): a **baseline** within 30 days of the episode's
//! start; a **reassessment** 180 days after the baseline (window ±30 days); an **annual** interview on each
//! anniversary of the baseline (±30 days); a **closeout** within 30 days of the episode's end. A closeout
//! before a window cancels that window and every later one.
//!
//! Everything is in calendar dates in the deployment's (or program's) time zone; [`Window::bounds`] turns a
//! window into instants, from the start of its first day to the start of the day after its last, so a
//! daylight-saving change inside a window moves its length by an hour, never its days.
//!
//! How the rules meet (our reading, written down so it can be checked):
//! - No reassessment or annual interview is scheduled without a baseline (there is nothing to compare with).
//! - Anniversaries are whole years after the baseline (29 February → 28 February).
//! - An episode ending on day `e`: every window opening on or after `e` is cancelled; a window open on `e` is
//!   cut to end on `e − 1`; the closeout window runs from `e` to `e + 30`. So windows never overlap.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::checkup::{add_months, start_of_day};

/// Days after the episode's start within which the baseline is due.
pub const BASELINE_DAYS: i64 = 30;
/// Days from the baseline to the reassessment's due date.
pub const REASSESSMENT_DAYS: i64 = 180;
/// Days on each side of a reassessment's or an annual interview's due date.
pub const FOLLOW_UP_WINDOW_DAYS: i64 = 30;
/// Days after the episode's end within which the closeout is due.
pub const CLOSEOUT_DAYS: i64 = 30;

/// Which interview a window is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "kind", content = "year", rename_all = "snake_case")]
pub enum Interview {
    Baseline,
    /// The 6-month reassessment.
    Reassessment,
    /// The annual interview on the n-th anniversary of the baseline (1, 2, …).
    Annual(u32),
    Closeout,
}

impl Interview {
    /// The stored name (`annual` for every anniversary; the year is kept beside it).
    pub const fn as_str(self) -> &'static str {
        match self {
            Interview::Baseline => "baseline",
            Interview::Reassessment => "reassessment",
            Interview::Annual(_) => "annual",
            Interview::Closeout => "closeout",
        }
    }
}

/// An interview's window: the first and last day (inclusive) it may be done on, and the day it is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Window {
    pub interview: Interview,
    pub due: NaiveDate,
    pub opens: NaiveDate,
    pub closes: NaiveDate,
}

impl Window {
    /// Whether `day` is inside the window.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.opens <= day && day <= self.closes
    }

    /// The window as instants in `tz`: from the start of its first day to the start of the day after its last.
    pub fn bounds(&self, tz: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
        (start_of_day(self.opens, tz), start_of_day(self.closes + Duration::days(1), tz))
    }
}

fn around(interview: Interview, due: NaiveDate) -> Window {
    let d = Duration::days(FOLLOW_UP_WINDOW_DAYS);
    Window { interview, due, opens: due - d, closes: due + d }
}

/// The windows of an episode that started on `start`, whose baseline was done on `baseline` (if it was) and
/// which ended on `end` (if it has), listing every window that opens on or before `through` (annual windows go
/// on while the episode does), in order. See the module's notes for how a closeout cuts the others.
pub fn windows(
    start: NaiveDate,
    baseline: Option<NaiveDate>,
    end: Option<NaiveDate>,
    through: NaiveDate,
) -> Vec<Window> {
    let mut out = vec![Window {
        interview: Interview::Baseline,
        due: start + Duration::days(BASELINE_DAYS),
        opens: start,
        closes: start + Duration::days(BASELINE_DAYS),
    }];
    if let Some(b) = baseline {
        out.push(around(Interview::Reassessment, b + Duration::days(REASSESSMENT_DAYS)));
        let last = end.unwrap_or(through).min(through);
        for year in 1u32.. {
            let w = around(Interview::Annual(year), add_months(b, year.saturating_mul(12)));
            if w.opens > last {
                break;
            }
            out.push(w);
        }
    }
    if let Some(e) = end {
        out.retain(|w| w.opens < e);
        for w in &mut out {
            if w.closes >= e {
                w.closes = e - Duration::days(1);
            }
        }
        out.push(Window {
            interview: Interview::Closeout,
            due: e + Duration::days(CLOSEOUT_DAYS),
            opens: e,
            closes: e + Duration::days(CLOSEOUT_DAYS),
        });
    }
    out.retain(|w| w.opens <= through);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date")
    }

    fn far() -> NaiveDate {
        d(2040, 1, 1)
    }

    #[test]
    fn baseline_is_the_first_30_days() {
        let w = windows(d(2026, 1, 10), None, None, far());
        assert_eq!(w.len(), 1, "no follow-up without a baseline");
        assert_eq!((w[0].opens, w[0].closes), (d(2026, 1, 10), d(2026, 2, 9)));
        assert!(w[0].contains(d(2026, 2, 9)));
        assert!(!w[0].contains(d(2026, 2, 10)));
    }

    #[test]
    fn reassessment_is_180_days_after_baseline_plus_or_minus_30() {
        let w = windows(d(2026, 1, 10), Some(d(2026, 1, 20)), None, d(2026, 12, 20));
        let r = w.iter().find(|w| w.interview == Interview::Reassessment).expect("present");
        // 20 Jan + 180 days = 19 Jul 2026; window 19 Jun .. 18 Aug.
        assert_eq!(r.due, d(2026, 7, 19));
        assert_eq!((r.opens, r.closes), (d(2026, 6, 19), d(2026, 8, 18)));
        // The first anniversary (20 Jan 2027) opens 21 Dec 2026: listed only from `through` on.
        assert!(w.iter().all(|w| !matches!(w.interview, Interview::Annual(_))));
        let w = windows(d(2026, 1, 10), Some(d(2026, 1, 20)), None, d(2026, 12, 21));
        let a = w.iter().find(|w| w.interview == Interview::Annual(1)).expect("present");
        assert_eq!((a.opens, a.due, a.closes), (d(2026, 12, 21), d(2027, 1, 20), d(2027, 2, 19)));
    }

    #[test]
    fn anniversaries_of_29_february_fall_on_28_february() {
        let w = windows(d(2028, 2, 1), Some(d(2028, 2, 29)), None, d(2030, 12, 31));
        let dues: Vec<_> = w.iter().filter(|w| matches!(w.interview, Interview::Annual(_))).map(|w| w.due).collect();
        assert_eq!(dues, vec![d(2029, 2, 28), d(2030, 2, 28)]);
    }

    #[test]
    fn a_closeout_before_a_window_cancels_it_and_all_later_ones() {
        // Baseline 1 Mar 2026; reassessment window 28 Jul .. 26 Sep. The episode ends 1 Jun: no reassessment.
        let w = windows(d(2026, 2, 20), Some(d(2026, 3, 1)), Some(d(2026, 6, 1)), far());
        let kinds: Vec<_> = w.iter().map(|w| w.interview).collect();
        assert_eq!(kinds, vec![Interview::Baseline, Interview::Closeout]);
        assert_eq!((w[1].opens, w[1].closes), (d(2026, 6, 1), d(2026, 7, 1)));
    }

    #[test]
    fn a_closeout_on_the_day_a_window_opens_cancels_it() {
        // Reassessment opens 28 Aug 2026 (baseline 1 Mar + 180 = 28 Aug; opens 29 Jul). End on 29 Jul.
        let w = windows(d(2026, 2, 20), Some(d(2026, 3, 1)), Some(d(2026, 7, 29)), far());
        assert!(w.iter().all(|w| w.interview != Interview::Reassessment));
        // A day later the reassessment window was open for a day and is cut to that day.
        let w = windows(d(2026, 2, 20), Some(d(2026, 3, 1)), Some(d(2026, 7, 30)), far());
        let r = w.iter().find(|w| w.interview == Interview::Reassessment).expect("present");
        assert_eq!((r.opens, r.closes), (d(2026, 7, 29), d(2026, 7, 29)));
    }

    #[test]
    fn an_episode_ending_on_its_first_day_has_only_a_closeout() {
        let w = windows(d(2026, 5, 5), None, Some(d(2026, 5, 5)), far());
        assert_eq!(w.iter().map(|w| w.interview).collect::<Vec<_>>(), vec![Interview::Closeout]);
    }

    #[test]
    fn annual_interviews_stop_at_the_episodes_end() {
        let w = windows(d(2026, 1, 1), Some(d(2026, 1, 2)), Some(d(2028, 6, 1)), far());
        let kinds: Vec<_> = w.iter().map(|w| w.interview).collect();
        assert_eq!(
            kinds,
            vec![
                Interview::Baseline,
                Interview::Reassessment,
                Interview::Annual(1),
                Interview::Annual(2),
                Interview::Closeout
            ]
        );
    }

    #[test]
    fn bounds_across_daylight_saving_keep_whole_days() {
        // New York springs forward on 8 March 2026: the window still starts at local midnight of its first day
        // and ends at local midnight after its last.
        let w =
            Window { interview: Interview::Baseline, due: d(2026, 3, 9), opens: d(2026, 3, 7), closes: d(2026, 3, 9) };
        let (a, b) = w.bounds(chrono_tz::America::New_York);
        assert_eq!(a.to_rfc3339(), "2026-03-07T05:00:00+00:00");
        assert_eq!(b.to_rfc3339(), "2026-03-10T04:00:00+00:00");
        assert_eq!((b - a).num_hours(), 71);
        let (a, b) = w.bounds(chrono_tz::America::Phoenix);
        assert_eq!((b - a).num_hours(), 72);
    }

    fn date() -> impl Strategy<Value = NaiveDate> {
        (0i64..3000).prop_map(|n| d(2024, 1, 1) + Duration::days(n))
    }

    proptest! {
        #[test]
        fn windows_never_overlap_and_come_in_order(
            start in date(), base_after in proptest::option::of(0i64..60), end_after in proptest::option::of(0i64..2000),
        ) {
            let baseline = base_after.map(|n| start + Duration::days(n));
            let end = end_after.map(|n| start + Duration::days(n));
            let w = windows(start, baseline, end, far());
            for pair in w.windows(2) {
                prop_assert!(pair[0].closes < pair[1].opens, "{:?}", pair);
            }
            for x in &w {
                prop_assert!(x.opens <= x.closes);
            }
        }

        #[test]
        fn a_closeout_leaves_nothing_opening_after_the_end(
            start in date(), base_after in 0i64..60, end_after in 0i64..2000,
        ) {
            let end = start + Duration::days(end_after);
            let w = windows(start, Some(start + Duration::days(base_after)), Some(end), far());
            prop_assert_eq!(w.last().map(|w| w.interview), Some(Interview::Closeout));
            for x in &w[..w.len() - 1] {
                prop_assert!(x.opens < end && x.closes < end);
            }
        }

        #[test]
        fn bounds_are_whole_local_days(day in date(), len in 0i64..60) {
            let w = Window { interview: Interview::Closeout, due: day, opens: day, closes: day + Duration::days(len) };
            let (a, b) = w.bounds(chrono_tz::America::New_York);
            let hours = (b - a).num_hours();
            prop_assert!((hours - 24 * (len + 1)).abs() <= 1);
        }
    }
}
