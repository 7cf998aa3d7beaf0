//! Naloxone and trainings at a recovery community center (issue 20, part 4): the trainings it held (by type, the
//! date, how many attended, where), the naloxone kits it gave out and the overdose reversals reported back to it.
//! Counts only: no attendee, recipient or person revived is ever named or recorded.
//!
//! The training types are the four the issue names (naloxone, stigma, recovery ally, workplace supervisor); they
//! are Pathways' own labels, not an official code list.
//!
//! **Which counts stand for persons.** Attendees and reversals are people (a reversal is a person whose overdose
//! was reversed), so in any aggregate the state reads they go through small-cell suppression
//! (`outcomes::suppression`: 1 to 10 reads "fewer than 11", and a figure it could be worked out from is hidden).
//! Trainings held and kits given out count sessions and kits, not people: they are shown as they are.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::outcomes::{SuppressedTable, suppress};
use crate::text::{FieldError, optional_text};

coded!(
    /// The kind of training a center held.
    TrainingKind {
        /// Recognizing an opioid overdose and giving naloxone.
        Naloxone = "naloxone",
        /// Reducing stigma: person-first language, recovery is possible.
        Stigma = "stigma",
        /// Becoming a recovery ally (family, friends, neighbours).
        RecoveryAlly = "recovery-ally",
        /// Supervisors at a recovery-friendly workplace.
        WorkplaceSupervisor = "workplace-supervisor",
    }
);

/// The most one training's attendance or one report's kits or reversals may be (a typing-error bound).
pub const MAX_COUNT: u32 = 10_000;
/// The longest a training's place may be.
pub const MAX_PLACE: usize = 200;
/// How far back a date may be recorded, in days (a typing-error bound: a little over two years).
pub const MAX_DAYS_BACK: i64 = 800;

/// A training as typed.
#[derive(Clone, Debug, Default)]
pub struct TrainingForm {
    pub kind: String,
    pub held_on: String,
    pub attendees: String,
    pub place: String,
}

/// A training held, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Training {
    pub kind: TrainingKind,
    pub held_on: NaiveDate,
    pub attendees: u32,
    pub place: Option<String>,
}

/// Kits given out and reversals reported, as typed.
#[derive(Clone, Debug, Default)]
pub struct NaloxoneForm {
    pub date: String,
    pub kits: String,
    pub reversals: String,
}

/// A day's naloxone figures at a center, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NaloxoneReport {
    pub on: NaiveDate,
    pub kits: u32,
    pub reversals: u32,
}

/// A date up to `today` and at most [`MAX_DAYS_BACK`] days before it.
fn past_date(field: &'static str, raw: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    let d = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| FieldError::new(field, "invalid-date"))?;
    if d > today || (today - d).num_days() > MAX_DAYS_BACK {
        return Err(FieldError::new(field, "date-out-of-range"));
    }
    Ok(d)
}

/// A whole count from 0 to [`MAX_COUNT`]; blank is zero when `blank_is_zero`, else required.
fn count(field: &'static str, raw: &str, blank_is_zero: bool) -> Result<u32, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return if blank_is_zero { Ok(0) } else { Err(FieldError::new(field, "required")) };
    }
    match raw.parse::<i64>() {
        Ok(n) if n < 0 => Err(FieldError::new(field, "negative")),
        Ok(n) if n > i64::from(MAX_COUNT) => Err(FieldError::new(field, "too-large")),
        Ok(n) => u32::try_from(n).map_err(|_| FieldError::new(field, "too-large")),
        Err(_) => Err(FieldError::new(field, "invalid")),
    }
}

impl Training {
    /// A type, a date (up to today), how many attended (required) and an optional place.
    pub fn parse(f: &TrainingForm, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let kind = match f.kind.trim() {
            "" => Err(FieldError::new("kind", "required")),
            s => TrainingKind::parse(s).ok_or(FieldError::new("kind", "unknown-choice")),
        };
        let held_on = past_date("held_on", &f.held_on, today);
        let attendees = count("attendees", &f.attendees, false);
        let place = optional_text("training_place", &f.place, MAX_PLACE);
        match (kind, held_on, attendees, place) {
            (Ok(kind), Ok(held_on), Ok(attendees), Ok(place)) => Ok(Training { kind, held_on, attendees, place }),
            (k, h, a, p) => Err([k.err(), h.err(), a.err(), p.err()].into_iter().flatten().collect()),
        }
    }
}

