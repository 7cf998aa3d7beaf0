//! The access and retention report (issue 17): how quickly people get into treatment, how long they stay in
//! care, and whether they come back after the outreach queue found them out of touch. Pure: the store hands over
//! the period's records (no names), these functions sort them into categories and work out the median behind
//! each measure; the web layer suppresses the counts (`suppression`) and shows a median only over 11 or more
//! values. Each measure is defined in `docs/OUTCOMES.md` ("Access and retention").
//!
//! - **Need to treatment entry**: each person's first linkage need (a check-up that found a need for treatment)
//!   opened in the period; entered treatment within 14 days of the check-up, later, or not (yet). The 14 days are
//!   the check-up protocol's (the program view's "share linked within 14 days", `docs/CHECKUPS.md`).
//! - **Call to admission**: each call the organization's access line took in the period; the first bed held for
//!   it admitted within 24 hours of the call, later, or not. Calls are mostly anonymous, so they are counted as
//!   calls (one call, one count), not as unduplicated persons.
//! - **Days in episode**: each episode closed out in the period, by its length from the first day of care to the
//!   last, both counted (1–30, 31–90, 91–180, 181–365, more than 365 days).
//! - **Re-engagement after outreach**: each person's first "not engaged" outreach item (no contact for the
//!   program's no-contact days) opened in the period; contact again (the item closed because the rule stopped
//!   holding) within 30 days of the item, later, or not (the item is still open).

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use serde::Serialize;

use super::suppression::SUPPRESSION_THRESHOLD;

/// Days within which a need's treatment entry counts as timely (the check-up protocol's 14 days).
pub const ENTRY_WITHIN_DAYS: i64 = 14;
/// Hours within which a call's admission counts as the same day's.
pub const ADMISSION_WITHIN_HOURS: i64 = 24;
/// Days within which contact again after a "not engaged" item counts as prompt re-engagement.
pub const RE_ENGAGED_WITHIN_DAYS: i64 = 30;
/// The upper bounds (days, inclusive) of the episode length bands; the last band is everything longer.
pub const EPISODE_BANDS: [i64; 4] = [30, 90, 180, 365];

/// The report's measures, in the order it shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    NeedToEntry,
    CallToAdmission,
    DaysInEpisode,
    ReEngagement,
}

impl Measure {
    pub const ALL: [Measure; 4] =
        [Measure::NeedToEntry, Measure::CallToAdmission, Measure::DaysInEpisode, Measure::ReEngagement];

    pub const fn as_str(self) -> &'static str {
        match self {
            Measure::NeedToEntry => "need_to_entry",
            Measure::CallToAdmission => "call_to_admission",
            Measure::DaysInEpisode => "days_in_episode",
            Measure::ReEngagement => "re_engagement",
        }
    }

    /// The categories a record falls in, as codes (the CSV's and the API's words; the pages translate them).
    pub const fn categories(self) -> &'static [&'static str] {
        match self {
            Measure::NeedToEntry => &["within_14_days", "later", "not_entered"],
            Measure::CallToAdmission => &["within_24_hours", "later", "not_admitted"],
            Measure::DaysInEpisode => &["days_1_30", "days_31_90", "days_91_180", "days_181_365", "over_365_days"],
            Measure::ReEngagement => &["within_30_days", "later", "not_re_engaged"],
        }
    }

    /// What the median counts in.
    pub const fn unit(self) -> &'static str {
        match self {
            Measure::CallToAdmission => "hours",
            _ => "days",
        }
    }

    /// What one count is: persons, except calls (anonymous: counted as calls) and episodes.
    pub const fn counts(self) -> &'static str {
        match self {
            Measure::NeedToEntry | Measure::ReEngagement => "persons",
            Measure::CallToAdmission => "calls",
            Measure::DaysInEpisode => "episodes",
        }
    }
}

