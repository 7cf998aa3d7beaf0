//! Who was served (issue 17, people served "by … demographics … where recorded"): the persons served in a fiscal
//! year by age band and by preferred language — the two a person's record holds (date of birth, preferred
//! language). Gender, race and ethnicity and veteran status are not recorded by Pathways, so they are not reported.
//!
//! The age bands are Pathways' own (not an official coding): under 18, 18–25 (a transition-age young adult), then
//! by decade from 26, and 65 or older; a person's age is counted on the fiscal year's first day, in whole years —
//! one born on 29 February is a year older from 1 March in a common year. A record without a date of birth is
//! "not recorded". Languages are grouped by their primary subtag (`pt-BR` is `pt`), the languages the person form
//! offers each on its own, any other as "another language".

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Months, NaiveDate};

use crate::outcomes::served::Period;
use crate::person::COMMON_LANGUAGES;

/// An age band, youngest first; `NotRecorded` last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AgeBand {
    Under18,
    From18To25,
    From26To34,
    From35To44,
    From45To54,
    From55To64,
    From65,
    NotRecorded,
}

impl AgeBand {
    pub const ALL: [AgeBand; 8] = [
        AgeBand::Under18,
        AgeBand::From18To25,
        AgeBand::From26To34,
        AgeBand::From35To44,
        AgeBand::From45To54,
        AgeBand::From55To64,
        AgeBand::From65,
        AgeBand::NotRecorded,
    ];

    /// The band's name in the API and CSV, and its message key's ending.
    pub const fn key(self) -> &'static str {
        match self {
            AgeBand::Under18 => "under_18",
            AgeBand::From18To25 => "18_25",
            AgeBand::From26To34 => "26_34",
            AgeBand::From35To44 => "35_44",
            AgeBand::From45To54 => "45_54",
            AgeBand::From55To64 => "55_64",
            AgeBand::From65 => "65_plus",
            AgeBand::NotRecorded => "not_recorded",
        }
    }

    /// The band named `key` (the inverse of [`AgeBand::key`]).
    pub fn parse(key: &str) -> Option<AgeBand> {
        Self::ALL.into_iter().find(|b| b.key() == key)
    }

    /// The ages of the band: from `.0` up to, not including, `.1` (`None`: no upper bound); `None` for
    /// not recorded.
    pub const fn ages(self) -> Option<(u32, Option<u32>)> {
        match self {
            AgeBand::Under18 => Some((0, Some(18))),
            AgeBand::From18To25 => Some((18, Some(26))),
            AgeBand::From26To34 => Some((26, Some(35))),
            AgeBand::From35To44 => Some((35, Some(45))),
            AgeBand::From45To54 => Some((45, Some(55))),
            AgeBand::From55To64 => Some((55, Some(65))),
            AgeBand::From65 => Some((65, None)),
            AgeBand::NotRecorded => None,
        }
    }

    /// The band of a person born on `born`, by their age on `on`.
    pub fn of(born: Option<NaiveDate>, on: NaiveDate) -> AgeBand {
        let Some(born) = born else { return AgeBand::NotRecorded };
        let age = age_on(born, on);
        Self::ALL
            .into_iter()
            .find(|b| b.ages().is_some_and(|(from, to)| age >= from && to.is_none_or(|to| age < to)))
            .unwrap_or(AgeBand::Under18)
    }

    /// The birth days of the band's persons on `on`, for a query: born after `.0` (when set) and on or before
    /// `.1` (when set). Agrees with `of` on every day (a property test); `None` for not recorded.
    pub fn births(self, on: NaiveDate) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
        let (from, to) = self.ages()?;
        // Aged at least n on `on`: born on or before the day n years earlier (29 February falls back to the
        // 28th, as `of` counts it).
        let years_before = |n: u32| on.checked_sub_months(Months::new(n * 12));
        Some((to.and_then(years_before), if from == 0 { None } else { years_before(from) }))
    }
}

/// Whole years from `born` to `on` (0 for a day before the birth).
pub fn age_on(born: NaiveDate, on: NaiveDate) -> u32 {
    let years = on.year() - born.year() - i32::from((on.month(), on.day()) < (born.month(), born.day()));
    u32::try_from(years).unwrap_or(0)
}

