//! A staff member's credential and a supervision contact, as typed in a form or sent by the API (issue 21),
//! parsed into valid values with field errors by name; and when a credential's reminder is due.
//!
//! CMS State Medicaid Director Letter #07-011 (August 15, 2007) asks peer support services for supervision and
//! for training and credentialing; which credential a payer accepts, and how recent a supervision contact must
//! be, are each payer profile's data (`PayerProfile::credential_required`, `supervision_within_days`).

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::Credential;
use crate::text::{FieldError, optional_text, required_text};

/// How many days ahead the staff home reminds of a credential's expiry.
pub const REMINDER_DAYS: i64 = 60;

/// How far back a credential's issue date or a supervision contact may be typed (a credential may be old).
const CREDENTIAL_YEARS_BACK: i64 = 40;
const SUPERVISION_DAYS_BACK: i64 = 366 * 2;

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawCredential {
    pub credential_kind: String,
    pub credential_number: String,
    pub issued_on: String,
    /// Blank: does not expire.
    pub expires_on: String,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawSupervision {
    pub held_on: String,
    pub minutes: Option<i64>,
    /// Comma-separated in forms.
    pub topics: String,
}

/// A supervision contact, parsed (the supervisor is the caller; the staff member comes from the form's choice).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Supervision {
    pub held_on: NaiveDate,
    pub minutes: u16,
    pub topics: Vec<String>,
}

fn date(field: &'static str, raw: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let d = NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok();
    if d.is_none() {
        errors.push(FieldError::new(field, "invalid-date"));
    }
    d
}

impl Credential {
    /// Parses a credential: its kind (required), number, issue date (not after today), expiry (not before the
    /// issue date; blank: it does not expire).
    pub fn parse(raw: &RawCredential, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let kind = required_text("credential_kind", &raw.credential_kind, 120).map_err(|e| errors.push(e)).ok();
        let number = optional_text("credential_number", &raw.credential_number, 40).map_err(|e| errors.push(e)).ok();
        let issued_on = date("issued_on", &raw.issued_on, &mut errors);
        if raw.issued_on.trim().is_empty() {
            errors.push(FieldError::new("issued_on", "required"));
        }
        let issued_on = issued_on.filter(|d| {
            let ok = *d <= today && *d >= today - Duration::days(366 * CREDENTIAL_YEARS_BACK);
            if !ok {
                errors.push(FieldError::new("issued_on", "date-out-of-range"));
            }
            ok
        });
        let expires_on = date("expires_on", &raw.expires_on, &mut errors);
        if let (Some(i), Some(e)) = (issued_on, expires_on)
            && e < i
        {
            errors.push(FieldError::new("expires_on", "date-out-of-range"));
        }
        match (kind, number, issued_on) {
            (Some(kind), Some(number), Some(issued_on)) if errors.is_empty() => {
                Ok(Credential { kind, number, issued_on, expires_on })
            }
            _ => Err(errors),
        }
    }
}

impl Supervision {
    /// Parses a supervision contact: its date (today or up to two years back), minutes (1–480), topics (up to
    /// ten, each up to 80 characters).
    pub fn parse(raw: &RawSupervision, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        if raw.held_on.trim().is_empty() {
            errors.push(FieldError::new("held_on", "required"));
        }
        let held_on = date("held_on", &raw.held_on, &mut errors).filter(|d| {
            let ok = *d <= today && *d >= today - Duration::days(SUPERVISION_DAYS_BACK);
            if !ok {
                errors.push(FieldError::new("held_on", "date-out-of-range"));
            }
            ok
        });
        let minutes = match raw.minutes {
            None => {
                errors.push(FieldError::new("minutes", "required"));
                None
            }
            Some(m) => match u16::try_from(m).ok().filter(|m| (1..=480).contains(m)) {
                Some(m) => Some(m),
                None => {
                    errors.push(FieldError::new("minutes", "out-of-range"));
                    None
                }
            },
        };
        let topics: Vec<String> =
            raw.topics.split([',', ';']).map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect();
        if topics.len() > 10 {
            errors.push(FieldError::new("topics", "too-many"));
        } else if topics.iter().any(|t| t.chars().count() > 80 || t.chars().any(char::is_control)) {
            errors.push(FieldError::new("topics", "too-long"));
        }
        match (held_on, minutes) {
            (Some(held_on), Some(minutes)) if errors.is_empty() => Ok(Supervision { held_on, minutes, topics }),
            _ => Err(errors),
        }
    }
}

