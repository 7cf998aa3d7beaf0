//! Outcome interview records (issue 17): what becomes of an interview — in progress (a form saved part way),
//! complete, or an administrative entry (the person could not be reached, died, or refused) — and which
//! interview an episode has open on a given day, by the schedule (`schedule::windows`). SAMHSA's tools count an
//! administrative entry as such: it closes the window but is not a completed interview (`follow_up`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::schedule::{Interview, Window, windows};

/// Why an interview was not done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdministrativeReason {
    NotReached,
    Died,
    Refused,
}

impl AdministrativeReason {
    pub const ALL: [AdministrativeReason; 3] =
        [AdministrativeReason::NotReached, AdministrativeReason::Died, AdministrativeReason::Refused];

    pub const fn as_str(self) -> &'static str {
        match self {
            AdministrativeReason::NotReached => "not_reached",
            AdministrativeReason::Died => "died",
            AdministrativeReason::Refused => "refused",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Where an interview stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    InProgress,
    Complete,
    Administrative,
}

impl Status {
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::InProgress => "in_progress",
            Status::Complete => "complete",
            Status::Administrative => "administrative",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Status::InProgress, Status::Complete, Status::Administrative].into_iter().find(|r| r.as_str() == s)
    }

    /// Whether the interview's window is closed by it (nothing more is due for that window).
    pub const fn settles(self) -> bool {
        !matches!(self, Status::InProgress)
    }
}

/// An interview kind by its stored name and year (`annual` with its anniversary).
pub fn interview_of(kind: &str, year: Option<i32>) -> Option<Interview> {
    match (kind, year) {
        ("baseline", _) => Some(Interview::Baseline),
        ("reassessment", _) => Some(Interview::Reassessment),
        ("annual", Some(y)) if y >= 1 => Some(Interview::Annual(y as u32)),
        ("closeout", _) => Some(Interview::Closeout),
        _ => None,
    }
}

/// The stored year of an interview (its anniversary, for an annual one).
pub const fn year_of(i: Interview) -> Option<i32> {
    match i {
        Interview::Annual(y) => Some(y as i32),
        _ => None,
    }
}

/// One episode as the rule reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EpisodeState {
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    /// The day the baseline was completed, if it was.
    pub baseline_on: Option<NaiveDate>,
    /// The interviews already settled (complete or administrative).
    pub settled: Vec<Interview>,
}

/// The window open on `day` that has not been settled yet: the interview to record on that day. Windows never
/// overlap (`schedule`), so there is at most one.
pub fn open_on(e: &EpisodeState, day: NaiveDate) -> Option<Window> {
    windows(e.started_on, e.baseline_on, e.ended_on, day)
        .into_iter()
        .find(|w| w.contains(day) && !e.settled.contains(&w.interview))
}

/// The windows not yet settled that are open at some point in `[from, to]` (inclusive): what is due in that
/// span, e.g. this week on a coach's caseload.
pub fn due_between(e: &EpisodeState, from: NaiveDate, to: NaiveDate) -> Vec<Window> {
    windows(e.started_on, e.baseline_on, e.ended_on, to)
        .into_iter()
        .filter(|w| w.opens <= to && w.closes >= from && !e.settled.contains(&w.interview))
        .collect()
}

/// The days a coach's caseload counts as "this week": today and the six days after, so that on any weekday the
/// column shows what is open now and what opens in the coming seven days.
pub fn this_week(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    (today, today + chrono::Duration::days(6))
}

