//! Locator details (issue 5): the other ways to reach a person and the people who know where they are, kept
//! for outreach as the check-up protocol does — each one given with the person's consent, which is recorded
//! with it. A detail without that consent is refused.

use crate::person::{parse_email, parse_phone};
use crate::text::{FieldError, optional_text, required_text};

/// The kinds of locator detail.
pub const LOCATOR_KINDS: [&str; 5] = ["phone", "email", "address", "social", "contact_person"];

/// The form as typed. `consent` is the checkbox: the person agreed that this may be used to reach them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocatorForm {
    pub kind: String,
    /// The number, address or handle; for a contact person, how to reach them.
    pub value: String,
    /// A contact person's name.
    pub name: String,
    pub relationship: String,
    pub note: String,
    pub consent: bool,
}

/// A locator detail as kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locator {
    pub kind: &'static str,
    /// A phone number in E.164 and an email lowercased in its domain; otherwise as typed, trimmed.
    pub value: String,
    pub name: Option<String>,
    pub relationship: Option<String>,
    pub note: Option<String>,
}

/// Checks a locator detail, naming every bad field. A contact person needs a name; a phone or an email must
/// look like one; consent is required.
pub fn parse_locator(f: &LocatorForm) -> Result<Locator, Vec<FieldError>> {
    let mut errors = Vec::new();
    let kind = LOCATOR_KINDS.iter().copied().find(|k| *k == f.kind);
    if kind.is_none() {
        errors.push(FieldError::new("kind", "unknown-choice"));
    }
    let value = match required_text("value", &f.value, 300) {
        Ok(v) => {
            let checked = match kind {
                Some("phone") => parse_phone(&v).map(|p| p.unwrap_or_default()),
                Some("email") => parse_email(&v).map(|e| e.unwrap_or_default()),
                _ => Ok(v),
            };
            checked.unwrap_or_else(|e| {
                errors.push(FieldError::new("value", e.code));
                String::new()
            })
        }
        Err(e) => {
            errors.push(e);
            String::new()
        }
    };
    let mut optional = |field: &'static str, raw: &str, max: usize| {
        optional_text(field, raw, max).unwrap_or_else(|e| {
            errors.push(e);
            None
        })
    };
    let name = optional("name", &f.name, 120);
    let relationship = optional("relationship", &f.relationship, 80);
    let note = optional("note", &f.note, 500);
    if kind == Some("contact_person") && name.is_none() && !errors.iter().any(|e| e.field == "name") {
        errors.push(FieldError::new("name", "required"));
    }
    if !f.consent {
        errors.push(FieldError::new("consent", "required"));
    }
    match kind {
        Some(kind) if errors.is_empty() => Ok(Locator { kind, value, name, relationship, note }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(kind: &str, value: &str) -> LocatorForm {
        LocatorForm { kind: kind.into(), value: value.into(), consent: true, ..LocatorForm::default() }
    }

    #[test]
    fn phones_and_emails_are_kept_in_one_form() {
        assert_eq!(parse_locator(&form("phone", "(860) 555-0142")).map(|l| l.value), Ok("+18605550142".into()));
        assert_eq!(parse_locator(&form("email", "Sam@Example.ORG")).map(|l| l.value), Ok("Sam@example.org".into()));
        assert_eq!(
            parse_locator(&form("address", "  12 Main St, Hartford  ")).map(|l| l.value),
            Ok("12 Main St, Hartford".into())
        );
    }

    #[test]
    fn a_contact_person_needs_a_name_and_nothing_is_kept_without_consent() {
        let e = parse_locator(&form("contact_person", "860-555-0100")).expect_err("no name");
        assert_eq!(e, vec![FieldError::new("name", "required")]);
        let ok = LocatorForm { name: "Aunt Rosa".into(), relationship: "aunt".into(), ..form("contact_person", "x") };
        assert_eq!(parse_locator(&ok).map(|l| l.name), Ok(Some("Aunt Rosa".into())));
        let no = LocatorForm { consent: false, ..ok };
        assert_eq!(parse_locator(&no).expect_err("no consent"), vec![FieldError::new("consent", "required")]);
    }

    #[test]
    fn every_bad_field_is_named() {
        let f = LocatorForm { kind: "pager".into(), value: " ".into(), consent: false, ..LocatorForm::default() };
        let named: Vec<_> = parse_locator(&f).expect_err("bad").into_iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(named, vec![("kind", "unknown-choice"), ("value", "required"), ("consent", "required")]);
        let bad_phone = parse_locator(&form("phone", "12")).expect_err("short");
        assert_eq!(bad_phone, vec![FieldError::new("value", "invalid-phone")]);
        let bad_email = parse_locator(&form("email", "sam at home")).expect_err("no @");
        assert_eq!(bad_email, vec![FieldError::new("value", "invalid-email")]);
    }
}
