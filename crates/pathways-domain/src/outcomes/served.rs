//! People served: unduplicated persons with a service in a period, new (an episode started in the period) or
//! continuing (every episode they had in the period started before it).

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// Unduplicated persons served in a period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Served {
    pub new: u64,
    pub continuing: u64,
}

impl Served {
    pub fn total(self) -> u64 {
        self.new + self.continuing
    }
}

/// Counts the persons with an episode overlapping `[from, to)` (started before `to`, last served on or after
/// `from`), each once: new if any of those episodes started on or after `from`.
pub fn served<P: Eq + Hash>(
    episodes: impl IntoIterator<Item = (P, NaiveDate, NaiveDate)>,
    from: NaiveDate,
    to: NaiveDate,
) -> Served {
    let mut seen: HashMap<P, bool> = HashMap::new();
    for (person, started_on, last_service_on) in episodes {
        if started_on < to && last_service_on >= from {
            let new = seen.entry(person).or_insert(false);
            *new |= started_on >= from;
        }
    }
    let new = seen.values().filter(|n| **n).count() as u64;
    Served { new, continuing: seen.len() as u64 - new }
}

// --- Kept counts (issue 17 at a state's scale) ---
//
// The reports' periods are fiscal quarters and years, which start on the first of a month chosen by a setting
// (`fiscal_year_start_month`). So the counts are kept for every period of 3 or 12 months starting on the first of
// any month: whatever the setting, each quarter and year a report asks for is one kept cell, and changing the
// setting needs no recount. Persons are unduplicated within a cell; a person's record belongs to one organization,
// so cells of different organizations add up.

/// The lengths, in months, of the periods whose persons served are kept: quarters and years.
pub const PERIOD_MONTHS: [u32; 2] = [3, 12];

/// A period that starts on the first of a month and lasts `months` months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Period {
    pub first_day: NaiveDate,
    pub months: u32,
}

impl Period {
    /// The first day after it.
    pub fn end(self) -> NaiveDate {
        self.first_day.checked_add_months(Months::new(self.months)).unwrap_or(NaiveDate::MAX)
    }
}

