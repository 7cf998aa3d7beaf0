//! The public calendar's choices (issue 20): which stretch of time a person looks at ([`Span`]: tonight, the next
//! seven days, or one day of the next four weeks) and which gatherings they want ([`Filter`]: a region, a group or
//! an event, a language, who it is for, in person or online, the time of day). Pure: the web crate keeps the
//! upcoming occurrences in memory and asks these rules of each.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Timelike as _, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::recurrence::to_utc;
use super::{Audience, Kind, Language};
use crate::text::FieldError;

/// How many days ahead the calendar reaches (today and the 27 after it): a day further is refused.
pub const HORIZON_DAYS: i64 = 28;
/// "Tonight" ends at this local hour (a late group still counts as tonight's).
pub const NIGHT_ENDS: u32 = 4;

coded!(
    /// Where a gathering is held.
    Attend {
        /// It has a place.
        InPerson = "in-person",
        /// It has an online link.
        Online = "online",
    }
);

coded!(
    /// When in the day a gathering starts, in its own zone.
    TimeOfDay {
        /// Before 12:00.
        Morning = "morning",
        /// 12:00 to 16:59.
        Afternoon = "afternoon",
        /// 17:00 on.
        Evening = "evening",
    }
);

impl TimeOfDay {
    /// The part of the day a local start time falls in.
    pub fn of(t: NaiveTime) -> Self {
        match t.hour() {
            0..12 => TimeOfDay::Morning,
            12..17 => TimeOfDay::Afternoon,
            _ => TimeOfDay::Evening,
        }
    }
}

/// The stretch of time a calendar page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    /// From now to the next 04:00.
    Tonight,
    /// From now, seven days.
    Week,
    /// One local day, today or one of the next [`HORIZON_DAYS`] − 1.
    Day(NaiveDate),
}

impl Span {
    /// `tonight`, `week` (or blank), or a day `YYYY-MM-DD` from `today` to `today` + [`HORIZON_DAYS`] − 1; anything
    /// else is named on `when`.
    pub fn parse(s: &str, today: NaiveDate) -> Result<Self, FieldError> {
        match s.trim() {
            "tonight" => Ok(Span::Tonight),
            "" | "week" => Ok(Span::Week),
            s => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                Ok(d) if d >= today && (d - today).num_days() < HORIZON_DAYS => Ok(Span::Day(d)),
                Ok(_) => Err(FieldError::new("when", "out-of-range")),
                Err(_) => Err(FieldError::new("when", "unknown-choice")),
            },
        }
    }

    /// The value [`Span::parse`] reads back.
    pub fn code(self) -> String {
        match self {
            Span::Tonight => "tonight".into(),
            Span::Week => "week".into(),
            Span::Day(d) => d.to_string(),
        }
    }

    /// The window, from `now`, in the deployment's zone: tonight runs to the next 04:00, the week seven days, a day
    /// from its local midnight (or now, today) to the next.
    pub fn window(self, now: DateTime<Utc>, tz: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
        let local = now.with_timezone(&tz);
        match self {
            Span::Tonight => {
                // Until the next 04:00: tomorrow's, or this morning's when it is not 04:00 yet.
                let night_ends = NaiveTime::from_hms_opt(NIGHT_ENDS, 0, 0).unwrap_or_default();
                let day =
                    if local.time() < night_ends { local.date_naive() } else { local.date_naive() + Duration::days(1) };
                (now, to_utc(tz, day.and_time(night_ends)))
            }
            Span::Week => (now, now + Duration::days(7)),
            Span::Day(d) => {
                let start = to_utc(tz, d.and_time(NaiveTime::MIN)).max(now);
                (start, to_utc(tz, (d + Duration::days(1)).and_time(NaiveTime::MIN)))
            }
        }
    }
}

/// What the filters read of one occurrence.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    /// The region of its center, as the center is recorded.
    pub region: Option<&'a str>,
    pub kind: Kind,
    pub language: Language,
    pub audience: Audience,
    pub in_person: bool,
    pub online: bool,
    /// Its start, in its own zone.
    pub starts_local: NaiveTime,
}

/// What a person asked for; `None` is any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// A region, any case.
    pub region: Option<String>,
    pub kind: Option<Kind>,
    /// English or Spanish also finds gatherings held in both.
    pub language: Option<Language>,
    /// Exactly this audience (a gathering for everyone is listed under "everyone").
    pub audience: Option<Audience>,
    pub attend: Option<Attend>,
    pub time: Option<TimeOfDay>,
}

