//! The person in recovery: the first health record. Raw input (a form, a JSON body, an import row) is parsed
//! into a [`PersonDetails`] whose every field is valid; all problems are reported at once, each naming its field.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::{FieldError, optional_text, required_text};

/// A person's details as they arrive: text, as a form sends it. Blank means "not given".
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct RawPerson {
    pub preferred_name: String,
    pub legal_name: String,
    pub pronouns: String,
    pub date_of_birth: String,
    pub preferred_language: String,
    pub phone: String,
    pub email: String,
}

/// A person's details, valid in every field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonDetails {
    /// The name the person wants to be called by: what every page shows.
    pub preferred_name: String,
    pub legal_name: Option<String>,
    pub pronouns: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    /// A BCP 47 language tag such as `en`, `es` or `pt-BR`.
    pub preferred_language: Option<String>,
    /// E.164, e.g. `+18605550142`.
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// Languages offered on the person form; any other valid tag is accepted too.
pub const COMMON_LANGUAGES: [&str; 8] = ["en", "es", "pt", "ht", "pl", "fr", "vi", "zh"];

impl PersonDetails {
    /// Parses raw input. `today` bounds the date of birth (in the deployment's time zone).
    pub fn parse(raw: &RawPerson, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let preferred_name = keep(&mut errors, required_text("preferred_name", &raw.preferred_name, 100));
        let legal_name = keep(&mut errors, optional_text("legal_name", &raw.legal_name, 200));
        let pronouns = keep(&mut errors, optional_text("pronouns", &raw.pronouns, 40));
        let date_of_birth = keep(&mut errors, parse_birth_date(&raw.date_of_birth, today));
        let preferred_language = keep(&mut errors, parse_language(&raw.preferred_language));
        let phone = keep(&mut errors, parse_phone(&raw.phone));
        let email = keep(&mut errors, parse_email(&raw.email));
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            preferred_name: preferred_name.unwrap_or_default(),
            legal_name: legal_name.flatten(),
            pronouns: pronouns.flatten(),
            date_of_birth: date_of_birth.flatten(),
            preferred_language: preferred_language.flatten(),
            phone: phone.flatten(),
            email: email.flatten(),
        })
    }

    /// The raw form of these details: what an edit form starts from.
    pub fn to_raw(&self) -> RawPerson {
        RawPerson {
            preferred_name: self.preferred_name.clone(),
            legal_name: self.legal_name.clone().unwrap_or_default(),
            pronouns: self.pronouns.clone().unwrap_or_default(),
            date_of_birth: self.date_of_birth.map(|d| d.to_string()).unwrap_or_default(),
            preferred_language: self.preferred_language.clone().unwrap_or_default(),
            phone: self.phone.clone().unwrap_or_default(),
            email: self.email.clone().unwrap_or_default(),
        }
    }
}

/// Keeps a parsed value, or records its problem.
fn keep<T>(errors: &mut Vec<FieldError>, r: Result<T, FieldError>) -> Option<T> {
    r.map_err(|e| errors.push(e)).ok()
}

fn parse_birth_date(raw: &str, today: NaiveDate) -> Result<Option<NaiveDate>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let date =
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| FieldError::new("date_of_birth", "invalid-date"))?;
    let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);
    if date > today || date < earliest {
        return Err(FieldError::new("date_of_birth", "date-out-of-range"));
    }
    Ok(Some(date))
}

