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
use super::stats::{Interval, wilson95};
use super::suppression::{Cell, Figure, Link, SuppressedTable, suppress_together};

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

/// BARC-10's share at or above its cut-off (`barc10::CUTOFF`), reported as one more outcome: the reports' line and
/// the kept counts' row (`pathways_store::outcome_change_kept`) go by this id.
pub const BARC10_CUTOFF_ID: &str = "barc10_at_or_above_47";

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

// --- A network's outcome change ---

/// One organization's (or the network's) share of persons with an indicator at baseline and at the follow-up,
/// as published: `n` the persons with both answers; the shares (with their Wilson 95% intervals) only when n
/// and every count behind them — with it and without it, at baseline and at follow-up — are shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shares {
    pub n: Cell,
    pub baseline: Option<Interval>,
    pub follow_up: Option<Interval>,
}

impl Shares {
    /// Whether figures were withheld.
    pub fn suppressed(&self) -> bool {
        self.baseline.is_none() && self.n.shown() != Some(0)
    }
}

/// How many of an organization's paired persons had one indicator: at baseline, at the follow-up, of `n`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub baseline: u64,
    pub follow_up: u64,
    pub n: u64,
}

/// One indicator across a network's organizations, side by side, with the network's line. The counts are
/// published as two tables — organizations by (with, without) at baseline and at follow-up — whose row totals
/// are the same n and whose column totals are the network's line, suppressed together
/// (`suppression::suppress_together`): no count of 1 to 10 persons can be worked out from an organization's
/// shares, the network's, or the two together. Counts must not exceed their n.
pub fn network_shares(rows: &[Counts]) -> (Vec<Shares>, Shares) {
    let Some((published, _)) = network_tables(rows) else {
        return (Vec::new(), Shares { n: Cell::Hidden, baseline: None, follow_up: None });
    };
    let shares = |n: Cell, b: [Cell; 2], f: [Cell; 2]| {
        let open = n.shown().is_some() && b.iter().chain(&f).all(|c| c.shown().is_some());
        let rate = |c: Cell| n.shown().zip(c.shown()).and_then(|(n, c)| wilson95(c, n));
        Shares { n, baseline: if open { rate(b[0]) } else { None }, follow_up: if open { rate(f[0]) } else { None } }
    };
    let [b, f] = [&published[0], &published[1]];
    let each = (0..rows.len())
        .map(|i| shares(b.row_totals[i], [b.cells[i][0], b.cells[i][1]], [f.cells[i][0], f.cells[i][1]]))
        .collect();
    let network = if rows.is_empty() {
        Shares { n: Cell::Shown(0), baseline: None, follow_up: None }
    } else {
        shares(b.total, [b.column_totals[0], b.column_totals[1]], [f.column_totals[0], f.column_totals[1]])
    };
    (each, network)
}