impl Filter {
    pub fn admits(&self, e: &Entry<'_>) -> bool {
        let region = match (&self.region, e.region) {
            (None, _) => true,
            (Some(want), Some(have)) => want.eq_ignore_ascii_case(have),
            (Some(_), None) => false,
        };
        let language = match self.language {
            None => true,
            Some(Language::Bilingual) => e.language == Language::Bilingual,
            Some(l) => e.language == l || e.language == Language::Bilingual,
        };
        let attend = match self.attend {
            None => true,
            Some(Attend::InPerson) => e.in_person,
            Some(Attend::Online) => e.online,
        };
        region
            && language
            && attend
            && self.kind.is_none_or(|k| k == e.kind)
            && self.audience.is_none_or(|a| a == e.audience)
            && self.time.is_none_or(|t| t == TimeOfDay::of(e.starts_local))
    }

    /// The filters as typed on the page (every value text); every bad one is named by its field.
    pub fn parse(raw: &RawFilter<'_>) -> Result<Self, Vec<FieldError>> {
        fn pick<T>(errors: &mut Vec<FieldError>, field: &'static str, s: &str, p: fn(&str) -> Option<T>) -> Option<T> {
            match s.trim() {
                "" => None,
                s => p(s).or_else(|| {
                    errors.push(FieldError::new(field, "unknown-choice"));
                    None
                }),
            }
        }
        let mut errors = Vec::new();
        let e = &mut errors;
        let region = match raw.region.trim() {
            "" => None,
            r if r.chars().count() > 100 => {
                e.push(FieldError::new("region", "too-long"));
                None
            }
            r => Some(r.to_owned()),
        };
        let filter = Filter {
            region,
            kind: pick(e, "kind", raw.kind, Kind::parse),
            language: pick(e, "language", raw.language, Language::parse),
            audience: pick(e, "audience", raw.audience, Audience::parse),
            attend: pick(e, "attend", raw.attend, Attend::parse),
            time: pick(e, "time", raw.time, TimeOfDay::parse),
        };
        if errors.is_empty() { Ok(filter) } else { Err(errors) }
    }
}

