//! Volunteers and Recovery Friendly designations (issue 20, parts 3 and 5, the first pass).
//!
//! **Volunteers**: a center's roster of the people who give it time (often in recovery themselves) and who agreed
//! to be listed on it — a name and the date they agreed, nothing more — and the hours each logs, by activity.
//! The roster is the center's staff's only; it is never public. Each volunteer's background check and training
//! are kept as the last day each is valid, and [`Standing::of`] / [`reminders`] say which are expired or due
//! within [`DUE_WITHIN_DAYS`] days; [`ValidUntil`] reads the two dates as typed.
//!
//! **Recovery Friendly designations**: a workplace or a community (a town) designated recovery-friendly, the
//! date, and who designated it (the body, as the designation names it — in Connecticut, for instance, a town's
//! recognition by the state's Alcohol and Drug Policy Council). The public list shows them. Pathways records a
//! designation made elsewhere; the programs' own steps, evidence and renewals are not modelled here, and no
//! official program code is invented.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::{FieldError, optional_text, required_text};

/// The longest a volunteer's name may be.
pub const MAX_NAME: usize = 80;
/// The longest an activity may be.
pub const MAX_ACTIVITY: usize = 120;
/// The most hours one entry may log (a day).
pub const MAX_HOURS: f64 = 24.0;
/// The longest a designated workplace's or community's name, or the designating body's, may be.
pub const MAX_DESIGNATION_NAME: usize = 160;
/// How far back a designation may be dated, in days (about twenty years: designations began in the 2010s).
pub const MAX_DESIGNATION_DAYS_BACK: i64 = 7_305;

/// A volunteer added to the roster, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Volunteer {
    pub name: String,
    /// The day they agreed to be listed (the day they were added).
    pub agreed_on: NaiveDate,
}

impl Volunteer {
    /// A name, and the box saying they agreed to be listed (`agreed` is the checkbox's value, `true` when ticked).
    pub fn parse(name: &str, agreed: bool, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = required_text("name", name, MAX_NAME).map_err(|e| errors.push(e)).ok();
        if !agreed {
            errors.push(FieldError::new("agreed_to_list", "consent-required"));
        }
        match name {
            Some(name) if errors.is_empty() => Ok(Volunteer { name, agreed_on: today }),
            _ => Err(errors),
        }
    }
}

/// Hours a volunteer gave, checked (kept in minutes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hours {
    pub on: NaiveDate,
    pub activity: String,
    pub minutes: u32,
}

/// Hours as typed: a number above zero, at most [`MAX_HOURS`], in quarter hours (`1.5`, `0.25`; a comma as the
/// decimal mark is read too).
pub fn parse_hours(raw: &str) -> Result<u32, FieldError> {
    let raw = raw.trim().replace(',', ".");
    if raw.is_empty() {
        return Err(FieldError::new("hours", "required"));
    }
    let h: f64 = raw.parse().map_err(|_| FieldError::new("hours", "invalid"))?;
    if !h.is_finite() || h <= 0.0 || h > MAX_HOURS {
        return Err(FieldError::new("hours", "out-of-range"));
    }
    let quarters = h * 4.0;
    if (quarters - quarters.round()).abs() > 1e-9 {
        return Err(FieldError::new("hours", "invalid"));
    }
    // At most 96 quarters: the cast cannot overflow.
    Ok((quarters.round() as u32) * 15)
}

impl Hours {
    /// A date (today or in the last [`super::naloxone::MAX_DAYS_BACK`] days), an activity and the hours.
    pub fn parse(date: &str, activity: &str, hours: &str, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let on = past_date("date", date, today, super::naloxone::MAX_DAYS_BACK);
        let activity = required_text("activity", activity, MAX_ACTIVITY);
        let minutes = parse_hours(hours);
        match (on, activity, minutes) {
            (Ok(on), Ok(activity), Ok(minutes)) => Ok(Hours { on, activity, minutes }),
            (o, a, m) => Err([o.err(), a.err(), m.err()].into_iter().flatten().collect()),
        }
    }
}

fn past_date(field: &'static str, raw: &str, today: NaiveDate, max_back: i64) -> Result<NaiveDate, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    let d = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| FieldError::new(field, "invalid-date"))?;
    if d > today || (today - d).num_days() > max_back {
        return Err(FieldError::new(field, "date-out-of-range"));
    }
    Ok(d)
}

coded!(
    /// What was designated recovery-friendly.
    DesignationKind {
        /// An employer.
        Workplace = "workplace",
        /// A town or city.
        Community = "community",
    }
);

/// A Recovery Friendly designation, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Designation {
    pub kind: DesignationKind,
    pub name: String,
    pub town: Option<String>,
    pub designated_on: NaiveDate,
    /// Who designated it: the body, as the designation names it.
    pub designated_by: String,
}