/// A preferred language as the report groups it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LanguageGroup {
    /// One of the person form's languages (its primary subtag: `en`, `es`, `pt` …), in the form's order.
    Listed(usize),
    Another,
    NotRecorded,
}

impl LanguageGroup {
    /// Every group, in the report's order.
    pub fn all() -> Vec<LanguageGroup> {
        (0..COMMON_LANGUAGES.len())
            .map(LanguageGroup::Listed)
            .chain([LanguageGroup::Another, LanguageGroup::NotRecorded])
            .collect()
    }

    /// The group of a recorded BCP 47 tag.
    pub fn of(tag: Option<&str>) -> LanguageGroup {
        let Some(tag) = tag.map(str::trim).filter(|t| !t.is_empty()) else { return LanguageGroup::NotRecorded };
        let primary = tag.split(['-', '_']).next().unwrap_or(tag).to_ascii_lowercase();
        COMMON_LANGUAGES.iter().position(|c| *c == primary).map_or(LanguageGroup::Another, LanguageGroup::Listed)
    }

    /// The group named `key` (the inverse of [`LanguageGroup::key`]).
    pub fn parse(key: &str) -> Option<LanguageGroup> {
        Self::all().into_iter().find(|g| g.key() == key)
    }

    /// The group's name in the API and CSV: the language's code, `other` or `not_recorded`.
    pub fn key(&self) -> &'static str {
        match self {
            LanguageGroup::Listed(i) => COMMON_LANGUAGES.get(*i).copied().unwrap_or("other"),
            LanguageGroup::Another => "other",
            LanguageGroup::NotRecorded => "not_recorded",
        }
    }
}

/// The persons served, each once, by age band (in `AgeBand::ALL`'s order) and by language group (in
/// `LanguageGroup::all()`'s order). `persons`: a date of birth, a preferred language and how many persons served
/// have both; `on`: the fiscal year's first day.
pub fn tally<'a>(
    persons: impl IntoIterator<Item = (Option<NaiveDate>, Option<&'a str>, u64)>,
    on: NaiveDate,
) -> (Vec<u64>, Vec<u64>) {
    let groups = LanguageGroup::all();
    let (mut ages, mut languages) = (vec![0u64; AgeBand::ALL.len()], vec![0u64; groups.len()]);
    for (born, language, n) in persons {
        let band = AgeBand::of(born, on);
        if let Some(i) = AgeBand::ALL.iter().position(|b| *b == band) {
            ages[i] += n;
        }
        let group = LanguageGroup::of(language);
        if let Some(i) = groups.iter().position(|g| *g == group) {
            languages[i] += n;
        }
    }
    (ages, languages)
}

/// One cell of the kept demographic counts (issue 17 at a state's scale): a fiscal year of 12 months starting on
/// the first of a month (`first_day`: any month, so any fiscal year start), an age band on that day and a language
/// group.
pub type Cell = (NaiveDate, AgeBand, LanguageGroup);

/// The cells a person is counted in for one organization: one for each 12-month period their episodes with it
/// overlap (`standing`, from `served::standing`, the rule of people served), with their band on the period's first
/// day and their language group.
pub fn cells(standing: &BTreeMap<Period, bool>, born: Option<NaiveDate>, language: Option<&str>) -> BTreeSet<Cell> {
    let group = LanguageGroup::of(language);
    standing
        .keys()
        .filter(|p| p.months == 12)
        .map(|p| (p.first_day, AgeBand::of(born, p.first_day), group.clone()))
        .collect()
}

/// What a change to a person (their episodes, date of birth or language) does to the kept counts: −1 in each cell
/// they were in, +1 in each they are in now; only cells that change.
pub fn cell_change(before: &BTreeSet<Cell>, after: &BTreeSet<Cell>) -> BTreeMap<Cell, i64> {
    before.difference(after).map(|c| (c.clone(), -1)).chain(after.difference(before).map(|c| (c.clone(), 1))).collect()
}