/// The filters as typed.
#[derive(Clone, Copy, Debug, Default)]
pub struct RawFilter<'a> {
    pub region: &'a str,
    pub kind: &'a str,
    pub language: &'a str,
    pub audience: &'a str,
    pub attend: &'a str,
    pub time: &'a str,
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const NY: Tz = chrono_tz::America::New_York;

    fn entry() -> Entry<'static> {
        Entry {
            region: Some("North Central"),
            kind: Kind::Group,
            language: Language::English,
            audience: Audience::Everyone,
            in_person: true,
            online: false,
            starts_local: NaiveTime::from_hms_opt(19, 0, 0).unwrap_or_default(),
        }
    }

    fn utc(s: &str) -> DateTime<Utc> {
        chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").map(|t| t.and_utc()).unwrap_or_default()
    }

    #[test]
    fn spans_read_tonight_the_week_and_a_day_of_the_next_four_weeks() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap_or_default();
        assert_eq!(Span::parse("", today), Ok(Span::Week));
        assert_eq!(Span::parse("tonight", today), Ok(Span::Tonight));
        assert_eq!(Span::parse("2026-12-06", today), Ok(Span::Day(today)));
        assert_eq!(Span::parse("2027-01-02", today).map(Span::code), Ok("2027-01-02".into()), "the 28th day");
        assert_eq!(Span::parse("2027-01-03", today), Err(FieldError::new("when", "out-of-range")));
        assert_eq!(Span::parse("2026-12-05", today), Err(FieldError::new("when", "out-of-range")), "yesterday");
        assert_eq!(Span::parse("someday", today), Err(FieldError::new("when", "unknown-choice")));
    }

    #[test]
    fn windows_are_local_tonight_ends_at_four_and_a_day_is_its_own_midnights() {
        // 23:30 in New York on 5 December (UTC−5): tonight ends at 04:00 on the 6th.
        let now = utc("2026-12-06 04:30");
        assert_eq!(Span::Tonight.window(now, NY), (now, utc("2026-12-06 09:00")));
        // 02:00 local: still last night's, until 04:00 this morning.
        let late = utc("2026-12-06 07:00");
        assert_eq!(Span::Tonight.window(late, NY).1, utc("2026-12-06 09:00"));
        let day = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap_or_default();
        assert_eq!(Span::Day(day).window(now, NY), (utc("2026-12-08 05:00"), utc("2026-12-09 05:00")));
        // Today starts now, not at midnight gone by.
        let today = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap_or_default();
        assert_eq!(Span::Day(today).window(now, NY), (now, utc("2026-12-06 05:00")));
        // The day daylight saving time begins has 23 hours.
        let spring = NaiveDate::from_ymd_opt(2027, 3, 14).unwrap_or_default();
        let (from, to) = Span::Day(spring).window(now, NY);
        assert_eq!((to - from).num_hours(), 23);
    }

    #[test]
    fn filters_admit_what_was_asked_for() {
        let e = entry();
        assert!(Filter::default().admits(&e));
        let only = |f: Filter| f.admits(&e);
        assert!(only(Filter { region: Some("north central".into()), ..Filter::default() }), "any case");
        assert!(!only(Filter { region: Some("South".into()), ..Filter::default() }));
        assert!(!Filter { region: Some("South".into()), ..Filter::default() }.admits(&Entry { region: None, ..e }));
        assert!(!only(Filter { kind: Some(Kind::Event), ..Filter::default() }));
        assert!(!only(Filter { attend: Some(Attend::Online), ..Filter::default() }));
        assert!(only(Filter { attend: Some(Attend::InPerson), ..Filter::default() }));
        assert!(only(Filter { time: Some(TimeOfDay::Evening), ..Filter::default() }));
        assert!(!only(Filter { time: Some(TimeOfDay::Morning), ..Filter::default() }));
        assert!(!only(Filter { audience: Some(Audience::Women), ..Filter::default() }));
        // Spanish finds a Spanish group and a bilingual one; "both languages" only the bilingual one.
        let es = Filter { language: Some(Language::Spanish), ..Filter::default() };
        let both = Filter { language: Some(Language::Bilingual), ..Filter::default() };
        assert!(!es.admits(&e));
        assert!(es.admits(&Entry { language: Language::Spanish, ..e }));
        assert!(es.admits(&Entry { language: Language::Bilingual, ..e }));
        assert!(!both.admits(&Entry { language: Language::Spanish, ..e }));
    }

    #[test]
    fn every_bad_value_is_named() {
        let raw =
            RawFilter { kind: "party", language: "fr", attend: "by-phone", time: "noonish", ..RawFilter::default() };
        let errors = Filter::parse(&raw).err().unwrap_or_default();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["kind", "language", "attend", "time"]);
        let good =
            RawFilter { kind: "group", language: "es", attend: "online", time: "evening", ..RawFilter::default() };
        assert_eq!(
            Filter::parse(&good),
            Ok(Filter {
                kind: Some(Kind::Group),
                language: Some(Language::Spanish),
                attend: Some(Attend::Online),
                time: Some(TimeOfDay::Evening),
                ..Filter::default()
            })
        );
    }

    proptest! {
        /// Every start time is in exactly one part of the day, and the parts follow the clock.
        #[test]
        fn each_time_is_in_one_part_of_the_day(minutes in 0u32..1440) {
            let t = NaiveTime::from_num_seconds_from_midnight_opt(minutes * 60, 0).unwrap_or_default();
            let part = TimeOfDay::of(t);
            let admitted = TimeOfDay::ALL
                .iter()
                .filter(|p| Filter { time: Some(**p), ..Filter::default() }.admits(&Entry { starts_local: t, ..entry() }))
                .count();
            prop_assert_eq!(admitted, 1);
            prop_assert_eq!(part == TimeOfDay::Morning, minutes < 12 * 60);
            prop_assert_eq!(part == TimeOfDay::Evening, minutes >= 17 * 60);
        }

        /// A day of the horizon is read back as itself; any other day is refused.
        #[test]
        fn days_in_the_horizon_and_only_those(offset in -400i64..400) {
            let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap_or_default();
            let d = today + Duration::days(offset);
            let read = Span::parse(&d.to_string(), today);
            prop_assert_eq!(read.is_ok(), (0..HORIZON_DAYS).contains(&offset));
            if let Ok(s) = read {
                prop_assert_eq!(s, Span::Day(d));
            }
        }
    }
}