#[cfg(test)]
mod tests {
    use chrono::Duration;
    use proptest::prelude::*;

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date")
    }

    fn ep(baseline: Option<NaiveDate>, end: Option<NaiveDate>, settled: &[Interview]) -> EpisodeState {
        EpisodeState { started_on: d(2026, 1, 1), ended_on: end, baseline_on: baseline, settled: settled.to_vec() }
    }

    #[test]
    fn the_baseline_is_open_for_30_days_then_nothing_until_a_baseline_is_done() {
        let e = ep(None, None, &[]);
        assert_eq!(open_on(&e, d(2026, 1, 31)).map(|w| w.interview), Some(Interview::Baseline));
        assert_eq!(open_on(&e, d(2026, 2, 1)), None, "the baseline window closed on 31 January");
        let done = ep(Some(d(2026, 1, 10)), None, &[Interview::Baseline]);
        assert_eq!(open_on(&done, d(2026, 1, 20)), None, "a settled baseline is not offered again");
        // 10 Jan + 180 days = 9 Jul; window 9 Jun .. 8 Aug.
        assert_eq!(open_on(&done, d(2026, 6, 9)).map(|w| w.interview), Some(Interview::Reassessment));
        assert_eq!(open_on(&done, d(2026, 6, 8)), None);
    }

    #[test]
    fn an_administrative_entry_settles_its_window() {
        let e = ep(Some(d(2026, 1, 10)), None, &[Interview::Baseline, Interview::Reassessment]);
        assert_eq!(open_on(&e, d(2026, 7, 1)), None);
        assert!(Status::Administrative.settles() && Status::Complete.settles() && !Status::InProgress.settles());
    }

    #[test]
    fn due_this_week_lists_the_windows_touching_it() {
        let e = ep(Some(d(2026, 1, 10)), None, &[Interview::Baseline]);
        let due = due_between(&e, d(2026, 6, 5), d(2026, 6, 11));
        assert_eq!(due.iter().map(|w| w.interview).collect::<Vec<_>>(), vec![Interview::Reassessment]);
        assert!(due_between(&e, d(2026, 5, 1), d(2026, 5, 7)).is_empty());
        // A closeout before the window cancels it; the closeout is due instead.
        let closed = ep(Some(d(2026, 1, 10)), Some(d(2026, 5, 1)), &[Interview::Baseline]);
        let due = due_between(&closed, d(2026, 5, 1), d(2026, 7, 1));
        assert_eq!(due.iter().map(|w| w.interview).collect::<Vec<_>>(), vec![Interview::Closeout]);
    }

    #[test]
    fn kinds_round_trip_through_their_stored_names() {
        for i in [Interview::Baseline, Interview::Reassessment, Interview::Annual(3), Interview::Closeout] {
            assert_eq!(interview_of(i.as_str(), year_of(i)), Some(i));
        }
        assert_eq!(interview_of("annual", None), None);
        assert_eq!(interview_of("annual", Some(0)), None);
        assert_eq!(interview_of("weekly", None), None);
        for r in AdministrativeReason::ALL {
            assert_eq!(AdministrativeReason::parse(r.as_str()), Some(r));
        }
    }

    proptest! {
        #[test]
        fn the_open_window_contains_the_day_and_is_never_settled(
            base in proptest::option::of(0i64..60),
            end in proptest::option::of(1i64..1200),
            day in 0i64..1300,
            settle_baseline in any::<bool>(),
        ) {
            let start = d(2026, 1, 1);
            let baseline = base.map(|b| start + Duration::days(b));
            let settled = if settle_baseline && baseline.is_some() { vec![Interview::Baseline] } else { vec![] };
            let e = EpisodeState { started_on: start, ended_on: end.map(|x| start + Duration::days(x)), baseline_on: baseline, settled };
            let day = start + Duration::days(day);
            if let Some(w) = open_on(&e, day) {
                prop_assert!(w.contains(day));
                prop_assert!(!e.settled.contains(&w.interview));
                prop_assert!(due_between(&e, day, day).contains(&w));
            }
        }
    }

    #[test]
    fn this_week_is_today_and_the_six_days_after_and_shows_what_opens_in_it() {
        let today = d(2026, 3, 6);
        let (from, to) = this_week(today);
        assert_eq!((from, to), (d(2026, 3, 6), d(2026, 3, 12)));
        // A baseline done on 2025-09-13: the reassessment is due 180 days later (2026-03-12), open from 2026-02-10.
        let e = EpisodeState {
            started_on: d(2025, 9, 1),
            ended_on: None,
            baseline_on: Some(d(2025, 9, 13)),
            settled: vec![Interview::Baseline],
        };
        let due = due_between(&e, from, to);
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].interview, Interview::Reassessment);
        assert_eq!((due[0].opens, due[0].due, due[0].closes), (d(2026, 2, 10), d(2026, 3, 12), d(2026, 4, 11)));
        // A window that opens the day after the week is not due this week; one opening on its last day is.
        let e2 = EpisodeState { baseline_on: Some(d(2025, 10, 20)), ..e.clone() };
        let opens = d(2025, 10, 20) + chrono::Duration::days(150);
        assert_eq!(opens, d(2026, 3, 19));
        assert!(due_between(&e2, from, to).is_empty());
        let (from2, to2) = this_week(d(2026, 3, 13));
        assert_eq!(due_between(&e2, from2, to2).len(), 1, "opens on the week's last day (19 March)");
        // Settled: nothing is due.
        let done = EpisodeState { settled: vec![Interview::Baseline, Interview::Reassessment], ..e };
        assert!(due_between(&done, from, to).is_empty());
    }
}