/// The two published tables of `network_shares` (organizations by with and without, at baseline and at
/// follow-up) and the links that tie them: each organization's n in both, the network's n in both.
fn network_tables(rows: &[Counts]) -> Option<(Vec<SuppressedTable>, Vec<Link>)> {
    let table = |pick: fn(&Counts) -> u64| -> Vec<Vec<u64>> {
        rows.iter().map(|c| vec![pick(c).min(c.n), c.n - pick(c).min(c.n)]).collect()
    };
    let tables = [table(|c| c.baseline), table(|c| c.follow_up)];
    let mut links: Vec<Link> = (0..rows.len())
        .map(|row| Link::same(Figure::RowTotal { table: 0, row }, Figure::RowTotal { table: 1, row }))
        .collect();
    if !rows.is_empty() {
        links.push(Link::same(Figure::Total { table: 0 }, Figure::Total { table: 1 }));
    }
    // The links name only rows and tables that exist.
    suppress_together(&tables, &links).ok().map(|t| (t, links))
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

    fn counts(rows: &[(u64, u64, u64)]) -> Vec<Counts> {
        rows.iter().map(|&(baseline, follow_up, n)| Counts { baseline, follow_up, n }).collect()
    }

    #[test]
    fn a_network_shows_each_organization_with_enough_persons_and_its_own_line() {
        // Worked by hand: 40 of 100 and 60 of 100; 20 of 50 and 35 of 50; the network 60 of 150 and 95 of 150.
        let (each, network) = network_shares(&counts(&[(40, 60, 100), (20, 35, 50)]));
        let share = |s: Option<Interval>| s.expect("shown").share;
        assert_eq!((each[0].n, each[1].n, network.n), (Cell::Shown(100), Cell::Shown(50), Cell::Shown(150)));
        assert!((share(each[0].baseline) - 0.4).abs() < 1e-12 && (share(each[0].follow_up) - 0.6).abs() < 1e-12);
        assert!((share(each[1].baseline) - 0.4).abs() < 1e-12 && (share(each[1].follow_up) - 0.7).abs() < 1e-12);
        assert!((share(network.baseline) - 0.4).abs() < 1e-12);
        assert!((share(network.follow_up) - 95.0 / 150.0).abs() < 1e-12);
        // The interval is Wilson's: 40 of 100 is 0.3094 to 0.4980.
        let i = each[0].baseline.expect("shown");
        assert!((i.low - 0.3094).abs() < 5e-4 && (i.high - 0.4980).abs() < 5e-4, "{i:?}");
    }

    #[test]
    fn a_count_of_1_to_10_withholds_its_organization_and_one_more_line() {
        // 10 of 50 with it at baseline is 1 to 10 persons: that organization's shares are withheld …
        let (each, network) = network_shares(&counts(&[(40, 60, 100), (10, 30, 50)]));
        assert_eq!((each[1].baseline, each[1].follow_up), (None, None));
        assert!(each[1].suppressed());
        // … and the first organization's and the network's are not both shown: together they give it (50 − 40).
        assert!(each[0].baseline.is_none() || network.baseline.is_none());
    }

    #[test]
    fn an_organization_with_fewer_than_11_paired_persons_is_withheld_and_not_given_away_by_the_network() {
        let (each, network) = network_shares(&counts(&[(30, 40, 60), (20, 30, 50), (3, 4, 7)]));
        assert_eq!(each[2].n, Cell::FewerThan11);
        assert_eq!(each[2].baseline, None);
        // The network's n less the two shown would be 7: one of them, or the network's, is hidden.
        let shown: Vec<Option<u64>> = each.iter().map(|s| s.n.shown()).chain([network.n.shown()]).collect();
        assert!(shown.iter().filter(|n| n.is_none()).count() >= 2, "{shown:?}");
    }

    #[test]
    fn a_network_of_no_organization_or_no_persons_shows_zero() {
        let (each, network) = network_shares(&[]);
        assert!(each.is_empty());
        assert_eq!(network.n, Cell::Shown(0));
        assert!(!network.suppressed());
        let (each, network) = network_shares(&counts(&[(0, 0, 0), (0, 0, 0)]));
        assert_eq!(each[0].n, Cell::Shown(0));
        assert!(!each[0].suppressed() && !network.suppressed());
    }

    proptest::proptest! {
        /// Whatever the counts, nothing withheld can be worked out: an organization's shares are shown only
        /// when none of its four counts is 1 to 10, and what is shown is consistent — a share shown is the
        /// count over n.
        #[test]
        fn a_network_never_shows_a_count_of_1_to_10(
            rows in proptest::collection::vec((0u64..40, 0u64..40, 0u64..60), 0..12),
        ) {
            let rows: Vec<Counts> = rows
                .into_iter()
                .map(|(b, f, extra)| Counts { baseline: b, follow_up: f, n: b.max(f) + extra })
                .collect();
            let (each, network) = network_shares(&rows);
            let small = |v: u64| v > 0 && v < 11;
            for (c, s) in rows.iter().zip(&each) {
                if let Some(b) = s.baseline {
                    proptest::prop_assert!(![c.baseline, c.n - c.baseline, c.follow_up, c.n - c.follow_up, c.n]
                        .into_iter()
                        .any(small));
                    proptest::prop_assert!((b.share - c.baseline as f64 / c.n as f64).abs() < 1e-12);
                }
                if let Some(n) = s.n.shown() {
                    proptest::prop_assert_eq!(n, c.n);
                }
            }
            if let Some(n) = network.n.shown() {
                proptest::prop_assert_eq!(n, rows.iter().map(|c| c.n).sum::<u64>());
            }
            // Nothing withheld follows from what the two tables show, tied as published.
            if let Some((tables, links)) = network_tables(&rows) {
                proptest::prop_assert_eq!(super::super::suppression::derivable(&tables, &links).expect("links"), vec![]);
            }
        }
    }
}
