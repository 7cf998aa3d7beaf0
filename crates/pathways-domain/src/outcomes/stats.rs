//! The outcome reports' arithmetic: the Wilson score interval for a proportion (the 95% interval the issue
//! names; Wilson, E. B. (1927), "Probable inference, the law of succession, and statistical inference", JASA
//! 22:209–212; recommended over the Wald interval by Brown, Cai & DasGupta (2001), Statistical Science 16:101–133,
//! because it stays inside [0, 1] and behaves at 0 and n), paired change (only persons with both a baseline and a
//! follow-up count), and the follow-up rate.

use serde::Serialize;

/// The 97.5th percentile of the standard normal distribution (two-sided 95%).
pub const Z95: f64 = 1.959_963_984_540_054;

/// A proportion with its 95% interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Interval {
    pub successes: u64,
    pub n: u64,
    pub share: f64,
    pub low: f64,
    pub high: f64,
}

/// The Wilson 95% score interval for `successes` out of `n`; `None` when `n` is 0 (no estimate) or
/// `successes > n`.
pub fn wilson95(successes: u64, n: u64) -> Option<Interval> {
    if n == 0 || successes > n {
        return None;
    }
    let nf = n as f64;
    let p = successes as f64 / nf;
    let z2 = Z95 * Z95;
    let denom = 1.0 + z2 / nf;
    let centre = (p + z2 / (2.0 * nf)) / denom;
    let half = Z95 / denom * (p * (1.0 - p) / nf + z2 / (4.0 * nf * nf)).sqrt();
    // At 0 and n the exact bound is 0 or 1; keep it exact rather than a rounding hair away.
    let low = if successes == 0 { 0.0 } else { (centre - half).max(0.0) };
    let high = if successes == n { 1.0 } else { (centre + half).min(1.0) };
    Some(Interval { successes, n, share: p, low, high })
}

/// One person's answer to a yes/no outcome ("no use in the past 30 days") at baseline and at follow-up; `None`
/// where the interview or the item is missing.
pub type Pair<T> = (Option<T>, Option<T>);

/// A yes/no outcome over the persons with both answers: the share at baseline and at follow-up, each with its
/// interval, over the same `n` persons.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PairedProportion {
    pub n: u64,
    pub baseline: Option<Interval>,
    pub follow_up: Option<Interval>,
}

impl PairedProportion {
    pub fn of(pairs: impl IntoIterator<Item = Pair<bool>>) -> Self {
        let (mut n, mut b, mut f) = (0u64, 0u64, 0u64);
        for pair in pairs {
            if let (Some(x), Some(y)) = pair {
                n += 1;
                b += u64::from(x);
                f += u64::from(y);
            }
        }
        PairedProportion { n, baseline: wilson95(b, n), follow_up: wilson95(f, n) }
    }
}

/// A scored outcome (BARC-10) over the persons with both scores: the means and the mean change.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PairedMean {
    pub n: u64,
    pub baseline: Option<f64>,
    pub follow_up: Option<f64>,
    pub change: Option<f64>,
}

impl PairedMean {
    pub fn of(pairs: impl IntoIterator<Item = Pair<f64>>) -> Self {
        let (mut n, mut b, mut f) = (0u64, 0.0f64, 0.0f64);
        for pair in pairs {
            if let (Some(x), Some(y)) = pair {
                n += 1;
                b += x;
                f += y;
            }
        }
        if n == 0 {
            return PairedMean { n, baseline: None, follow_up: None, change: None };
        }
        let nf = n as f64;
        PairedMean { n, baseline: Some(b / nf), follow_up: Some(f / nf), change: Some((f - b) / nf) }
    }

    /// The same figures from kept sums: `n` pairs of whole-number scores (BARC-10 totals) whose baseline scores
    /// add up to `baseline` and whose follow-up scores add up to `follow_up`. Whole numbers under 2^53 add up
    /// exactly in floating point, in any order, so this equals [`PairedMean::of`] over the pairs to the bit (the
    /// tests check it on examples and by a property).
    pub fn of_sums(n: u64, baseline: i64, follow_up: i64) -> Self {
        if n == 0 {
            return PairedMean { n, baseline: None, follow_up: None, change: None };
        }
        let (nf, b, f) = (n as f64, baseline as f64, follow_up as f64);
        PairedMean { n, baseline: Some(b / nf), follow_up: Some(f / nf), change: Some((f - b) / nf) }
    }
}

/// SAMHSA's target for the follow-up rate (reassessments completed in window ÷ due): 80%.
pub const FOLLOW_UP_TARGET: f64 = 0.8;

