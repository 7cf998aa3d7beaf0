//! Outcome change's pairs (issue 17): which of an episode's completed interviews the outcome-change report puts
//! side by side, and what each pair holds. "Paired only" (the issue): a person counts at a follow-up point only
//! with both their baseline and that follow-up, each indicator only where both interviews answered it.
//!
//! - The **baseline** is the episode's completed baseline (the earliest by its day, should there be two).
//! - The **6-month** follow-up is the earliest completed 6-month reassessment done inside its window; the
//!   **12-month** one the earliest completed first annual interview (the baseline's first anniversary, the
//!   schedule's `Annual(1)`) done inside its window. One done outside its window is not a follow-up at that point
//!   (the federal tools count a reassessment only within its window: `schedule`'s ±30 days).
//! - A pair is dated by its follow-up's day: a fiscal year's report holds the pairs whose follow-up was done in it.
//!
//! Each interview's indicators and BARC-10 total are read with the instrument version it was given with
//! (`Instrument::indicators`, `barc10_total`) by the caller, so a pair, once both interviews are completed, never
//! changes: the store keeps them (`pathways_store::outcome_pairs`) and the report adds them up.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::schedule::Interview;

/// The follow-up point a pair compares with the baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Span {
    SixMonths,
    TwelveMonths,
}

impl Span {
    pub const ALL: [Span; 2] = [Span::SixMonths, Span::TwelveMonths];

    /// Months after the baseline (as stored).
    pub const fn months(self) -> i16 {
        match self {
            Span::SixMonths => 6,
            Span::TwelveMonths => 12,
        }
    }

    pub const fn from_months(months: i64) -> Option<Span> {
        match months {
            6 => Some(Span::SixMonths),
            12 => Some(Span::TwelveMonths),
            _ => None,
        }
    }

    /// The interview that is the follow-up at this point.
    const fn interview(self) -> Interview {
        match self {
            Span::SixMonths => Interview::Reassessment,
            Span::TwelveMonths => Interview::Annual(1),
        }
    }
}

/// What one completed interview gives the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Completed {
    pub interview: Interview,
    pub done_on: NaiveDate,
    /// Its window (inclusive).
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    /// Each indicator of its instrument version: `None` when unanswered.
    pub indicators: BTreeMap<String, Option<bool>>,
    /// Its BARC-10 total, when answered.
    pub barc10: Option<u8>,
}

/// A baseline and a follow-up of the same episode.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub span: Span,
    /// The follow-up's day (the pair's day in the reports).
    pub done_on: NaiveDate,
    /// Each indicator answered in both: (at baseline, at follow-up).
    pub indicators: BTreeMap<String, (bool, bool)>,
    /// The BARC-10 totals, when both were answered.
    pub barc10: Option<(u8, u8)>,
}

/// The earlier of two interviews by day; two on one day (a record entered twice) in a fixed order, so the pair
/// does not depend on the order the records are read in.
fn first(a: &&Completed, b: &&Completed) -> std::cmp::Ordering {
    a.done_on.cmp(&b.done_on).then_with(|| a.indicators.cmp(&b.indicators)).then_with(|| a.barc10.cmp(&b.barc10))
}

