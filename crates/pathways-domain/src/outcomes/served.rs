//! People served: unduplicated persons with a service in a period, new (an episode started in the period) or
//! continuing (every episode they had in the period started before it).

use std::collections::HashMap;
use std::hash::Hash;

use chrono::NaiveDate;
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
}