/// A designation as typed.
#[derive(Clone, Debug, Default)]
pub struct DesignationForm {
    pub kind: String,
    pub name: String,
    pub town: String,
    pub designated_on: String,
    pub designated_by: String,
}

impl Designation {
    pub fn parse(f: &DesignationForm, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let kind = match f.kind.trim() {
            "" => Err(FieldError::new("kind", "required")),
            s => DesignationKind::parse(s).ok_or(FieldError::new("kind", "unknown-choice")),
        };
        let name = required_text("name", &f.name, MAX_DESIGNATION_NAME);
        let town = optional_text("town", &f.town, MAX_NAME);
        let on = past_date("designated_on", &f.designated_on, today, MAX_DESIGNATION_DAYS_BACK);
        let by = required_text("designated_by", &f.designated_by, MAX_DESIGNATION_NAME);
        match (kind, name, town, on, by) {
            (Ok(kind), Ok(name), Ok(town), Ok(designated_on), Ok(designated_by)) => {
                Ok(Designation { kind, name, town, designated_on, designated_by })
            }
            (k, n, t, o, b) => Err([k.err(), n.err(), t.err(), o.err(), b.err()].into_iter().flatten().collect()),
        }
    }
}

/// How many days ahead a volunteer's background check or training is called due (the reminder on the center
/// staff's pages): one that ends within this many days.
pub const DUE_WITHIN_DAYS: i64 = 30;

/// Where a volunteer's background check or training stands on a day. Each is recorded as the last day it is
/// valid (the center's own policy says how long a check or a training lasts; Pathways names no period and no
/// official code).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Standing {
    /// Its last valid day has passed: `days_ago` days ago (1 the day after).
    Expired { days_ago: i64 },
    /// Valid, but ending within [`DUE_WITHIN_DAYS`] days: `days_left` (0 on its last valid day).
    DueSoon { days_left: i64 },
    /// Valid beyond the reminder's window.
    Current,
    /// Nothing recorded.
    NotRecorded,
}

impl Standing {
    /// A check or training valid through `valid_until` (none recorded: `None`) on `today` (the deployment's date).
    /// Valid through its last day; expired from the next.
    pub fn of(valid_until: Option<NaiveDate>, today: NaiveDate) -> Self {
        let Some(until) = valid_until else { return Standing::NotRecorded };
        let days_left = (until - today).num_days();
        match days_left {
            d if d < 0 => Standing::Expired { days_ago: -d },
            d if d <= DUE_WITHIN_DAYS => Standing::DueSoon { days_left: d },
            _ => Standing::Current,
        }
    }

    /// Whether the staff are reminded (expired or due soon). Nothing recorded is not a reminder: a center that
    /// does not ask for a check or training is not told about it.
    pub const fn reminds(self) -> bool {
        matches!(self, Standing::Expired { .. } | Standing::DueSoon { .. })
    }
}

/// The reminders for a roster on `today`: each volunteer's (name, background check, training) standing, kept only
/// when one of the two reminds; expired first, then the soonest due, then by name.
pub fn reminders<'a>(
    roster: impl IntoIterator<Item = (&'a str, Option<NaiveDate>, Option<NaiveDate>)>,
    today: NaiveDate,
) -> Vec<(&'a str, Standing, Standing)> {
    let mut out: Vec<(&'a str, Standing, Standing)> = roster
        .into_iter()
        .map(|(name, check, training)| (name, Standing::of(check, today), Standing::of(training, today)))
        .filter(|(_, check, training)| check.reminds() || training.reminds())
        .collect();
    // Expired before due soon; the most overdue and the soonest due first.
    let urgency = |s: Standing| match s {
        Standing::Expired { days_ago } => (0, -days_ago),
        Standing::DueSoon { days_left } => (1, days_left),
        _ => (2, 0),
    };
    out.sort_by(|a, b| {
        let (ua, ub) = (urgency(a.1).min(urgency(a.2)), urgency(b.1).min(urgency(b.2)));
        ua.cmp(&ub).then_with(|| a.0.cmp(b.0))
    });
    out
}

/// How far back a check's or training's last valid day may be typed, in days (about five years: an older one is
/// long expired, and most likely a typing slip).
pub const MAX_VALID_DAYS_BACK: i64 = 1_827;
/// How far ahead a check's or training's last valid day may be, in days (about ten years).
pub const MAX_VALID_DAYS_AHEAD: i64 = 3_653;

/// A volunteer's background check and training, each as its last valid day (`None`: nothing recorded).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ValidUntil {
    pub background_check: Option<NaiveDate>,
    pub training: Option<NaiveDate>,
}