fn month_start(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// One person's standing in every kept period their episodes (first and last day of service, with one
/// organization) touch: `true` when new in it (an episode started in it), `false` when continuing. The same rule as
/// [`served`], for one person and every period at once.
pub fn standing(episodes: &[(NaiveDate, NaiveDate)]) -> BTreeMap<Period, bool> {
    let mut out: BTreeMap<Period, bool> = BTreeMap::new();
    for &(started_on, last_service_on) in episodes {
        if last_service_on < started_on {
            continue;
        }
        for months in PERIOD_MONTHS {
            // Periods overlap the episode from the one that ends in its first month to the one starting in its
            // last month.
            let mut first =
                month_start(started_on).checked_sub_months(Months::new(months - 1)).unwrap_or(NaiveDate::MIN);
            let last = month_start(last_service_on);
            while first <= last {
                let p = Period { first_day: first, months };
                *out.entry(p).or_insert(false) |= started_on >= first;
                first = first.checked_add_months(Months::new(1)).unwrap_or(NaiveDate::MAX);
            }
        }
    }
    out
}

/// What a change of one person's episodes does to the kept counts: per period, the change in new and in
/// continuing persons (only periods that change).
pub fn change(before: &BTreeMap<Period, bool>, after: &BTreeMap<Period, bool>) -> BTreeMap<Period, (i64, i64)> {
    let mut out: BTreeMap<Period, (i64, i64)> = BTreeMap::new();
    let of = |new: bool| if new { (1, 0) } else { (0, 1) };
    for (p, new) in before {
        let (n, c) = of(*new);
        let e = out.entry(*p).or_default();
        e.0 -= n;
        e.1 -= c;
    }
    for (p, new) in after {
        let (n, c) = of(*new);
        let e = out.entry(*p).or_default();
        e.0 += n;
        e.1 += c;
    }
    out.retain(|_, d| *d != (0, 0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("a date")
    }

    #[test]
    fn each_person_once_new_if_an_episode_started_in_the_period() {
        let (from, to) = (d(4, 1), d(7, 1));
        let s = served(
            [
                (1, d(1, 5), d(4, 2)),   // continuing
                (2, d(4, 10), d(5, 1)),  // new
                (2, d(5, 10), d(6, 1)),  // the same person again
                (3, d(1, 1), d(3, 31)),  // before the period
                (4, d(7, 1), d(7, 2)),   // after it
                (5, d(2, 1), d(2, 9)),   // a closed episode before...
                (5, d(6, 30), d(6, 30)), // ...and coming back on the period's last day: new
                (6, d(3, 1), d(4, 1)),   // last service on the first day: continuing
            ],
            from,
            to,
        );
        assert_eq!(s, Served { new: 2, continuing: 2 });
        assert_eq!(s.total(), 4);
        assert_eq!(served(Vec::<(u8, NaiveDate, NaiveDate)>::new(), from, to), Served::default());
    }

    #[test]
    fn a_persons_standing_covers_every_period_their_episodes_touch() {
        // One episode from 10 April to 2 May 2026.
        let s = standing(&[(d(4, 10), d(5, 2))]);
        let q = |m: u32| Period { first_day: d(m, 1), months: 3 };
        // Quarters starting February to May overlap it: new in those starting in February, March or April (the
        // start lies in them), continuing in the one starting in May.
        assert_eq!(s.get(&q(2)), Some(&true));
        assert_eq!(s.get(&q(4)), Some(&true));
        assert_eq!(s.get(&q(5)), Some(&false));
        assert_eq!(s.get(&q(1)), None, "January to March ends before the episode");
        assert_eq!(s.get(&q(6)), None);
        assert_eq!(s.iter().filter(|(p, _)| p.months == 3).count(), 4);
        assert_eq!(s.iter().filter(|(p, _)| p.months == 12).count(), 13, "May 2025 … May 2026");
        // Coming back later in the same quarter: new there still; a period where only the later one is, new.
        let two = standing(&[(d(1, 5), d(1, 20)), (d(3, 1), d(3, 2))]);
        assert_eq!(two.get(&q(3)), Some(&true));
        assert_eq!(two.get(&q(2)), Some(&true), "February to April holds the second start");
        let c = change(&s, &s);
        assert!(c.is_empty());
        let grown = standing(&[(d(4, 10), d(6, 2))]);
        let c = change(&s, &grown);
        assert_eq!(c.get(&q(6)), Some(&(0, 1)), "continuing in June to August now");
        assert_eq!(c.get(&q(4)), None);
    }

    proptest::proptest! {
        /// Adding up every person's standing gives, for any quarter or year, what `served` counts from the
        /// episodes.
        #[test]
        fn kept_counts_equal_served(
            eps in proptest::collection::vec((0u8..12, 0i64..500, 0i64..200), 0..40),
            start in 0i64..400,
        ) {
            let base = d(1, 1) - chrono::Duration::days(200);
            let episodes: Vec<(u8, NaiveDate, NaiveDate)> = eps
                .iter()
                .map(|(p, s, len)| (*p, base + chrono::Duration::days(*s), base + chrono::Duration::days(s + len)))
                .collect();
            let mut kept: BTreeMap<Period, (u64, u64)> = BTreeMap::new();
            for person in 0u8..12 {
                let mine: Vec<(NaiveDate, NaiveDate)> =
                    episodes.iter().filter(|e| e.0 == person).map(|e| (e.1, e.2)).collect();
                for (p, new) in standing(&mine) {
                    let e = kept.entry(p).or_default();
                    if new { e.0 += 1 } else { e.1 += 1 }
                }
            }
            for months in PERIOD_MONTHS {
                let first = month_start(base + chrono::Duration::days(start));
                let p = Period { first_day: first, months };
                let s = served(episodes.iter().copied(), p.first_day, p.end());
                let k = kept.get(&p).copied().unwrap_or_default();
                proptest::prop_assert_eq!((s.new, s.continuing), k);
            }
        }
    }
}
