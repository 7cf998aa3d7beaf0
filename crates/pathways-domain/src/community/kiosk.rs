//! The drop-in kiosk (issue 20): a shared tablet at a recovery community center where someone who walks in
//! signs in with a first name or initials, an optional ZIP code and what brought them. No account, no record of a
//! person: each sign-in is one *visit*, counted.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::text::{FieldError, required_text};

/// The longest a first name (or initials) may be.
pub const MAX_NAME: usize = 40;

/// What brought someone in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Reason {
    #[serde(rename = "group")]
    Group,
    #[serde(rename = "computer")]
    Computer,
    #[serde(rename = "coach")]
    Coach,
    #[serde(rename = "naloxone")]
    Naloxone,
}

impl Reason {
    pub const ALL: [Reason; 4] = [Reason::Group, Reason::Computer, Reason::Coach, Reason::Naloxone];

    pub const fn code(self) -> &'static str {
        match self {
            Reason::Group => "group",
            Reason::Computer => "computer",
            Reason::Coach => "coach",
            Reason::Naloxone => "naloxone",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == s)
    }
}

/// A sign-in, checked. `group` is the group's id as typed (the caller checks it is one of the center's
/// gatherings of the day).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignIn {
    pub name: String,
    pub zip: Option<String>,
    pub reason: Reason,
}

impl Reason {
    /// The form's `reason` field: required, one of the reasons; its problem is pushed onto `errors`. The
    /// anonymous sign-in and a known person's share it.
    pub(crate) fn field(raw: &str, errors: &mut Vec<FieldError>) -> Option<Self> {
        match raw.trim() {
            "" => {
                errors.push(FieldError::new("reason", "required"));
                None
            }
            r => Self::parse(r).or_else(|| {
                errors.push(FieldError::new("reason", "unknown-choice"));
                None
            }),
        }
    }
}

impl SignIn {
    /// A first name or initials (letters, spaces, hyphens, apostrophes and periods), an optional five-digit ZIP
    /// code and a reason.
    pub fn parse(name: &str, zip: &str, reason: &str) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = match required_text("first_name", name, MAX_NAME) {
            Ok(n) if n.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.')) => Some(n),
            Ok(_) => {
                errors.push(FieldError::new("first_name", "invalid-characters"));
                None
            }
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let zip = match zip.trim() {
            "" => Some(None),
            z if z.len() == 5 && z.bytes().all(|b| b.is_ascii_digit()) => Some(Some(z.to_owned())),
            _ => {
                errors.push(FieldError::new("postal_code", "invalid-postal-code"));
                None
            }
        };
        let reason = Reason::field(reason, &mut errors);
        match (name, zip, reason) {
            (Some(name), Some(zip), Some(reason)) if errors.is_empty() => Ok(Self { name, zip, reason }),
            _ => Err(errors),
        }
    }
}

/// A day's visits counted: all, by reason, and per group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub visits: u32,
    pub by_reason: BTreeMap<Reason, u32>,
    /// Visits that named a group, per group id (as the caller keys them).
    pub by_group: BTreeMap<String, u32>,
}

impl Tally {
    /// Counts visits given as (reason, group).
    pub fn of<'a>(visits: impl IntoIterator<Item = (Reason, Option<&'a str>)>) -> Self {
        let mut t = Tally::default();
        for (reason, group) in visits {
            t.visits += 1;
            *t.by_reason.entry(reason).or_default() += 1;
            if let Some(g) = group {
                *t.by_group.entry(g.to_owned()).or_default() += 1;
            }
        }
        t
    }

    pub fn reason(&self, r: Reason) -> u32 {
        self.by_reason.get(&r).copied().unwrap_or(0)
    }
}
