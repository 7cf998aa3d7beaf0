//! The follow-up rate (issue 17): of the reassessments due — episodes with a baseline whose reassessment window
//! (`schedule::windows`, a closeout before it cancels it) closed on or before the day counted to — how many were
//! done inside the window. SAMHSA's target is 80% (`stats::FOLLOW_UP_TARGET`). An administrative entry (the
//! person could not be reached, died, declined) closes the item but is not a completed interview: it is
//! counted apart, and stays in the denominator.

use chrono::NaiveDate;
use serde::Serialize;

use super::schedule::{Interview, windows};

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

/// Counts the reassessments whose window closed in `[from, to)`.
pub fn follow_up<'a>(
    episodes: impl IntoIterator<Item = &'a EpisodeInterviews>,
    from: NaiveDate,
    to: NaiveDate,
) -> FollowUp {
    let mut f = FollowUp::default();
    for e in episodes {
        let Some(window) = windows(e.started_on, e.baseline_on, e.ended_on, to)
            .into_iter()
            .find(|w| w.interview == Interview::Reassessment)
        else {
            continue;
        };
        if window.closes < from || window.closes >= to {
            continue;
        }
        f.due += 1;
        if e.reassessments.iter().any(|d| window.contains(*d)) {
            f.completed_in_window += 1;
        } else if e.administrative.iter().any(|d| window.contains(*d)) {
            f.administrative += 1;
        }
    }
    f
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
}
