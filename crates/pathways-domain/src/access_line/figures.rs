//! The line's time figures: medians and 90th percentiles of durations (call to hold, to pickup, to admission),
//! and shares (detox requests picked up within four hours, counts that were stale when looked at).

use chrono::Duration;
use serde::Serialize;

/// The median and 90th percentile of some durations, in whole minutes, and how many there were.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Spread {
    pub n: usize,
    pub median_minutes: Option<i64>,
    pub p90_minutes: Option<i64>,
}

/// The nearest-rank percentile (`q` in 0..=100) of sorted values: the smallest value with at least q % of the
/// values at or below it.
fn nearest_rank(sorted: &[i64], q: usize) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (q * sorted.len()).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

impl Spread {
    /// From durations; negative ones (clocks out of step) count as zero.
    pub fn of(durations: impl IntoIterator<Item = Duration>) -> Self {
        let mut minutes: Vec<i64> = durations.into_iter().map(|d| d.num_minutes().max(0)).collect();
        minutes.sort_unstable();
        Self { n: minutes.len(), median_minutes: nearest_rank(&minutes, 50), p90_minutes: nearest_rank(&minutes, 90) }
    }
}

/// A share: how many of how many, and the whole percent (none of none is no figure, not 0 %).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Share {
    pub of: usize,
    pub total: usize,
    pub percent: Option<u32>,
}

impl Share {
    pub fn new(of: usize, total: usize) -> Self {
        let percent = (total > 0).then(|| u32::try_from((of.min(total) * 100 + total / 2) / total).unwrap_or(100));
        Self { of, total, percent }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn mins(v: &[i64]) -> Vec<Duration> {
        v.iter().map(|&m| Duration::minutes(m)).collect()
    }

    #[test]
    fn medians_and_90th_percentiles_by_nearest_rank() {
        assert_eq!(Spread::of(mins(&[])), Spread { n: 0, median_minutes: None, p90_minutes: None });
        assert_eq!(Spread::of(mins(&[7])), Spread { n: 1, median_minutes: Some(7), p90_minutes: Some(7) });
        let ten = Spread::of(mins(&[10, 1, 9, 2, 8, 3, 7, 4, 6, 5]));
        assert_eq!((ten.median_minutes, ten.p90_minutes), (Some(5), Some(9)));
        let with_outlier = Spread::of(mins(&[30, 40, 35, 45, 600]));
        assert_eq!((with_outlier.median_minutes, with_outlier.p90_minutes), (Some(40), Some(600)));
        assert_eq!(Spread::of(mins(&[-5, 10])).median_minutes, Some(0), "a clock out of step counts as zero");
    }

    #[test]
    fn shares_round_to_whole_percents() {
        assert_eq!(Share::new(0, 0).percent, None);
        assert_eq!(Share::new(2, 3).percent, Some(67));
        assert_eq!(Share::new(1, 3).percent, Some(33));
        assert_eq!(Share::new(5, 5).percent, Some(100));
    }

    proptest! {
        #[test]
        fn the_median_is_at_most_the_90th_percentile_and_both_are_values(v in prop::collection::vec(0i64..10_000, 1..200)) {
            let s = Spread::of(mins(&v));
            let (m, p) = (s.median_minutes.unwrap_or(-1), s.p90_minutes.unwrap_or(-1));
            prop_assert!(m <= p);
            prop_assert!(v.contains(&m) && v.contains(&p));
        }
    }
}
