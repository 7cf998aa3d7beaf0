//! Encounters: a coach's record of time spent with a person. Notes are the most sensitive field: only the
//! author, the person's assigned coach and supervisors read them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::access::Principal;
use crate::text::FieldError;
use crate::{AccountId, Role};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EncounterType {
    InPerson,
    Phone,
    Text,
    Video,
    Group,
}

impl EncounterType {
    pub const ALL: [EncounterType; 5] = [
        EncounterType::InPerson,
        EncounterType::Phone,
        EncounterType::Text,
        EncounterType::Video,
        EncounterType::Group,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            EncounterType::InPerson => "in_person",
            EncounterType::Phone => "phone",
            EncounterType::Text => "text",
            EncounterType::Video => "video",
            EncounterType::Group => "group",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawEncounter {
    pub date: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub minutes: Option<i64>,
    /// Comma- or newline-separated in forms; a list in JSON is joined by the caller.
    pub topics: String,
    pub notes: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Encounter {
    pub date: NaiveDate,
    pub kind: EncounterType,
    pub minutes: u16,
    pub topics: Vec<String>,
    pub notes: Option<String>,
}

impl Encounter {
    pub fn parse(raw: &RawEncounter, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = match NaiveDate::parse_from_str(raw.date.trim(), "%Y-%m-%d") {
            Ok(d) if d <= today && d >= today - chrono::Duration::days(366 * 5) => Some(d),
            Ok(_) => {
                errors.push(FieldError::new("date", "date-out-of-range"));
                None
            }
            Err(_) => {
                errors.push(FieldError::new(
                    "date",
                    if raw.date.trim().is_empty() { "required" } else { "invalid-date" },
                ));
                None
            }
        };
        let kind = EncounterType::parse(raw.kind.trim());
        if kind.is_none() {
            errors.push(FieldError::new("type", "required"));
        }
        let minutes = match raw.minutes {
            Some(m) if (1..=720).contains(&m) => m as u16,
            Some(_) => {
                errors.push(FieldError::new("minutes", "out-of-range"));
                0
            }
            None => {
                errors.push(FieldError::new("minutes", "required"));
                0
            }
        };
        let topics: Vec<String> =
            raw.topics.split([',', '\n']).map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect();
        if topics.len() > 20 || topics.iter().any(|t| t.chars().count() > 80) {
            errors.push(FieldError::new("topics", "too-long"));
        }
        let notes =
            crate::text::optional_multiline("notes", &raw.notes, 10_000).map_err(|e| errors.push(e)).ok().flatten();
        match (date, kind) {
            (Some(date), Some(kind)) if errors.is_empty() => Ok(Self { date, kind, minutes, topics, notes }),
            _ => Err(errors),
        }
    }
}

/// Who may read an encounter's notes: the author, the person's assigned coach, and supervisors of the
/// organization. Not admins (they run the system, not the care), not the wider organization.
pub fn may_read_notes(reader: &Principal, author: AccountId, assigned_coach: Option<AccountId>) -> bool {
    reader.kind == crate::PrincipalKind::Staff
        && (reader.account == author || Some(reader.account) == assigned_coach || reader.role == Some(Role::Supervisor))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OrgId;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
    }

    #[test]
    fn parses_a_visit() {
        let e = Encounter::parse(
            &RawEncounter {
                date: "2026-11-20".into(),
                kind: "in_person".into(),
                minutes: Some(45),
                topics: "housing, work\nfamily".into(),
                notes: "Line one\nLine two".into(),
            },
            today(),
        )
        .expect("valid");
        assert_eq!(e.topics, vec!["housing", "work", "family"]);
        assert_eq!(e.notes.as_deref(), Some("Line one\nLine two"));
    }

    #[test]
    fn problems_name_fields() {
        let errors = Encounter::parse(
            &RawEncounter { date: "2027-01-01".into(), minutes: Some(0), ..RawEncounter::default() },
            today(),
        )
        .expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(fields, vec![("date", "date-out-of-range"), ("type", "required"), ("minutes", "out-of-range")]);
    }

    #[test]
    fn notes_are_for_the_author_the_assigned_coach_and_supervisors() {
        let org = OrgId::new();
        let author = AccountId::new();
        let coach = AccountId::new();
        let p = |account, role| Principal::staff(account, org, role);
        assert!(may_read_notes(&p(author, Role::Coach), author, Some(coach)));
        assert!(may_read_notes(&p(coach, Role::Coach), author, Some(coach)));
        assert!(may_read_notes(&p(AccountId::new(), Role::Supervisor), author, Some(coach)));
        assert!(!may_read_notes(&p(AccountId::new(), Role::Admin), author, Some(coach)));
        assert!(!may_read_notes(&p(AccountId::new(), Role::Clinician), author, Some(coach)));
        assert!(!may_read_notes(&p(AccountId::new(), Role::Coach), author, Some(coach)));
    }
}