/// One group's records sorted into a measure's categories, and the durations the median is taken over (the
/// records that reached the event: entered, admitted, closed out, re-engaged).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub counts: Vec<u64>,
    pub durations: Vec<i64>,
}

impl Tally {
    fn new(categories: usize) -> Tally {
        Tally { counts: vec![0; categories], durations: Vec::new() }
    }

    /// The median of the durations (the lower one of an even count: nearest rank), only over 11 or more values,
    /// so a median never stands for fewer than 11 records.
    pub fn median(&self) -> Option<i64> {
        median_of(&self.durations)
    }
}

/// The lower median (nearest rank 50%) of `values`, or `None` when fewer than 11 values are behind it.
pub fn median_of(values: &[i64]) -> Option<i64> {
    if (values.len() as u64) < SUPPRESSION_THRESHOLD {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_unstable();
    v.get(v.len().div_ceil(2) - 1).copied()
}

/// The first record of each person, by the time it was opened (ties: the first given).
fn first_per_person<P: Eq + Hash, R>(records: impl IntoIterator<Item = (P, DateTime<Utc>, R)>) -> Vec<R> {
    let mut first: HashMap<P, (DateTime<Utc>, R)> = HashMap::new();
    for (p, at, r) in records {
        match first.get(&p) {
            Some((t, _)) if *t <= at => {}
            _ => {
                first.insert(p, (at, r));
            }
        }
    }
    first.into_values().map(|(_, r)| r).collect()
}

/// Need to treatment entry: `needs` are (person, opened, days from the check-up to entry if the person entered)
/// of the linkage needs opened in the period; each person's first counts.
pub fn need_to_entry<P: Eq + Hash>(needs: impl IntoIterator<Item = (P, DateTime<Utc>, Option<i64>)>) -> Tally {
    let mut t = Tally::new(3);
    for days in first_per_person(needs) {
        match days {
            Some(d) => {
                let d = d.max(0);
                t.counts[usize::from(d > ENTRY_WITHIN_DAYS)] += 1;
                t.durations.push(d);
            }
            None => t.counts[2] += 1,
        }
    }
    t
}

/// Call to admission: `calls` are (taken, the first admission of a bed held for the call, if any) of the calls
/// taken in the period. Durations in whole hours; an admission recorded before the call (clocks out of step)
/// counts as zero.
pub fn call_to_admission(calls: impl IntoIterator<Item = (DateTime<Utc>, Option<DateTime<Utc>>)>) -> Tally {
    let mut t = Tally::new(3);
    for (taken, admitted) in calls {
        match admitted {
            Some(at) => {
                let hours = (at - taken).num_hours().max(0);
                let late = at - taken > chrono::Duration::hours(ADMISSION_WITHIN_HOURS);
                t.counts[usize::from(late)] += 1;
                t.durations.push(hours);
            }
            None => t.counts[2] += 1,
        }
    }
    t
}

/// Days in episode: `episodes` are (first day of care, last day of care) of the episodes closed out in the
/// period; the length counts both days (an episode of one day is 1). A last day before the first counts as 1.
pub fn days_in_episode(episodes: impl IntoIterator<Item = (NaiveDate, NaiveDate)>) -> Tally {
    let mut t = Tally::new(EPISODE_BANDS.len() + 1);
    for (start, end) in episodes {
        let (band, days) = episode_cell(start, end);
        t.counts[band] += 1;
        t.durations.push(days);
    }
    t
}

/// An episode's band (category) and length in days, both days counted (at least 1).
fn episode_cell(start: NaiveDate, end: NaiveDate) -> (usize, i64) {
    let days = ((end - start).num_days() + 1).max(1);
    (EPISODE_BANDS.iter().position(|b| days <= *b).unwrap_or(EPISODE_BANDS.len()), days)
}

/// Re-engagement after outreach: `items` are (person, opened, closed if it has) of the "not engaged" items
/// opened in the period; each person's first counts. Durations in whole days from the item to contact again.
pub fn re_engagement<P: Eq + Hash>(
    items: impl IntoIterator<Item = (P, DateTime<Utc>, Option<DateTime<Utc>>)>,
) -> Tally {
    let mut t = Tally::new(3);
    let firsts = first_per_person(items.into_iter().map(|(p, opened, closed)| (p, opened, (opened, closed))));
    for (opened, closed) in firsts {
        let (category, days) = re_engagement_cell(opened, closed);
        t.counts[category] += 1;
        t.durations.extend(days);
    }
    t
}

/// A "not engaged" item's category (back within 30 days, later, not yet) and whole days to contact again.
fn re_engagement_cell(opened: DateTime<Utc>, closed: Option<DateTime<Utc>>) -> (usize, Option<i64>) {
    match closed {
        Some(at) => {
            let late = at - opened > chrono::Duration::days(RE_ENGAGED_WITHIN_DAYS);
            (usize::from(late), Some((at - opened).num_days().max(0)))
        }
        None => (2, None),
    }
}

// --- Kept counts (issue 17 at a state's scale) ---
//
// The network's report read every member's records of the year (about 200,000 "not engaged" items in a state's
// set). Re-engagement and days in episode are kept instead, as counts per organization, measure, 12-month period
// starting on the first of any month (so any fiscal year is one period, whatever month the setting starts it in),
// category and duration: the categories' counts are sums of cells, and a median is read from the durations' counts
// (`median_of_counts`). A person's record belongs to one organization, so the network's figures are sums of its
// organizations' cells. The store keeps them in the transaction that changes an item or an episode
// (`pathways_store::retention_kept`), with `change` between the standings before and after.

/// The length of a kept period, in months: a fiscal year.
pub const KEPT_MONTHS: u32 = 12;

/// A kept cell of one measure: the first day of its 12-month period, the category (an index into
/// [`Measure::categories`]) and the duration of its records (`None` in the category that has none: not
/// re-engaged, not entered, not admitted).
pub type KeptKey = (NaiveDate, usize, Option<i64>);

/// Records per kept cell; from [`change`], the difference to add.
pub type Kept = BTreeMap<KeptKey, i64>;

/// The first days of the 12-month periods, starting on the first of a month, that hold `day`.
pub fn years_holding(day: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let first = day.with_day(1).unwrap_or(day);
    (0..KEPT_MONTHS).filter_map(move |k| first.checked_sub_months(Months::new(k)))
}

/// A "not engaged" item: the local day it opened, when it opened, and when it closed if it has.
pub type ItemSpan = (NaiveDate, DateTime<Utc>, Option<DateTime<Utc>>);

/// One person's "not engaged" items with one organization — (the local day it opened, opened, closed if it has)
/// — as kept cells: in each period, the person's first item opened in it (as [`re_engagement`] counts a year).
pub fn re_engagement_kept(items: &[ItemSpan]) -> Kept {
    let mut order: Vec<_> = items.iter().collect();
    order.sort_by_key(|i| i.1);
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Kept::new();
    for (day, opened, closed) in order {
        let (category, days) = re_engagement_cell(*opened, *closed);
        for first in years_holding(*day) {
            if seen.insert(first) {
                *out.entry((first, category, days)).or_default() += 1;
            }
        }
    }
    out
}

/// Episodes — (first day of care, last day of care if closed out) — as kept cells: each closed episode in every
/// period holding its last day (as [`days_in_episode`] counts a year).
pub fn days_in_episode_kept(episodes: &[(NaiveDate, Option<NaiveDate>)]) -> Kept {
    let mut out = Kept::new();
    for (start, end) in episodes {
        if let Some(end) = *end {
            let (band, days) = episode_cell(*start, end);
            for first in years_holding(end) {
                *out.entry((first, band, Some(days))).or_default() += 1;
            }
        }
    }
    out
}

/// What to add to the kept cells when `before` becomes `after` (cells that do not change are left out).
pub fn change(before: &Kept, after: &Kept) -> Kept {
    let mut out = after.clone();
    for (k, n) in before {
        *out.entry(*k).or_default() -= n;
    }
    out.retain(|_, n| *n != 0);
    out
}

/// A group's kept cells of one measure and period, read back: records by category, and how many records took
/// each duration (for the median).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Histogram {
    pub counts: Vec<u64>,
    pub durations: BTreeMap<i64, u64>,
}