/// Where a credential stands on a day: expired (its expiry before the day), expiring (its reminder is due:
/// within `REMINDER_DAYS`), or current. The credentials page flags it; the API names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    Current,
    Expiring,
    Expired,
}

impl Standing {
    pub fn of(c: &Credential, today: NaiveDate) -> Self {
        match c.expires_on {
            Some(e) if e < today => Standing::Expired,
            _ if c.expiring(today, REMINDER_DAYS) => Standing::Expiring,
            _ => Standing::Current,
        }
    }

    pub const fn code(self) -> &'static str {
        match self {
            Standing::Current => "current",
            Standing::Expiring => "expiring",
            Standing::Expired => "expired",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn raw(kind: &str, issued: &str, expires: &str) -> RawCredential {
        RawCredential {
            credential_kind: kind.into(),
            credential_number: " RSS-1 ".into(),
            issued_on: issued.into(),
            expires_on: expires.into(),
        }
    }

    #[test]
    fn a_credential_is_parsed_and_its_reminder_falls_within_the_days() {
        let today = day("2026-06-01");
        let c =
            Credential::parse(&raw("Recovery support specialist", "2024-06-01", "2026-07-15"), today).expect("valid");
        assert_eq!(c.number.as_deref(), Some("RSS-1"));
        assert!(c.expiring(today, REMINDER_DAYS), "44 days ahead");
        assert!(!c.expiring(today, 30));
        let lifelong = Credential::parse(&raw("Recovery coach training", "2020-01-10", " "), today).expect("valid");
        assert_eq!(lifelong.expires_on, None);
        assert!(!lifelong.expiring(today, REMINDER_DAYS), "a training that does not expire");
    }

    #[test]
    fn every_problem_of_a_credential_is_named_at_once() {
        let today = day("2026-06-01");
        let errors = Credential::parse(&raw("", "2026-06-02", "2020-01-01"), today).expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(fields, [("credential_kind", "required"), ("issued_on", "date-out-of-range")]);
        let errors = Credential::parse(&raw("K", "2026-01-02", "2025-12-31"), today).expect_err("expires first");
        assert_eq!(errors, [FieldError::new("expires_on", "date-out-of-range")]);
        let errors = Credential::parse(&raw("K", "", "soon"), today).expect_err("no dates");
        let fields: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(fields, [("issued_on", "required"), ("expires_on", "invalid-date")]);
    }

    #[test]
    fn a_supervision_contact_is_parsed_with_its_topics() {
        let today = day("2026-06-01");
        let ok = |held: &str, minutes, topics: &str| {
            Supervision::parse(&RawSupervision { held_on: held.into(), minutes, topics: topics.into() }, today)
        };
        let s = ok("2026-05-30", Some(60), "boundaries, documentation;  ").expect("valid");
        assert_eq!((s.minutes, s.topics.len()), (60, 2));
        let codes = |r: Result<Supervision, Vec<FieldError>>| {
            r.expect_err("invalid").into_iter().map(|e| (e.field, e.code)).collect::<Vec<_>>()
        };
        assert_eq!(
            codes(ok("2026-06-02", Some(0), "")),
            [("held_on", "date-out-of-range"), ("minutes", "out-of-range")]
        );
        assert_eq!(codes(ok("", None, "")), [("held_on", "required"), ("minutes", "required")]);
        assert_eq!(codes(ok("2026-05-01", Some(481), "")), [("minutes", "out-of-range")]);
        assert_eq!(codes(ok("2026-05-01", Some(30), "a,b,c,d,e,f,g,h,i,j,k")), [("topics", "too-many")]);
    }

    #[test]
    fn a_credential_stands_expired_the_day_after_its_expiry_and_expiring_within_the_reminder() {
        let today = day("2026-06-01");
        let c = |expires: &str| Credential::parse(&raw("K", "2020-01-01", expires), day("2020-01-02")).expect("valid");
        assert_eq!(Standing::of(&c("2026-05-31"), today), Standing::Expired);
        assert_eq!(Standing::of(&c("2026-06-01"), today), Standing::Expiring, "valid through its last day");
        assert_eq!(Standing::of(&c("2026-07-31"), today), Standing::Expiring, "60 days ahead");
        assert_eq!(Standing::of(&c("2026-08-01"), today), Standing::Current, "61 days ahead");
        assert_eq!(Standing::of(&c(""), today), Standing::Current, "does not expire");
        assert_eq!(Standing::Expiring.code(), "expiring");
    }
}
