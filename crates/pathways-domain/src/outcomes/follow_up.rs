//! The follow-up rate (issue 17): of the reassessments due — episodes with a baseline whose reassessment window
//! (`schedule::windows`, a closeout before it cancels it) closed on or before the day counted to — how many were
//! done inside the window. SAMHSA's target is 80% (`stats::FOLLOW_UP_TARGET`). An administrative entry (the
//! person could not be reached, died, declined) closes the item but is not a completed interview: it is
//! counted apart, and stays in the denominator.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::schedule::{FOLLOW_UP_WINDOW_DAYS, Interview, REASSESSMENT_DAYS, windows};

/// One episode as the rule reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EpisodeInterviews {
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    /// The day the baseline was done, if it was.
    pub baseline_on: Option<NaiveDate>,
    /// The days reassessment interviews were done (with answers).
    pub reassessments: Vec<NaiveDate>,
    /// The days administrative reassessment entries were recorded.
    pub administrative: Vec<NaiveDate>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FollowUp {
    /// Reassessments due: their window closed on or before the day counted to.
    pub due: u64,
    /// Done inside their window.
    pub completed_in_window: u64,
    /// Not done, an administrative entry recorded inside the window instead.
    pub administrative: u64,
}

/// What became of an episode's reassessment, as it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// Done inside its window.
    Completed,
    /// An administrative entry recorded inside the window instead.
    Administrative,
    /// Neither (yet, while the window is open).
    NotDone,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Completed, Outcome::Administrative, Outcome::NotDone];

    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Outcome::Completed => "completed",
            Outcome::Administrative => "administrative",
            Outcome::NotDone => "not_done",
        }
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// The last day of the episode's reassessment window and what became of it; `None` with no baseline, or when a
/// closeout cancelled the window. It does not depend on the day it is read: a window is due once it has closed.
pub fn reassessment(e: &EpisodeInterviews) -> Option<(NaiveDate, Outcome)> {
    let baseline = e.baseline_on?;
    // Listing the windows through the reassessment's latest last day is enough to find it.
    let through = baseline + Duration::days(REASSESSMENT_DAYS + FOLLOW_UP_WINDOW_DAYS);
    let window = windows(e.started_on, Some(baseline), e.ended_on, through)
        .into_iter()
        .find(|w| w.interview == Interview::Reassessment)?;
    let outcome = if e.reassessments.iter().any(|d| window.contains(*d)) {
        Outcome::Completed
    } else if e.administrative.iter().any(|d| window.contains(*d)) {
        Outcome::Administrative
    } else {
        Outcome::NotDone
    };
    Some((window.closes, outcome))
}

/// Counts the reassessments whose window closed in `[from, to)`.
pub fn follow_up<'a>(
    episodes: impl IntoIterator<Item = &'a EpisodeInterviews>,
    from: NaiveDate,
    to: NaiveDate,
) -> FollowUp {
    let mut f = FollowUp::default();
    for (closes, outcome) in episodes.into_iter().filter_map(reassessment) {
        if closes < from || closes >= to {
            continue;
        }
        f.add(outcome, 1);
    }
    f
}

impl FollowUp {
    /// Adds `n` reassessments that came to `outcome` (all of them due).
    pub fn add(&mut self, outcome: Outcome, n: u64) {
        self.due += n;
        match outcome {
            Outcome::Completed => self.completed_in_window += n,
            Outcome::Administrative => self.administrative += n,
            Outcome::NotDone => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date")
    }

    fn ep(
        baseline: Option<NaiveDate>,
        end: Option<NaiveDate>,
        re: &[NaiveDate],
        admin: &[NaiveDate],
    ) -> EpisodeInterviews {
        EpisodeInterviews {
            started_on: d(2026, 1, 1),
            ended_on: end,
            baseline_on: baseline,
            reassessments: re.to_vec(),
            administrative: admin.to_vec(),
        }
    }

    #[test]
    fn due_completed_and_administrative_by_hand() {
        // Baseline 10 Jan 2026: reassessment due 9 Jul (10 Jan + 180 days), window 9 Jun .. 8 Aug.
        let b = Some(d(2026, 1, 10));
        let episodes = [
            ep(b, None, &[d(2026, 7, 1)], &[]),                  // done in window
            ep(b, None, &[d(2026, 8, 9)], &[]),                  // a day late: due, not completed
            ep(b, None, &[d(2026, 6, 8)], &[]),                  // a day early: not completed
            ep(b, None, &[], &[d(2026, 7, 20)]),                 // could not be reached: administrative
            ep(None, None, &[], &[]),                            // no baseline: nothing due
            ep(b, Some(d(2026, 5, 1)), &[], &[]),                // closed out before the window: cancelled
            ep(b, Some(d(2026, 7, 15)), &[d(2026, 7, 10)], &[]), // closed inside it: window cut to 14 Jul, done
        ];
        // Counted from 1 July to 1 October 2026 (the quarter the windows close in).
        let f = follow_up(&episodes, d(2026, 7, 1), d(2026, 10, 1));
        assert_eq!(f, FollowUp { due: 5, completed_in_window: 2, administrative: 1 });
        // A window still open on the day counted to is not yet due.
        let f = follow_up(&episodes[..1], d(2026, 7, 1), d(2026, 8, 1));
        assert_eq!(f.due, 0);
    }

    /// The rule as first written: the windows listed through the day counted to, the reassessment's found there.
    fn through_the_day(episodes: &[EpisodeInterviews], from: NaiveDate, to: NaiveDate) -> FollowUp {
        let mut f = FollowUp::default();
        for e in episodes {
            let Some(w) = windows(e.started_on, e.baseline_on, e.ended_on, to)
                .into_iter()
                .find(|w| w.interview == Interview::Reassessment)
            else {
                continue;
            };
            if w.closes < from || w.closes >= to {
                continue;
            }
            f.due += 1;
            if e.reassessments.iter().any(|d| w.contains(*d)) {
                f.completed_in_window += 1;
            } else if e.administrative.iter().any(|d| w.contains(*d)) {
                f.administrative += 1;
            }
        }
        f
    }

    proptest::proptest! {
        /// What became of a reassessment does not depend on the day it is read (so it can be kept): counting
        /// from kept outcomes gives what listing the windows through the day gives, for any period.
        #[test]
        fn a_kept_outcome_counts_as_the_windows_through_the_day(
            eps in proptest::collection::vec(
                (0i64..60, proptest::option::of(0i64..40), proptest::option::of(0i64..500),
                 proptest::collection::vec(100i64..300, 0..2), proptest::collection::vec(100i64..300, 0..2)),
                0..12),
            from in 0i64..400,
            len in 1i64..400,
        ) {
            let day = |n: i64| d(2026, 1, 1) + Duration::days(n);
            let episodes: Vec<EpisodeInterviews> = eps
                .iter()
                .map(|(start, base, end, re, admin)| EpisodeInterviews {
                    started_on: day(*start),
                    baseline_on: base.map(|b| day(start + b)),
                    ended_on: end.map(|e| day(start + e)),
                    reassessments: re.iter().map(|r| day(*r)).collect(),
                    administrative: admin.iter().map(|a| day(*a)).collect(),
                })
                .collect();
            let (from, to) = (day(from), day(from + len));
            proptest::prop_assert_eq!(follow_up(&episodes, from, to), through_the_day(&episodes, from, to));
        }
    }
}