impl Histogram {
    pub fn new(measure: Measure) -> Histogram {
        Histogram { counts: vec![0; measure.categories().len()], durations: BTreeMap::new() }
    }

    /// Adds `records` of a kept cell; a category out of range is ignored (never written).
    pub fn add(&mut self, category: usize, duration: Option<i64>, records: u64) {
        if let Some(c) = self.counts.get_mut(category) {
            *c += records;
        }
        if let Some(d) = duration {
            *self.durations.entry(d).or_default() += records;
        }
    }

    /// Adds another group's cells (the network's line is the sum of its organizations').
    pub fn merge(&mut self, other: &Histogram) {
        for (c, n) in self.counts.iter_mut().zip(&other.counts) {
            *c += n;
        }
        for (d, n) in &other.durations {
            *self.durations.entry(*d).or_default() += n;
        }
    }

    /// The same figures from records sorted by the per-record functions ([`need_to_entry`] …).
    pub fn of_tally(t: &Tally) -> Histogram {
        let mut durations = BTreeMap::new();
        for d in &t.durations {
            *durations.entry(*d).or_default() += 1;
        }
        Histogram { counts: t.counts.clone(), durations }
    }

    /// The median, as [`Tally::median`]: over 11 or more values, the lower middle one.
    pub fn median(&self) -> Option<i64> {
        median_of_counts(&self.durations)
    }
}