/// A language tag: a 2–3 letter primary subtag, optionally a region (`pt-BR`) or script (`zh-Hant`).
fn parse_language(raw: &str) -> Result<Option<String>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let mut parts = raw.split('-');
    let primary = parts.next().unwrap_or("");
    let primary_ok = (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    let rest: Vec<&str> = parts.collect();
    let rest_ok = rest.len() <= 1
        && rest.iter().all(|p| (2..=4).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if !(primary_ok && rest_ok) {
        return Err(FieldError::new("preferred_language", "invalid-language"));
    }
    let mut tag = primary.to_ascii_lowercase();
    for sub in rest {
        tag.push('-');
        if sub.len() == 2 {
            tag.push_str(&sub.to_ascii_uppercase());
        } else {
            let mut cs = sub.chars();
            if let Some(first) = cs.next() {
                tag.push(first.to_ascii_uppercase());
                tag.push_str(&cs.as_str().to_ascii_lowercase());
            }
        }
    }
    Ok(Some(tag))
}

/// A phone number in E.164. A 10-digit number (or 11 starting with 1) is taken as North American; any
/// other number must start with `+` and its country code.
pub fn parse_phone(raw: &str) -> Result<Option<String>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let err = || FieldError::new("phone", "invalid-phone");
    if !raw.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c)) || raw.rfind('+').is_some_and(|i| i > 0) {
        return Err(err());
    }
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let e164 = if raw.starts_with('+') {
        if !(8..=15).contains(&digits.len()) || digits.starts_with('0') {
            return Err(err());
        }
        format!("+{digits}")
    } else {
        let national = match digits.len() {
            10 => digits.as_str(),
            11 if digits.starts_with('1') => &digits[1..],
            _ => return Err(err()),
        };
        // North American area codes and exchanges never start with 0 or 1.
        if national.starts_with(['0', '1']) || national[3..].starts_with(['0', '1']) {
            return Err(err());
        }
        format!("+1{national}")
    };
    Ok(Some(e164))
}

/// An email address, checked for shape only (one `@`, a dotted domain, no spaces); lowercased domain.
pub fn parse_email(raw: &str) -> Result<Option<String>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let err = || FieldError::new("email", "invalid-email");
    let (local, domain) = raw.split_once('@').ok_or_else(err)?;
    let ok = !local.is_empty()
        && local.len() <= 64
        && raw.len() <= 254
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !raw.chars().any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\"\\".contains(c));
    if !ok {
        return Err(err());
    }
    Ok(Some(format!("{local}@{}", domain.to_ascii_lowercase())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
    }

    fn raw(name: &str) -> RawPerson {
        RawPerson { preferred_name: name.into(), ..RawPerson::default() }
    }

    #[test]
    fn a_name_alone_is_enough() {
        let p = PersonDetails::parse(&raw(" Sam "), today()).expect("valid");
        assert_eq!(p.preferred_name, "Sam");
        assert_eq!(p.phone, None);
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let r = RawPerson {
            preferred_name: " ".into(),
            date_of_birth: "2030-01-01".into(),
            phone: "555".into(),
            email: "not an email".into(),
            preferred_language: "english please".into(),
            ..RawPerson::default()
        };
        let errors = PersonDetails::parse(&r, today()).expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("preferred_name", "required"),
                ("date_of_birth", "date-out-of-range"),
                ("preferred_language", "invalid-language"),
                ("phone", "invalid-phone"),
                ("email", "invalid-email"),
            ]
        );
    }

    #[test]
    fn phones_become_e164() {
        for (input, want) in [
            ("860-555-0142", "+18605550142"),
            ("(860) 555 0142", "+18605550142"),
            ("1 860 555 0142", "+18605550142"),
            ("+52 55 1234 5678", "+525512345678"),
        ] {
            assert_eq!(parse_phone(input), Ok(Some(want.to_owned())), "{input}");
        }
        for bad in ["555-0142", "060-555-0142", "860-055-0142", "86O-555-0142", "+0123456789", "8+60 555 0142"] {
            assert!(parse_phone(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn languages_are_normalised() {
        assert_eq!(parse_language("PT-br"), Ok(Some("pt-BR".into())));
        assert_eq!(parse_language("zh-hant"), Ok(Some("zh-Hant".into())));
        assert_eq!(parse_language("es"), Ok(Some("es".into())));
        assert!(parse_language("e").is_err());
    }

    #[test]
    fn emails() {
        assert_eq!(parse_email("Ana.Diaz@Example.ORG"), Ok(Some("Ana.Diaz@example.org".into())));
        for bad in ["ana", "ana@", "@x.org", "ana@x", "a b@x.org", "ana@x..org.", "a@b@c.org"] {
            assert!(parse_email(bad).is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_valid_details_round_trip(
            name in "\\PC{0,120}", phone in "[0-9 +()-]{0,20}", email in "\\PC{0,40}", dob in "\\PC{0,12}",
        ) {
            let r = RawPerson { preferred_name: name, phone, email, date_of_birth: dob, ..RawPerson::default() };
            if let Ok(p) = PersonDetails::parse(&r, today()) {
                prop_assert_eq!(PersonDetails::parse(&p.to_raw(), today()), Ok(p));
            }
        }
    }
}