/// The two tables of [`tally`] from kept cells of one period: `(band, group, persons)`.
pub fn tally_cells(cells: impl IntoIterator<Item = (AgeBand, LanguageGroup, u64)>) -> (Vec<u64>, Vec<u64>) {
    let groups = LanguageGroup::all();
    let (mut ages, mut languages) = (vec![0u64; AgeBand::ALL.len()], vec![0u64; groups.len()]);
    for (band, group, n) in cells {
        if let Some(i) = AgeBand::ALL.iter().position(|b| *b == band) {
            ages[i] += n;
        }
        if let Some(i) = groups.iter().position(|g| *g == group) {
            languages[i] += n;
        }
    }
    (ages, languages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date")
    }

    #[test]
    fn a_band_is_counted_by_age_on_the_first_day_of_the_year() {
        let on = d(2026, 7, 1);
        // Turning 18 on the year's first day is 18; the day after is still 17.
        assert_eq!(AgeBand::of(Some(d(2008, 7, 1)), on), AgeBand::From18To25);
        assert_eq!(AgeBand::of(Some(d(2008, 7, 2)), on), AgeBand::Under18);
        assert_eq!(AgeBand::of(Some(d(2000, 7, 1)), on), AgeBand::From26To34);
        assert_eq!(AgeBand::of(Some(d(2000, 7, 2)), on), AgeBand::From18To25);
        assert_eq!(AgeBand::of(Some(d(1961, 7, 1)), on), AgeBand::From65);
        assert_eq!(AgeBand::of(Some(d(1961, 7, 2)), on), AgeBand::From55To64);
        assert_eq!(AgeBand::of(None, on), AgeBand::NotRecorded);
        // Born after the day (a mistyped date): under 18, never a panic.
        assert_eq!(AgeBand::of(Some(d(2030, 1, 1)), on), AgeBand::Under18);
    }

    #[test]
    fn one_born_on_29_february_is_a_year_older_from_1_march_in_a_common_year() {
        let born = d(2008, 2, 29);
        assert_eq!(age_on(born, d(2026, 2, 28)), 17);
        assert_eq!(age_on(born, d(2026, 3, 1)), 18);
        assert_eq!(age_on(born, d(2028, 2, 29)), 20);
        assert_eq!(AgeBand::of(Some(born), d(2026, 2, 28)), AgeBand::Under18);
        assert_eq!(AgeBand::of(Some(born), d(2026, 3, 1)), AgeBand::From18To25);
    }

    #[test]
    fn languages_are_grouped_by_their_primary_subtag() {
        assert_eq!(LanguageGroup::of(Some("es")).key(), "es");
        assert_eq!(LanguageGroup::of(Some("pt-BR")).key(), "pt");
        assert_eq!(LanguageGroup::of(Some("EN-us")).key(), "en");
        assert_eq!(LanguageGroup::of(Some("ar")), LanguageGroup::Another);
        assert_eq!(LanguageGroup::of(Some("  ")), LanguageGroup::NotRecorded);
        assert_eq!(LanguageGroup::of(None), LanguageGroup::NotRecorded);
    }

    #[test]
    fn the_tally_counts_each_person_once_in_each_table() {
        let on = d(2026, 7, 1);
        let persons = [
            (Some(d(1990, 1, 1)), Some("es"), 1),
            (Some(d(1990, 12, 31)), Some("en"), 2),
            (None, Some("pt-BR"), 1),
            (Some(d(2010, 5, 5)), None, 1),
        ];
        let (ages, languages) = tally(persons, on);
        assert_eq!(ages, vec![1, 0, 0, 3, 0, 0, 0, 1], "36 and 35 on the day: 35–44");
        assert_eq!(ages.iter().sum::<u64>(), 5);
        assert_eq!(languages.iter().sum::<u64>(), 5);
        let at = |key: &str| LanguageGroup::all().iter().position(|g| g.key() == key).expect(key);
        assert_eq!((languages[at("en")], languages[at("es")], languages[at("pt")]), (2, 1, 1));
        assert_eq!((languages[at("other")], languages[at("not_recorded")]), (0, 1));
    }

    #[test]
    fn keys_parse_back() {
        for b in AgeBand::ALL {
            assert_eq!(AgeBand::parse(b.key()), Some(b));
        }
        for g in LanguageGroup::all() {
            assert_eq!(LanguageGroup::parse(g.key()), Some(g.clone()));
        }
        assert_eq!(AgeBand::parse("17_19"), None);
        assert_eq!(LanguageGroup::parse("xx"), None);
    }

    #[test]
    fn a_person_is_in_one_cell_per_fiscal_year_their_episodes_overlap() {
        use crate::outcomes::served::standing;
        // Served from 10 May to 20 June 2026: the 12-month periods starting June 2025 … June 2026 (13 of them).
        let s = standing(&[(d(2026, 5, 10), d(2026, 6, 20))]);
        let c = cells(&s, Some(d(2008, 3, 1)), Some("es-MX"));
        assert_eq!(c.len(), 13);
        assert!(c.iter().all(|(_, _, g)| g.key() == "es"));
        // 17 on 1 June 2025 … 1 February 2026, 18 from 1 March 2026.
        assert!(c.contains(&(d(2026, 2, 1), AgeBand::Under18, LanguageGroup::of(Some("es")))));
        assert!(c.contains(&(d(2026, 3, 1), AgeBand::From18To25, LanguageGroup::of(Some("es")))));
        // A date of birth corrected: every cell moves; nothing else changes.
        let moved = cells(&s, None, Some("es-MX"));
        let delta = cell_change(&c, &moved);
        assert_eq!(delta.values().filter(|v| **v == 1).count(), 13);
        assert_eq!(delta.values().filter(|v| **v == -1).count(), 13);
        assert!(cell_change(&c, &c).is_empty());
    }

    #[test]
    fn kept_cells_tally_as_the_persons_do() {
        let on = d(2026, 7, 1);
        let persons = [(Some(d(1990, 1, 1)), Some("es")), (Some(d(1990, 12, 31)), Some("en")), (None, Some("pt-BR"))];
        let from_persons = tally(persons.iter().map(|(b, l)| (*b, *l, 1)), on);
        let from_cells = tally_cells(persons.iter().map(|(b, l)| (AgeBand::of(*b, on), LanguageGroup::of(*l), 1)));
        assert_eq!(from_persons, from_cells);
    }

    proptest! {
        /// Applying the changes of any sequence of a person's states leaves exactly the last state's cells.
        #[test]
        fn changes_add_up_to_the_last_state(
            states in proptest::collection::vec((0i64..900, 0i64..400, proptest::option::of(0i64..30_000), 0usize..4), 1..6)
        ) {
            use crate::outcomes::served::standing;
            let base = d(2024, 1, 1);
            let langs = [None, Some("en"), Some("es-US"), Some("ar")];
            let mut kept: BTreeMap<Cell, i64> = BTreeMap::new();
            let mut last = BTreeSet::new();
            for (start, len, born, lang) in states {
                let started = base + chrono::Duration::days(start);
                let s = standing(&[(started, started + chrono::Duration::days(len))]);
                let born = born.map(|b| d(1940, 1, 1) + chrono::Duration::days(b));
                let now = cells(&s, born, langs[lang]);
                for (c, v) in cell_change(&last, &now) {
                    *kept.entry(c).or_default() += v;
                }
                last = now;
            }
            kept.retain(|_, v| *v != 0);
            prop_assert!(kept.values().all(|v| *v == 1));
            prop_assert_eq!(kept.keys().cloned().collect::<BTreeSet<_>>(), last);
        }

        /// The query's birth-day bounds hold exactly the persons `of` puts in the band, on any day (29 February
        /// included), for any birth day.
        #[test]
        fn the_birth_bounds_agree_with_the_band(on in 0i64..40_000, born in 0i64..40_000) {
            let base = d(1920, 1, 1);
            let (on, born) = (base + chrono::Duration::days(on), base + chrono::Duration::days(born));
            for band in AgeBand::ALL.into_iter().filter(|b| *b != AgeBand::NotRecorded) {
                let (after, until) = band.births(on).expect("bounds");
                let inside = after.is_none_or(|a| born > a) && until.is_none_or(|u| born <= u);
                // A birth after `on` is under 18 by `of` (age 0); the bounds put it there too.
                prop_assert_eq!(inside, AgeBand::of(Some(born), on) == band, "{:?} {} {}", band, on, born);
            }
        }
    }
}