impl NaloxoneReport {
    /// A date (up to today) and the kits given out and reversals reported that day (blank is zero; at least one
    /// of them above zero, or there is nothing to record).
    pub fn parse(f: &NaloxoneForm, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let on = past_date("date", &f.date, today);
        let kits = count("kits", &f.kits, true);
        let reversals = count("reversals", &f.reversals, true);
        match (on, kits, reversals) {
            (Ok(_), Ok(0), Ok(0)) => Err(vec![FieldError::new("kits", "required")]),
            (Ok(on), Ok(kits), Ok(reversals)) => Ok(NaloxoneReport { on, kits, reversals }),
            (o, k, r) => Err([o.err(), k.err(), r.err()].into_iter().flatten().collect()),
        }
    }
}

/// The network's figures for a period, by region: what the state reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkFigures {
    /// Trainings held per region (rows) and type (columns, [`TrainingKind::ALL`] order). Sessions, not persons:
    /// shown as counted.
    pub trainings: Vec<Vec<u64>>,
    /// Attendees per region and type: persons, suppressed as one table with its totals.
    pub attendees: SuppressedTable,
    /// Kits given out per region and period (columns: the periods). Kits, not persons: shown as counted.
    pub kits: Vec<Vec<u64>>,
    /// Reversals reported per region and period: persons, suppressed as one table with its totals.
    pub reversals: SuppressedTable,
}

/// One training as the aggregate reads it: its region's row and its type.
#[derive(Clone, Copy, Debug)]
pub struct TrainingCount {
    pub region: usize,
    pub kind: TrainingKind,
    pub attendees: u32,
}

/// One naloxone report as the aggregate reads it: its region's row and its period's column.
#[derive(Clone, Copy, Debug)]
pub struct KitCount {
    pub region: usize,
    pub period: usize,
    pub kits: u32,
    pub reversals: u32,
}