impl ValidUntil {
    /// The two dates as typed (`YYYY-MM-DD`; blank records nothing, and clears a date recorded before), each
    /// within [`MAX_VALID_DAYS_BACK`] days before `today` and [`MAX_VALID_DAYS_AHEAD`] after; every problem named
    /// by its field (`background_check_until`, `training_until`).
    pub fn parse(background_check: &str, training: &str, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let check = valid_until("background_check_until", background_check, today);
        let training = valid_until("training_until", training, today);
        match (check, training) {
            (Ok(background_check), Ok(training)) => Ok(ValidUntil { background_check, training }),
            (c, t) => Err([c.err(), t.err()].into_iter().flatten().collect()),
        }
    }

    /// Where each stands on `today`: (background check, training).
    pub fn standing(self, today: NaiveDate) -> (Standing, Standing) {
        (Standing::of(self.background_check, today), Standing::of(self.training, today))
    }
}

fn valid_until(field: &'static str, raw: &str, today: NaiveDate) -> Result<Option<NaiveDate>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let d = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| FieldError::new(field, "invalid-date"))?;
    let offset = (d - today).num_days();
    if !(-MAX_VALID_DAYS_BACK..=MAX_VALID_DAYS_AHEAD).contains(&offset) {
        return Err(FieldError::new(field, "date-out-of-range"));
    }
    Ok(Some(d))
}

