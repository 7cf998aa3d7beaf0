//! A directory listing as staff edit it: the form's raw text parsed into valid parts (every problem names its
//! field), whether a listing is stale, and a public correction's text.

use chrono::{NaiveDate, NaiveTime, Weekday};
use chrono_tz::Tz;

use super::geo::LatLon;
use super::schedule::parse_hhmm;
use crate::person::parse_phone;
use crate::text::{FieldError, optional_multiline, optional_text, required_text};

/// A listing not confirmed for this many days is stale.
pub const STALE_AFTER_DAYS: i64 = 180;
/// Weekly time rows on the form.
pub const SCHEDULE_ROWS: usize = 4;

/// Whether a listing needs checking again.
pub fn is_stale(last_verified: Option<NaiveDate>, today: NaiveDate) -> bool {
    last_verified.is_none_or(|d| (today - d).num_days() >= STALE_AFTER_DAYS)
}

/// The form as typed. Lists are the checked boxes' values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawListing {
    pub name: String,
    pub organization: String,
    pub description: String,
    pub categories: Vec<String>,
    pub attributes: Vec<String>,
    pub languages: Vec<String>,
    pub phone: String,
    pub url: String,
    pub address: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub latitude: String,
    pub longitude: String,
    pub time_zone: String,
    /// (day 0–6 as text, start, end) per row; blank rows are skipped.
    pub schedule: Vec<(String, String, String)>,
    pub online_url: String,
}

/// One weekly time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeeklyTime {
    pub day: Weekday,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// A valid listing.
#[derive(Clone, Debug, PartialEq)]
pub struct ListingEdit {
    pub name: String,
    pub organization: String,
    pub description: Option<String>,
    pub categories: Vec<String>,
    pub attributes: Vec<String>,
    pub languages: Vec<String>,
    pub phone: Option<String>,
    pub url: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub place: Option<LatLon>,
    pub time_zone: Tz,
    pub schedule: Vec<WeeklyTime>,
    pub online_url: Option<String>,
}

fn web_address(field: &'static str, raw: &str) -> Result<Option<String>, FieldError> {
    let Some(s) = optional_text(field, raw, 500)? else { return Ok(None) };
    match super::web_address(&s) {
        Some(ok) => Ok(Some(ok.to_owned())),
        None => Err(FieldError::new(field, "invalid-url")),
    }
}

fn weekday(n: &str) -> Option<Weekday> {
    Some(match n.trim() {
        "0" => Weekday::Sun,
        "1" => Weekday::Mon,
        "2" => Weekday::Tue,
        "3" => Weekday::Wed,
        "4" => Weekday::Thu,
        "5" => Weekday::Fri,
        "6" => Weekday::Sat,
        _ => return None,
    })
}