/// Adds up a network's trainings and reports over `regions` rows and `periods` columns (entries outside them
/// are ignored), suppressing the counts of persons.
pub fn network_figures(
    regions: usize,
    periods: usize,
    trainings: &[TrainingCount],
    kits: &[KitCount],
) -> NetworkFigures {
    let kinds = TrainingKind::ALL.len();
    let mut held = vec![vec![0u64; kinds]; regions];
    let mut attended = vec![vec![0u64; kinds]; regions];
    for t in trainings {
        let Some(k) = TrainingKind::ALL.iter().position(|x| *x == t.kind) else { continue };
        if t.region < regions {
            held[t.region][k] += 1;
            attended[t.region][k] += u64::from(t.attendees);
        }
    }
    let mut given = vec![vec![0u64; periods]; regions];
    let mut reversed = vec![vec![0u64; periods]; regions];
    for r in kits {
        if r.region < regions && r.period < periods {
            given[r.region][r.period] += u64::from(r.kits);
            reversed[r.region][r.period] += u64::from(r.reversals);
        }
    }
    NetworkFigures { trainings: held, attendees: suppress(&attended), kits: given, reversals: suppress(&reversed) }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::outcomes::Cell;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
    }

    fn training(kind: &str, date: &str, attendees: &str) -> Result<Training, Vec<FieldError>> {
        let f =
            TrainingForm { kind: kind.into(), held_on: date.into(), attendees: attendees.into(), place: String::new() };
        Training::parse(&f, day("2026-12-06"))
    }

    fn codes(r: Result<impl std::fmt::Debug, Vec<FieldError>>) -> Vec<(&'static str, &'static str)> {
        r.expect_err("errors").into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn a_training_needs_a_known_type_a_past_date_and_its_attendance() {
        let t = training("naloxone", "2026-12-01", "14").expect("a training");
        assert_eq!((t.kind, t.held_on, t.attendees, t.place), (TrainingKind::Naloxone, day("2026-12-01"), 14, None));
        assert_eq!(training("recovery-ally", "2026-12-06", "0").expect("today, nobody came").attendees, 0);
        assert_eq!(
            codes(training("", "", "")),
            vec![("kind", "required"), ("held_on", "required"), ("attendees", "required")]
        );
        assert_eq!(
            codes(training("cpr", "2026-12-07", "-1")),
            vec![("kind", "unknown-choice"), ("held_on", "date-out-of-range"), ("attendees", "negative")]
        );
        assert_eq!(
            codes(training("stigma", "12/01/2026", "10001")),
            vec![("held_on", "invalid-date"), ("attendees", "too-large")]
        );
        assert_eq!(
            codes(training("stigma", "2024-01-01", "ten")),
            vec![("held_on", "date-out-of-range"), ("attendees", "invalid")]
        );
    }

    #[test]
    fn a_naloxone_report_needs_something_to_count() {
        let today = day("2026-12-06");
        let f = |date: &str, kits: &str, reversals: &str| NaloxoneForm {
            date: date.into(),
            kits: kits.into(),
            reversals: reversals.into(),
        };
        assert_eq!(
            NaloxoneReport::parse(&f("2026-12-05", "12", ""), today),
            Ok(NaloxoneReport { on: day("2026-12-05"), kits: 12, reversals: 0 })
        );
        assert_eq!(NaloxoneReport::parse(&f("2026-12-05", "", "2"), today).map(|r| r.reversals), Ok(2));
        assert_eq!(codes(NaloxoneReport::parse(&f("2026-12-05", "0", ""), today)), vec![("kits", "required")]);
        assert_eq!(
            codes(NaloxoneReport::parse(&f("", "-3", "x"), today)),
            vec![("date", "required"), ("kits", "negative"), ("reversals", "invalid")]
        );
    }

    #[test]
    fn persons_under_eleven_are_suppressed_and_sessions_and_kits_shown() {
        // Two regions, two periods. North: two naloxone trainings of 9 and 4 (13 persons), one stigma training of
        // 3; South: one naloxone training of 30. Kits: north 40 in period 0 with 2 reversals; south 25 and 12
        // reversals in period 1.
        let t = |region, kind, attendees| TrainingCount { region, kind, attendees };
        let trainings = [
            t(0, TrainingKind::Naloxone, 9),
            t(0, TrainingKind::Naloxone, 4),
            t(0, TrainingKind::Stigma, 3),
            t(1, TrainingKind::Naloxone, 30),
        ];
        let kits = [
            KitCount { region: 0, period: 0, kits: 40, reversals: 2 },
            KitCount { region: 1, period: 1, kits: 25, reversals: 12 },
            KitCount { region: 7, period: 0, kits: 99, reversals: 99 },
        ];
        let f = network_figures(2, 2, &trainings, &kits);
        assert_eq!(f.trainings, vec![vec![2, 1, 0, 0], vec![1, 0, 0, 0]], "sessions, shown");
        assert_eq!(f.kits, vec![vec![40, 0], vec![0, 25]], "kits, shown; a region outside the rows ignored");
        assert_eq!(f.attendees, suppress(&[vec![13, 3, 0, 0], vec![30, 0, 0, 0]]), "attendees added up, suppressed");
        assert_eq!(f.reversals, suppress(&[vec![2, 0], vec![0, 12]]), "reversals added up, suppressed");
        assert_eq!(f.attendees.cells[0][1], Cell::FewerThan11, "3 persons");
        assert!(f.attendees.row_totals[0].is_suppressed() || f.attendees.cells[0][0].is_suppressed(), "16 - 13 = 3");
        assert_eq!(f.reversals.cells[0][0], Cell::FewerThan11, "2 persons");
    }

    proptest! {
        /// Whatever the counts, no published figure of persons is between 1 and 10.
        #[test]
        fn no_shown_count_of_persons_is_below_eleven(
            rows in proptest::collection::vec((0usize..3, 0usize..4, 0u32..25, 0u32..25), 0..30)
        ) {
            let trainings: Vec<TrainingCount> = rows
                .iter()
                .map(|(r, k, a, _)| TrainingCount { region: *r, kind: TrainingKind::ALL[*k], attendees: *a })
                .collect();
            let kits: Vec<KitCount> =
                rows.iter().map(|(r, k, a, v)| KitCount { region: *r, period: *k, kits: *a, reversals: *v }).collect();
            let f = network_figures(3, 4, &trainings, &kits);
            for table in [&f.attendees, &f.reversals] {
                let all = table.cells.iter().flatten().chain(&table.row_totals).chain(&table.column_totals)
                    .chain(std::iter::once(&table.total));
                for c in all {
                    if let Some(n) = c.shown() {
                        prop_assert!(n == 0 || n >= 11, "{n} shown");
                    }
                }
            }
        }
    }
}