/// The follow-up rate: reassessments completed inside their window over reassessments due (windows closed);
/// `None` when none was due.
pub fn follow_up_rate(completed_in_window: u64, due: u64) -> Option<Interval> {
    wilson95(completed_in_window.min(due), due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 5e-5
    }

    #[test]
    fn wilson_on_hand_worked_examples() {
        // 8/10: p = .8, z² = 3.8415; centre = (.8 + .19207)/1.38415 = .71674;
        // half = 1.95996/1.38415 × sqrt(.016 + .0096037) = 1.41600 × .16001 = .22657 → (.4902, .9433).
        let i = wilson95(8, 10).expect("present");
        assert!(close(i.low, 0.4902) && close(i.high, 0.9433), "{i:?}");
        // 0/10: centre = .19207/1.38415 = .13877, half = 1.41600 × .09800 = .13877 → (0, .2775).
        let i = wilson95(0, 10).expect("present");
        assert_eq!(i.low, 0.0);
        assert!(close(i.high, 0.2775), "{i:?}");
        // 10/10 mirrors 0/10.
        let i = wilson95(10, 10).expect("present");
        assert!(close(i.low, 0.7225), "{i:?}");
        assert_eq!(i.high, 1.0);
        // 1/2: centre .5, half = 1.95996/2.92074 × sqrt(.125 + .48018) = .67105 × .77794 = .52203 → (.0945, .9055).
        let i = wilson95(1, 2).expect("present");
        assert!(close(i.low, 0.0945) && close(i.high, 0.9055), "{i:?}");
        assert_eq!(wilson95(0, 0), None, "no persons, no estimate");
        assert_eq!(wilson95(3, 2), None);
    }

    #[test]
    fn paired_change_counts_only_persons_with_both() {
        let p = PairedProportion::of([
            (Some(false), Some(true)),
            (Some(true), Some(true)),
            (Some(false), None),
            (None, Some(true)),
            (Some(false), Some(false)),
            (Some(true), Some(false)),
        ]);
        assert_eq!(p.n, 4);
        assert_eq!(p.baseline.expect("present").successes, 2);
        assert_eq!(p.follow_up.expect("present").successes, 2);
        let m = PairedMean::of([(Some(30.0), Some(40.0)), (Some(50.0), Some(47.0)), (Some(20.0), None)]);
        assert_eq!(m.n, 2);
        assert_eq!(m.baseline, Some(40.0));
        assert_eq!(m.follow_up, Some(43.5));
        assert_eq!(m.change, Some(3.5));
        assert_eq!(PairedMean::of([(None, Some(1.0))]).change, None);
        assert_eq!(PairedProportion::of([]).baseline, None);
    }

    #[test]
    fn a_paired_mean_from_sums_is_the_paired_mean() {
        // The example above: baselines 30 + 50, follow-ups 40 + 47.
        assert_eq!(
            PairedMean::of_sums(2, 80, 87),
            PairedMean { n: 2, baseline: Some(40.0), follow_up: Some(43.5), change: Some(3.5) }
        );
        // Thirds, where the division rounds: 10 + 10 + 11 = 31 and 12 + 12 + 12 = 36 over 3.
        let pairs = [(10.0, 12.0), (10.0, 12.0), (11.0, 12.0)];
        let of = PairedMean::of(pairs.map(|(b, f)| (Some(b), Some(f))));
        assert_eq!(PairedMean::of_sums(3, 31, 36), of);
        assert_eq!(of.change, Some(5.0 / 3.0));
        assert_eq!(PairedMean::of_sums(0, 0, 0), PairedMean::of([]));
    }

    proptest! {
        /// Kept sums give the figures `of` gives over the pairs of whole-number scores (as BARC-10 totals), to the bit.
        #[test]
        fn paired_mean_of_sums_equals_of(pairs in proptest::collection::vec((0u8..=60, 0u8..=60), 0..600)) {
            let of = PairedMean::of(pairs.iter().map(|(b, f)| (Some(f64::from(*b)), Some(f64::from(*f)))));
            let (b, f) = pairs.iter().fold((0i64, 0i64), |(b, f), p| (b + i64::from(p.0), f + i64::from(p.1)));
            prop_assert_eq!(PairedMean::of_sums(pairs.len() as u64, b, f), of);
        }
    }

    #[test]
    fn follow_up_rate_is_completed_over_due() {
        let r = follow_up_rate(8, 10).expect("present");
        assert_eq!(r.share, 0.8);
        assert!(r.share >= FOLLOW_UP_TARGET);
        assert_eq!(follow_up_rate(0, 0), None);
    }

    proptest! {
        #[test]
        fn wilson_contains_the_share_and_stays_in_0_1(n in 1u64..5000, k in 0u64..5000) {
            let k = k % (n + 1);
            let i = wilson95(k, n).expect("present");
            prop_assert!(0.0 <= i.low && i.low <= i.share && i.share <= i.high && i.high <= 1.0, "{:?}", i);
            // Symmetry: k/n and (n-k)/n mirror each other.
            let j = wilson95(n - k, n).expect("present");
            prop_assert!((i.low - (1.0 - j.high)).abs() < 1e-9);
        }
    }
}