/// [`median_of`] over values given with how many times each occurs.
pub fn median_of_counts(counts: &BTreeMap<i64, u64>) -> Option<i64> {
    let n: u64 = counts.values().sum();
    if n < SUPPRESSION_THRESHOLD {
        return None;
    }
    let rank = n.div_ceil(2);
    let mut seen = 0;
    counts.iter().find_map(|(v, c)| {
        seen += c;
        (seen >= rank).then_some(*v)
    })
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};
    use proptest::prelude::*;

    use super::*;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).single().expect("a time")
    }

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("a date")
    }

    #[test]
    fn a_need_counts_once_per_person_by_its_first_need_and_14_days_is_in_time() {
        let t = need_to_entry([
            (1, at(1, 9), Some(14)), // within 14 days (the edge)
            (1, at(5, 9), Some(2)),  // the same person's later need: not counted
            (2, at(2, 9), Some(15)), // later
            (3, at(3, 9), None),     // not entered
            (4, at(4, 9), Some(0)),  // the same day
        ]);
        assert_eq!(t.counts, vec![2, 1, 1]);
        let mut d = t.durations.clone();
        d.sort_unstable();
        assert_eq!(d, vec![0, 14, 15]);
        assert_eq!(t.median(), None, "3 values: no median");
    }

    #[test]
    fn a_call_admitted_at_exactly_24_hours_is_within_and_a_minute_more_is_later() {
        let taken = at(1, 8);
        let t = call_to_admission([
            (taken, Some(taken + Duration::hours(24))),
            (taken, Some(taken + Duration::hours(24) + Duration::minutes(1))),
            (taken, None),
            (taken, Some(taken - Duration::minutes(5))), // clocks out of step: zero, within
        ]);
        assert_eq!(t.counts, vec![2, 1, 1]);
        assert_eq!(t.durations, vec![24, 24, 0]);
    }

    #[test]
    fn episode_lengths_count_both_days_and_fall_in_bands_at_their_edges() {
        let t = days_in_episode([
            (d(1, 1), d(1, 1)),                                              // 1 day
            (d(1, 1), d(1, 30)),                                             // 30 days: first band
            (d(1, 1), d(1, 31)),                                             // 31: second
            (d(1, 1), d(3, 31)),                                             // 90: second
            (d(1, 1), d(4, 1)),                                              // 91: third
            (d(1, 1), d(6, 29)),                                             // 180: third
            (NaiveDate::from_ymd_opt(2025, 1, 1).expect("a date"), d(1, 1)), // 366: the last band
        ]);
        assert_eq!(t.counts, vec![2, 2, 2, 0, 1]);
    }

    #[test]
    fn re_engagement_counts_each_persons_first_item() {
        let t = re_engagement([
            ("a", at(1, 0), Some(at(1, 0) + Duration::days(30))), // within 30 days (the edge)
            ("a", at(20, 0), None),                               // a later item of the same person
            ("b", at(2, 0), Some(at(2, 0) + Duration::days(31))), // later
            ("c", at(3, 0), None),                                // not re-engaged
        ]);
        assert_eq!(t.counts, vec![1, 1, 1]);
        assert_eq!(t.durations.iter().sum::<i64>(), 61);
    }

    #[test]
    fn a_median_needs_11_values_and_is_the_lower_middle_one() {
        assert_eq!(median_of(&[5; 10]), None);
        assert_eq!(median_of(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), Some(6));
        assert_eq!(median_of(&[12, 1, 11, 2, 10, 3, 9, 4, 8, 5, 7, 6]), Some(6));
    }

    #[test]
    fn a_day_is_in_the_twelve_years_starting_on_the_first_of_its_month_and_the_eleven_before() {
        let firsts: Vec<_> = years_holding(d(3, 31)).collect();
        assert_eq!(firsts.len(), 12);
        assert_eq!(firsts.first(), Some(&d(3, 1)));
        assert_eq!(firsts.last(), Some(&NaiveDate::from_ymd_opt(2025, 4, 1).expect("a date")));
    }

    #[test]
    fn kept_re_engagement_takes_each_years_first_item_and_a_closing_moves_it() {
        let open = [(d(3, 1), at(1, 0), None), (d(3, 20), at(20, 0), Some(at(20, 0) + Duration::days(3)))];
        let k = re_engagement_kept(&open);
        // Every year holding 1 March has the first item (not yet back); none has the second.
        assert_eq!(k.len(), 12);
        assert!(k.iter().all(|((_, c, days), n)| (*c, *days, *n) == (2, None, 1)));
        // The first item closes 31 days on: each of those years moves from "not yet" to "later", 31 days.
        let mut closed = open;
        closed[0].2 = Some(at(1, 0) + Duration::days(31));
        let c = change(&k, &re_engagement_kept(&closed));
        assert_eq!(c.len(), 24);
        assert_eq!(c.get(&(d(3, 1), 2, None)), Some(&-1));
        assert_eq!(c.get(&(d(3, 1), 1, Some(31))), Some(&1));
        assert!(change(&k, &k).is_empty());
    }

    #[test]
    fn kept_episodes_count_each_closed_episode_by_its_last_day() {
        let k = days_in_episode_kept(&[(d(1, 1), Some(d(1, 30))), (d(1, 1), None)]);
        assert_eq!(k.len(), 12);
        assert_eq!(k.get(&(d(1, 1), 0, Some(30))), Some(&1));
    }

    #[test]
    fn a_median_of_counts_is_the_median_of_the_values() {
        let counts = BTreeMap::from([(1, 5), (6, 1), (9, 5)]);
        assert_eq!(median_of_counts(&counts), Some(6));
        assert_eq!(median_of_counts(&BTreeMap::from([(4, 10)])), None, "10 values: no median");
    }

    proptest! {
        #[test]
        fn kept_cells_added_up_give_the_years_figures(
            items in proptest::collection::vec((0usize..6, 0i64..500, proptest::option::of(0i64..1200)), 0..30),
            episodes in proptest::collection::vec((0i64..700, proptest::option::of(0i64..500)), 0..30),
            values in proptest::collection::vec(-5i64..40, 0..40),
        ) {
            let base = at(1, 0) - Duration::days(200);
            let year = |first: NaiveDate| (first, first.checked_add_months(Months::new(12)).expect("a date"));
            // Re-engagement: six persons' items, opened at midnight UTC on a day (the day is the local day).
            let recs: Vec<(usize, DateTime<Utc>, Option<DateTime<Utc>>)> = items
                .iter()
                .map(|(p, day, hours)| {
                    let opened = base + Duration::days(*day);
                    (*p, opened, hours.map(|h| opened + Duration::hours(h)))
                })
                .collect();
            let mut kept = Kept::new();
            for p in 0..6 {
                let mine: Vec<_> =
                    recs.iter().filter(|r| r.0 == p).map(|r| (r.1.date_naive(), r.1, r.2)).collect();
                for (k, n) in re_engagement_kept(&mine) {
                    *kept.entry(k).or_default() += n;
                }
            }
            let ep_recs: Vec<(NaiveDate, Option<NaiveDate>)> = episodes
                .iter()
                .map(|(s, len)| (base.date_naive() + Duration::days(*s), len.map(|l| base.date_naive() + Duration::days(s + l))))
                .collect();
            let ep_kept = days_in_episode_kept(&ep_recs);
            for first in [d(1, 1), d(7, 1), NaiveDate::from_ymd_opt(2025, 11, 1).expect("a date")] {
                let (from, to) = year(first);
                let mut h = Histogram::new(Measure::ReEngagement);
                for ((f, c, days), n) in &kept {
                    if *f == first {
                        h.add(*c, *days, u64::try_from(*n).expect("positive"));
                    }
                }
                let t = re_engagement(
                    recs.iter().filter(|r| r.1.date_naive() >= from && r.1.date_naive() < to).map(|r| (r.0, r.1, r.2)),
                );
                prop_assert_eq!(&h, &Histogram::of_tally(&t));
                prop_assert_eq!(h.median(), t.median());
                let mut e = Histogram::new(Measure::DaysInEpisode);
                for ((f, c, days), n) in &ep_kept {
                    if *f == first {
                        e.add(*c, *days, u64::try_from(*n).expect("positive"));
                    }
                }
                let t = days_in_episode(
                    ep_recs.iter().filter_map(|(s, end)| end.filter(|x| *x >= from && *x < to).map(|x| (*s, x))),
                );
                prop_assert_eq!(&e, &Histogram::of_tally(&t));
            }
            let mut counts = BTreeMap::new();
            for v in &values {
                *counts.entry(*v).or_default() += 1;
            }
            prop_assert_eq!(median_of_counts(&counts), median_of(&values));
        }

        #[test]
        fn every_record_falls_in_exactly_one_category(
            days in proptest::collection::vec(proptest::option::of(0i64..400), 0..40),
            lengths in proptest::collection::vec(0i64..800, 0..40),
        ) {
            // One need per person: each counted once.
            let t = need_to_entry(days.iter().enumerate().map(|(p, d)| (p, at(1, 0), *d)));
            prop_assert_eq!(t.counts.iter().sum::<u64>(), days.len() as u64);
            prop_assert_eq!(t.durations.len() as u64, t.counts[0] + t.counts[1]);
            let e = days_in_episode(lengths.iter().map(|l| (d(1, 1), d(1, 1) + Duration::days(*l))));
            prop_assert_eq!(e.counts.iter().sum::<u64>(), lengths.len() as u64);
            if let Some(m) = e.median() {
                let below = e.durations.iter().filter(|x| **x <= m).count();
                prop_assert!(below * 2 >= e.durations.len());
            }
        }
    }
}
