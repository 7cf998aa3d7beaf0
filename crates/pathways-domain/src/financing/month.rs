//! The month's counts the funder report shows (issue 21), kept per organization, month, funding source and staff
//! member so a report reads a few rows instead of the month's events.
//!
//! Every figure the report shows is a sum over signed events: the events, their units and dollars, and the claim
//! lines (one per person of an event) ready to bill or still with a problem. No figure is a count of distinct
//! persons, so the kept rows add exactly: a month's line for a source and staff member is the sum of what each of
//! its signed events brings ([`MonthCounts::of_event`]), and any change of an event is "take off what it brought,
//! add what it brings now" ([`MonthCounts::change`]). A report that showed distinct persons would need rows per
//! person and month (or per exact grouping shown) instead; this one does not.

use chrono::{Datelike, NaiveDate};

/// What one signed event brings to its month's line, or a line's total: all sums.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct MonthCounts {
    pub events: i64,
    pub units: i64,
    pub cents: i64,
    /// Claim lines (persons of events) whose stored check found no problem.
    pub ready_lines: i64,
    /// Claim lines whose stored check still names a problem.
    pub waiting_lines: i64,
}

/// A signed event as the counts see it: its units and cents over all its persons, how many problems its stored
/// check names, and how many persons it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counted {
    pub units: i64,
    pub cents: i64,
    pub problems: i64,
    pub persons: i64,
}

impl MonthCounts {
    /// What a signed event brings: one event, its units and cents, and its persons as lines, ready when its check
    /// found no problem (the report's `SUM(CASE WHEN problem_count = 0 THEN person_count …)`).
    pub fn of_event(e: Counted) -> Self {
        let ready = e.problems == 0;
        Self {
            events: 1,
            units: e.units,
            cents: e.cents,
            ready_lines: if ready { e.persons } else { 0 },
            waiting_lines: if ready { 0 } else { e.persons },
        }
    }

    /// `before` (what the event brought, if it was counted) replaced by `after` (what it brings now, if it
    /// counts): signing is `(None, Some)`, a correction's superseded version `(Some, None)`, a co-signature that
    /// clears the last problem `(Some, Some)` with the lines moved from waiting to ready.
    pub fn change(before: Option<Counted>, after: Option<Counted>) -> Self {
        let of = |e: Option<Counted>| e.map(Self::of_event).unwrap_or_default();
        of(after).minus(of(before))
    }

    pub fn plus(self, o: Self) -> Self {
        Self {
            events: self.events.saturating_add(o.events),
            units: self.units.saturating_add(o.units),
            cents: self.cents.saturating_add(o.cents),
            ready_lines: self.ready_lines.saturating_add(o.ready_lines),
            waiting_lines: self.waiting_lines.saturating_add(o.waiting_lines),
        }
    }

    pub fn minus(self, o: Self) -> Self {
        self.plus(Self {
            events: -o.events,
            units: -o.units,
            cents: -o.cents,
            ready_lines: -o.ready_lines,
            waiting_lines: -o.waiting_lines,
        })
    }

    /// Nothing to add (a change that moves nothing is not written).
    pub fn is_zero(self) -> bool {
        self == Self::default()
    }
}

/// The first day of `d`'s month: the key of the line an event on `d` counts in.
pub fn month_of(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn ev(units: i64, problems: i64, persons: i64) -> Counted {
        Counted { units, cents: units * 1_800, problems, persons }
    }

    #[test]
    fn an_event_brings_its_persons_as_ready_or_waiting_lines() {
        let ready = MonthCounts::of_event(ev(2, 0, 3));
        assert_eq!(ready, MonthCounts { events: 1, units: 2, cents: 3_600, ready_lines: 3, waiting_lines: 0 });
        let waiting = MonthCounts::of_event(ev(2, 2, 1));
        assert_eq!((waiting.ready_lines, waiting.waiting_lines), (0, 1));
    }

    #[test]
    fn a_co_signature_that_clears_the_problems_moves_the_lines_and_nothing_else() {
        let moved = MonthCounts::change(Some(ev(4, 1, 2)), Some(ev(4, 0, 2)));
        assert_eq!(moved, MonthCounts { ready_lines: 2, waiting_lines: -2, ..MonthCounts::default() });
        assert!(MonthCounts::change(Some(ev(4, 2, 2)), Some(ev(4, 1, 2))).is_zero(), "still waiting: no change");
    }

    #[test]
    fn signing_and_superseding_add_and_take_off_the_whole_event() {
        let e = ev(3, 0, 1);
        assert_eq!(MonthCounts::change(None, Some(e)), MonthCounts::of_event(e));
        assert_eq!(MonthCounts::change(Some(e), None).plus(MonthCounts::of_event(e)), MonthCounts::default());
    }

    #[test]
    fn the_month_of_a_day_is_its_first() {
        let d = NaiveDate::from_ymd_opt(2026, 2, 28).expect("date");
        assert_eq!(month_of(d), NaiveDate::from_ymd_opt(2026, 2, 1).expect("date"));
    }

    fn counted() -> impl Strategy<Value = Counted> {
        (0i64..40, 0i64..4, 1i64..6).prop_map(|(u, p, n)| ev(u, p, n))
    }

    proptest! {
        /// Kept by changes, a line is the sum of what its events bring now, whatever happened between: each
        /// event signed, possibly re-checked (co-signed) and possibly superseded.
        #[test]
        fn kept_changes_sum_to_the_events_as_they_are(
            steps in proptest::collection::vec((counted(), proptest::option::of(counted()), any::<bool>()), 0..30)
        ) {
            let mut kept = MonthCounts::default();
            let mut now = MonthCounts::default();
            for (signed, recheck, superseded) in steps {
                kept = kept.plus(MonthCounts::change(None, Some(signed)));
                let mut last = signed;
                if let Some(r) = recheck {
                    let r = Counted { problems: r.problems, ..signed };
                    kept = kept.plus(MonthCounts::change(Some(last), Some(r)));
                    last = r;
                }
                if superseded {
                    kept = kept.plus(MonthCounts::change(Some(last), None));
                } else {
                    now = now.plus(MonthCounts::of_event(last));
                }
            }
            prop_assert_eq!(kept, now);
            prop_assert!(kept.ready_lines >= 0 && kept.waiting_lines >= 0 && kept.events >= 0);
        }
    }
}