impl ListingEdit {
    /// Parses the form. `known_category` and `known_attribute` say what the taxonomy holds; a listing that names
    /// no time zone is in `default_tz` (the deployment's).
    pub fn parse(
        raw: &RawListing,
        default_tz: Tz,
        known_category: impl Fn(&str) -> bool,
        known_attribute: impl Fn(&str) -> bool,
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut keep = |r: Result<Option<String>, FieldError>| match r {
            Ok(v) => v,
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let name = keep(required_text("name", &raw.name, 200).map(Some));
        let organization = keep(required_text("organization", &raw.organization, 200).map(Some));
        let description = keep(optional_multiline("description", &raw.description, 4000));
        let phone = keep(parse_phone(&raw.phone));
        let url = keep(web_address("url", &raw.url));
        let online_url = keep(web_address("online_url", &raw.online_url));
        let address = keep(optional_text("address", &raw.address, 200));
        let city = keep(optional_text("city", &raw.city, 100));
        let state = keep(optional_text("state", &raw.state, 2).map(|s| s.map(|s| s.to_uppercase())));
        let postal_code = match raw.postal_code.trim() {
            "" => None,
            z if z.len() == 5 && z.chars().all(|c| c.is_ascii_digit()) => Some(z.to_owned()),
            _ => {
                errors.push(FieldError::new("postal_code", "invalid-postal-code"));
                None
            }
        };
        let place = match (raw.latitude.trim(), raw.longitude.trim()) {
            ("", "") => None,
            (a, b) => match (a.parse::<f64>(), b.parse::<f64>()) {
                (Ok(lat), Ok(lon)) => match LatLon::new(lat, lon) {
                    Ok(p) => Some(p),
                    Err(_) => {
                        errors.push(FieldError::new("latitude", "out-of-range"));
                        None
                    }
                },
                _ => {
                    errors.push(FieldError::new("latitude", "out-of-range"));
                    None
                }
            },
        };
        let time_zone = match raw.time_zone.trim() {
            "" => default_tz,
            z => z.parse::<Tz>().unwrap_or_else(|_| {
                errors.push(FieldError::new("time_zone", "unknown-choice"));
                default_tz
            }),
        };
        let mut categories = Vec::new();
        for c in &raw.categories {
            if known_category(c) {
                if !categories.contains(c) {
                    categories.push(c.clone());
                }
            } else if !errors.contains(&FieldError::new("categories", "unknown-choice")) {
                errors.push(FieldError::new("categories", "unknown-choice"));
            }
        }
        if raw.categories.is_empty() {
            errors.push(FieldError::new("categories", "required"));
        }
        let mut attributes = Vec::new();
        for a in &raw.attributes {
            if known_attribute(a) {
                if !attributes.contains(a) {
                    attributes.push(a.clone());
                }
            } else if !errors.contains(&FieldError::new("attributes", "unknown-choice")) {
                errors.push(FieldError::new("attributes", "unknown-choice"));
            }
        }
        let mut languages = Vec::new();
        for l in &raw.languages {
            let l = l.trim();
            if l.len() == 2 && l.chars().all(|c| c.is_ascii_lowercase()) {
                if !languages.iter().any(|x| x == l) {
                    languages.push(l.to_owned());
                }
            } else if !errors.contains(&FieldError::new("languages", "invalid-language")) {
                errors.push(FieldError::new("languages", "invalid-language"));
            }
        }
        let mut schedule = Vec::new();
        for (day, start, end) in &raw.schedule {
            if day.trim().is_empty() && start.trim().is_empty() && end.trim().is_empty() {
                continue;
            }
            let d = weekday(day);
            let s = parse_hhmm(start).ok();
            let e =
                if end.trim().is_empty() { s.map(|s| s + chrono::TimeDelta::hours(1)) } else { parse_hhmm(end).ok() };
            match (d, s, e) {
                (Some(day), Some(start), Some(end)) => schedule.push(WeeklyTime { day, start, end }),
                _ => errors.push(FieldError::new("schedule", "invalid-time")),
            }
        }
        if place.is_none() && raw.postal_code.trim().is_empty() && online_url.is_none() && address.is_some() {
            errors.push(FieldError::new("postal_code", "required"));
        }
        match (name, organization) {
            (Some(name), Some(organization)) if errors.is_empty() => Ok(Self {
                name,
                organization,
                description,
                categories,
                attributes,
                languages,
                phone,
                url,
                address,
                city,
                state,
                postal_code,
                place,
                time_zone,
                schedule,
                online_url,
            }),
            _ => Err(errors),
        }
    }
}

/// A member of the public's correction: what should change, and optionally how to reach them.
pub fn parse_correction(message: &str, contact: &str) -> Result<(String, Option<String>), Vec<FieldError>> {
    let m = required_text("message", &message.replace(['\r', '\n'], " "), 2000);
    let c = optional_text("contact", contact, 200);
    match (m, c) {
        (Ok(m), Ok(c)) => Ok((m, c)),
        (m, c) => Err([m.err(), c.err()].into_iter().flatten().collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawListing {
        RawListing {
            name: " Hartford Outpatient ".into(),
            organization: "Hartford Recovery Services".into(),
            categories: vec!["outpatient".into()],
            attributes: vec!["cost:medicaid".into()],
            languages: vec!["en".into(), "es".into()],
            phone: "860-555-0142".into(),
            url: "https://example.org".into(),
            address: "1 Main St".into(),
            city: "Hartford".into(),
            state: "ct".into(),
            postal_code: "06103".into(),
            schedule: vec![("1".into(), "09:00".into(), "17:00".into()), (String::new(), String::new(), String::new())],
            ..RawListing::default()
        }
    }

    fn known(_: &str) -> bool {
        true
    }

    #[test]
    fn a_good_form_parses() {
        let e = ListingEdit::parse(
            &raw(),
            crate::deployment::DEFAULT_TIME_ZONE,
            |c| c == "outpatient",
            |a| a == "cost:medicaid",
        )
        .expect("valid");
        assert_eq!(e.name, "Hartford Outpatient");
        assert_eq!(e.state.as_deref(), Some("CT"));
        assert_eq!(e.schedule.len(), 1);
        assert_eq!(e.time_zone, chrono_tz::America::New_York);
    }

    #[test]
    fn every_problem_is_named() {
        let bad = RawListing {
            name: String::new(),
            url: "ftp://x".into(),
            postal_code: "6103".into(),
            latitude: "200".into(),
            longitude: "1".into(),
            time_zone: "Mars/Base".into(),
            categories: vec!["nope".into(), "nada".into()],
            schedule: vec![("9".into(), "25:00".into(), String::new())],
            ..raw()
        };
        let errs = ListingEdit::parse(&bad, crate::deployment::DEFAULT_TIME_ZONE, |c| c == "outpatient", known)
            .err()
            .unwrap_or_default();
        let fields: Vec<&str> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "url", "postal_code", "latitude", "time_zone", "categories", "schedule"]);
    }

    #[test]
    fn staleness_is_180_days() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        assert!(is_stale(None, today));
        assert!(!is_stale(Some(today - chrono::TimeDelta::days(179)), today));
        assert!(is_stale(Some(today - chrono::TimeDelta::days(180)), today));
    }

    #[test]
    fn corrections_need_words() {
        assert_eq!(
            parse_correction(" The meeting moved\nto Tuesday ", ""),
            Ok(("The meeting moved to Tuesday".into(), None))
        );
        assert!(parse_correction("  ", "").is_err());
    }
}