/// Taking a volunteer off the roster asks for a tick in the box that confirms it (`confirm_removal`); their hours
/// stay counted.
pub fn confirm_removal(ticked: bool) -> Result<(), FieldError> {
    if ticked { Ok(()) } else { Err(FieldError::new("confirm_removal", "required")) }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
    }

    fn codes<T: std::fmt::Debug>(r: Result<T, Vec<FieldError>>) -> Vec<(&'static str, &'static str)> {
        r.expect_err("errors").into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn a_volunteer_is_listed_only_when_they_agreed() {
        let today = day("2026-12-06");
        assert_eq!(Volunteer::parse(" Maria ", true, today), Ok(Volunteer { name: "Maria".into(), agreed_on: today }));
        assert_eq!(codes(Volunteer::parse("Maria", false, today)), vec![("agreed_to_list", "consent-required")]);
        assert_eq!(
            codes(Volunteer::parse("  ", false, today)),
            vec![("name", "required"), ("agreed_to_list", "consent-required")]
        );
    }

    #[test]
    fn hours_are_quarter_hours_up_to_a_day() {
        assert_eq!(parse_hours("1.5"), Ok(90));
        assert_eq!(parse_hours("0,25"), Ok(15));
        assert_eq!(parse_hours("24"), Ok(1440));
        assert_eq!(parse_hours(""), Err(FieldError::new("hours", "required")));
        assert_eq!(parse_hours("0"), Err(FieldError::new("hours", "out-of-range")));
        assert_eq!(parse_hours("24.25"), Err(FieldError::new("hours", "out-of-range")));
        assert_eq!(parse_hours("1.1"), Err(FieldError::new("hours", "invalid")));
        assert_eq!(parse_hours("NaN"), Err(FieldError::new("hours", "out-of-range")));
        assert_eq!(parse_hours("two"), Err(FieldError::new("hours", "invalid")));
        let today = day("2026-12-06");
        assert_eq!(
            codes(Hours::parse("2026-12-07", "", "3", today)),
            vec![("date", "date-out-of-range"), ("activity", "required")]
        );
    }

    #[test]
    fn a_designation_names_what_when_and_by_whom() {
        let today = day("2026-12-06");
        let f = DesignationForm {
            kind: "community".into(),
            name: "West Hartford".into(),
            town: String::new(),
            designated_on: "2025-05-01".into(),
            designated_by: "Alcohol and Drug Policy Council".into(),
        };
        let d = Designation::parse(&f, today).expect("a designation");
        assert_eq!((d.kind, d.town, d.designated_on), (DesignationKind::Community, None, day("2025-05-01")));
        let bad =
            DesignationForm { kind: "county".into(), designated_on: "2027-01-01".into(), ..DesignationForm::default() };
        assert_eq!(
            codes(Designation::parse(&bad, today)),
            vec![
                ("kind", "unknown-choice"),
                ("name", "required"),
                ("designated_on", "date-out-of-range"),
                ("designated_by", "required")
            ]
        );
    }

    #[test]
    fn a_check_is_valid_through_its_last_day_and_due_within_thirty_days() {
        let today = day("2026-12-06");
        assert_eq!(Standing::of(None, today), Standing::NotRecorded);
        assert_eq!(Standing::of(Some(day("2026-12-05")), today), Standing::Expired { days_ago: 1 });
        assert_eq!(Standing::of(Some(day("2026-12-06")), today), Standing::DueSoon { days_left: 0 }, "its last day");
        assert_eq!(Standing::of(Some(day("2027-01-05")), today), Standing::DueSoon { days_left: 30 });
        assert_eq!(Standing::of(Some(day("2027-01-06")), today), Standing::Current, "31 days left");
        assert!(!Standing::NotRecorded.reminds() && !Standing::Current.reminds());
        assert!(Standing::Expired { days_ago: 400 }.reminds() && Standing::DueSoon { days_left: 12 }.reminds());
    }

    #[test]
    fn reminders_list_the_overdue_first_then_the_soonest_due() {
        let today = day("2026-12-06");
        let roster = [
            ("Ana", Some(day("2027-06-01")), Some(day("2027-06-01"))),
            ("Ben", Some(day("2026-12-20")), None),
            ("Cruz", None, Some(day("2026-11-30"))),
            ("Dee", Some(day("2026-12-01")), Some(day("2026-12-10"))),
            ("Eli", None, None),
        ];
        let names: Vec<&str> = reminders(roster, today).into_iter().map(|r| r.0).collect();
        assert_eq!(names, ["Cruz", "Dee", "Ben"], "Cruz 6 days over, Dee 5, Ben due in 14; Ana and Eli nothing");
    }

    #[test]
    fn dates_are_last_valid_days_blank_records_nothing() {
        let today = day("2026-12-06");
        assert_eq!(ValidUntil::parse("", " ", today), Ok(ValidUntil::default()));
        assert_eq!(
            ValidUntil::parse("2027-06-30", "2026-11-30", today),
            Ok(ValidUntil { background_check: Some(day("2027-06-30")), training: Some(day("2026-11-30")) })
        );
        assert_eq!(
            codes(ValidUntil::parse("30/06/2027", "2040-01-01", today)),
            vec![("background_check_until", "invalid-date"), ("training_until", "date-out-of-range")]
        );
        let (first, last) = (day("2021-12-05"), day("2036-12-06"));
        assert_eq!((today - first).num_days(), MAX_VALID_DAYS_BACK);
        assert_eq!((last - today).num_days(), MAX_VALID_DAYS_AHEAD);
        assert!(ValidUntil::parse(&first.to_string(), &last.to_string(), today).is_ok(), "the edges are inside");
        assert_eq!(
            codes(ValidUntil::parse("2021-12-04", "2036-12-07", today)),
            vec![("background_check_until", "date-out-of-range"), ("training_until", "date-out-of-range")]
        );
        let v = ValidUntil { background_check: Some(day("2026-12-05")), training: None };
        assert_eq!(v.standing(today), (Standing::Expired { days_ago: 1 }, Standing::NotRecorded));
    }

    #[test]
    fn removal_needs_the_box_ticked() {
        assert_eq!(confirm_removal(true), Ok(()));
        assert_eq!(confirm_removal(false), Err(FieldError::new("confirm_removal", "required")));
    }

    proptest! {
        /// Any day from five years back to ten ahead is read back as typed; a day outside is refused by name.
        #[test]
        fn a_last_valid_day_reads_back_within_its_bounds(offset in -4_000i64..5_000) {
            let today = day("2026-12-06");
            let d = today + chrono::Duration::days(offset);
            let got = ValidUntil::parse("", &d.to_string(), today);
            if (-MAX_VALID_DAYS_BACK..=MAX_VALID_DAYS_AHEAD).contains(&offset) {
                prop_assert_eq!(got, Ok(ValidUntil { background_check: None, training: Some(d) }));
            } else {
                prop_assert_eq!(codes(got), vec![("training_until", "date-out-of-range")]);
            }
        }
    }

    proptest! {
        /// As days pass, a check only moves towards expired (current, then due soon, then expired), and it is due
        /// soon exactly when it ends within the window.
        #[test]
        fn standing_only_worsens_with_time(until in 0i64..2_000, a in 0i64..2_000, b in 0i64..2_000) {
            let base = day("2025-01-01");
            let until = base + chrono::Duration::days(until);
            let (early, late) = (base + chrono::Duration::days(a.min(b)), base + chrono::Duration::days(a.max(b)));
            let rank = |s: Standing| match s {
                Standing::Current => 0,
                Standing::DueSoon { .. } => 1,
                Standing::Expired { .. } => 2,
                Standing::NotRecorded => 3,
            };
            prop_assert!(rank(Standing::of(Some(until), early)) <= rank(Standing::of(Some(until), late)));
            let left = (until - early).num_days();
            prop_assert_eq!(
                matches!(Standing::of(Some(until), early), Standing::DueSoon { .. }),
                (0..=DUE_WITHIN_DAYS).contains(&left)
            );
        }
    }

    proptest! {
        /// Every quarter hour from a quarter to a day is read back exactly, in minutes.
        #[test]
        fn every_quarter_hour_reads_back(q in 1u32..=96) {
            let typed = format!("{}", f64::from(q) / 4.0);
            prop_assert_eq!(parse_hours(&typed), Ok(q * 15));
        }
    }
}