/// The pairs an episode's completed interviews make: at most one per follow-up point.
pub fn pairs(completed: &[Completed]) -> Vec<Pair> {
    let Some(base) = completed.iter().filter(|c| c.interview == Interview::Baseline).min_by(first) else {
        return Vec::new();
    };
    Span::ALL
        .iter()
        .filter_map(|&span| {
            let follow = completed
                .iter()
                .filter(|c| c.interview == span.interview())
                .filter(|c| c.opens_on <= c.done_on && c.done_on <= c.closes_on)
                .min_by(first)?;
            let indicators = base
                .indicators
                .iter()
                .filter_map(|(id, b)| match (b, follow.indicators.get(id)) {
                    (Some(b), Some(Some(f))) => Some((id.clone(), (*b, *f))),
                    _ => None,
                })
                .collect();
            let barc10 = base.barc10.zip(follow.barc10);
            Some(Pair { span, done_on: follow.done_on, indicators, barc10 })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date")
    }

    fn done(
        interview: Interview,
        on: NaiveDate,
        window: (NaiveDate, NaiveDate),
        ind: &[(&str, Option<bool>)],
    ) -> Completed {
        Completed {
            interview,
            done_on: on,
            opens_on: window.0,
            closes_on: window.1,
            indicators: ind.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect(),
            barc10: None,
        }
    }

    const SIX: (NaiveDate, NaiveDate) =
        (NaiveDate::from_ymd_opt(2025, 1, 29).expect("a date"), NaiveDate::from_ymd_opt(2025, 3, 30).expect("a date"));
    const TWELVE: (NaiveDate, NaiveDate) =
        (NaiveDate::from_ymd_opt(2025, 8, 2).expect("a date"), NaiveDate::from_ymd_opt(2025, 10, 1).expect("a date"));
    const BASE: (NaiveDate, NaiveDate) =
        (NaiveDate::from_ymd_opt(2024, 8, 20).expect("a date"), NaiveDate::from_ymd_opt(2024, 9, 19).expect("a date"));

    #[test]
    fn a_baseline_pairs_with_each_follow_up_done_in_its_window_by_hand() {
        let mut base = done(
            Interview::Baseline,
            d(2024, 9, 1),
            BASE,
            &[("housed", Some(false)), ("no_use", None), ("work", Some(true))],
        );
        base.barc10 = Some(40);
        let mut six = done(
            Interview::Reassessment,
            d(2025, 3, 1),
            SIX,
            &[("housed", Some(true)), ("no_use", Some(true)), ("work", Some(true))],
        );
        six.barc10 = Some(49);
        // Done a day after its window closed: not the 12-month follow-up.
        let late = done(Interview::Annual(1), d(2025, 10, 2), TWELVE, &[("housed", Some(true))]);
        let p = pairs(&[six.clone(), base.clone(), late]);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].span, Span::SixMonths);
        assert_eq!(p[0].done_on, d(2025, 3, 1));
        // "no_use" unanswered at baseline: not paired; the others are.
        assert_eq!(
            p[0].indicators,
            BTreeMap::from([("housed".to_owned(), (false, true)), ("work".to_owned(), (true, true))])
        );
        assert_eq!(p[0].barc10, Some((40, 49)));

        // On the window's last day it counts; the earliest in window is the one.
        let twelve = done(Interview::Annual(1), d(2025, 10, 1), TWELVE, &[("housed", Some(false))]);
        let earlier = done(Interview::Annual(1), d(2025, 8, 2), TWELVE, &[("housed", Some(true))]);
        let p = pairs(&[base.clone(), six.clone(), twelve, earlier]);
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].span, Span::TwelveMonths);
        assert_eq!(p[1].done_on, d(2025, 8, 2));
        assert_eq!(p[1].indicators, BTreeMap::from([("housed".to_owned(), (false, true))]));
        assert_eq!(p[1].barc10, None, "no BARC-10 at 12 months");
    }

    #[test]
    fn no_baseline_no_pair_and_a_second_annual_is_not_twelve_months() {
        let six = done(Interview::Reassessment, d(2025, 3, 1), SIX, &[("housed", Some(true))]);
        assert!(pairs(std::slice::from_ref(&six)).is_empty());
        let base = done(Interview::Baseline, d(2024, 9, 1), BASE, &[("housed", Some(true))]);
        let second =
            done(Interview::Annual(2), d(2026, 9, 1), (d(2026, 8, 2), d(2026, 10, 1)), &[("housed", Some(true))]);
        let closeout = done(Interview::Closeout, d(2025, 9, 1), TWELVE, &[("housed", Some(true))]);
        assert!(pairs(&[base.clone(), second, closeout]).is_empty());
        // A day before the window opens: not a follow-up.
        let early = done(Interview::Reassessment, d(2025, 1, 28), SIX, &[("housed", Some(true))]);
        assert!(pairs(&[base, early]).is_empty());
    }

    proptest! {
        /// Whatever the order the interviews come in, the pairs are the same; each pair's indicators are those
        /// answered in both; there is never more than one pair per point.
        #[test]
        fn pairs_do_not_depend_on_order_and_pair_only_what_both_answered(
            days in proptest::collection::vec((0usize..4, 0i64..500, proptest::option::of(any::<bool>()), proptest::option::of(any::<bool>())), 0..8),
            rotate in 0usize..8,
        ) {
            let kinds = [Interview::Baseline, Interview::Reassessment, Interview::Annual(1), Interview::Closeout];
            let start = d(2024, 1, 1);
            let items: Vec<Completed> = days
                .iter()
                .map(|&(k, off, a, b)| {
                    let on = start + chrono::Duration::days(off);
                    done(kinds[k], on, (start + chrono::Duration::days(100), start + chrono::Duration::days(400)), &[("a", a), ("b", b)])
                })
                .collect();
            let mut turned = items.clone();
            if !turned.is_empty() {
                let n = rotate % turned.len();
                turned.rotate_left(n);
            }
            let p = pairs(&items);
            prop_assert_eq!(&p, &pairs(&turned));
            prop_assert!(p.len() <= 2);
            for pair in &p {
                prop_assert!(pair.indicators.keys().all(|k| k == "a" || k == "b"));
            }
        }
    }
}
