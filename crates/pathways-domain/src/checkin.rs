//! The self check-in: under a minute on a phone. "Are you safe right now?" answered no is urgent: crisis help
//! is shown at once and the coach gets an urgent item.

use serde::{Deserialize, Serialize};

use crate::text::FieldError;

/// A check-in as it arrives (a form or JSON).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawCheckin {
    pub mood: Option<i64>,
    pub craving: Option<i64>,
    pub used_since_last: Option<bool>,
    pub use_note: String,
    pub meetings_attended: Option<i64>,
    pub supports: String,
    pub safe: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Checkin {
    /// 1 (very low) to 5 (very good).
    pub mood: u8,
    /// 0 (none) to 10 (strongest).
    pub craving: u8,
    pub used_since_last: bool,
    pub use_note: Option<String>,
    pub meetings_attended: u8,
    /// Supports the person leaned on, in their words.
    pub supports: Option<String>,
    pub safe: bool,
}

impl Checkin {
    pub fn parse(raw: &RawCheckin) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut need = |field: &'static str, v: Option<i64>, range: std::ops::RangeInclusive<i64>| match v {
            None => {
                errors.push(FieldError::new(field, "required"));
                0
            }
            Some(v) if !range.contains(&v) => {
                errors.push(FieldError::new(field, "out-of-range"));
                0
            }
            Some(v) => v as u8,
        };
        let mood = need("mood", raw.mood, 1..=5);
        let craving = need("craving", raw.craving, 0..=10);
        let meetings_attended = need("meetings_attended", Some(raw.meetings_attended.unwrap_or(0)), 0..=50);
        let use_note =
            crate::text::optional_multiline("use_note", &raw.use_note, 1000).map_err(|e| errors.push(e)).ok().flatten();
        let supports =
            crate::text::optional_text("supports", &raw.supports, 500).map_err(|e| errors.push(e)).ok().flatten();
        let Some(safe) = raw.safe else {
            errors.push(FieldError::new("safe", "required"));
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let used_since_last = raw.used_since_last.unwrap_or(false);
        Ok(Self {
            mood,
            craving,
            used_since_last,
            use_note: if used_since_last { use_note } else { None },
            meetings_attended,
            supports,
            safe,
        })
    }

    /// An unsafe answer is an urgent matter for the coach.
    pub fn is_urgent(&self) -> bool {
        !self.safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawCheckin {
        RawCheckin { mood: Some(3), craving: Some(2), safe: Some(true), ..RawCheckin::default() }
    }

    #[test]
    fn a_minimal_check_in_is_three_answers() {
        let c = Checkin::parse(&raw()).expect("valid");
        assert_eq!((c.mood, c.craving, c.safe, c.used_since_last, c.meetings_attended), (3, 2, true, false, 0));
        assert!(!c.is_urgent());
    }

    #[test]
    fn not_safe_is_urgent() {
        let c = Checkin::parse(&RawCheckin { safe: Some(false), ..raw() }).expect("valid");
        assert!(c.is_urgent());
    }

    #[test]
    fn every_problem_names_its_field() {
        let bad = RawCheckin { mood: Some(0), craving: Some(11), meetings_attended: Some(-1), ..RawCheckin::default() };
        let errors = Checkin::parse(&bad).expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("mood", "out-of-range"),
                ("craving", "out-of-range"),
                ("meetings_attended", "out-of-range"),
                ("safe", "required")
            ]
        );
    }

    #[test]
    fn a_use_note_is_kept_only_with_use() {
        let c = Checkin::parse(&RawCheckin { use_note: "one drink".into(), ..raw() }).expect("valid");
        assert_eq!(c.use_note, None);
        let c = Checkin::parse(&RawCheckin { used_since_last: Some(true), use_note: " one drink ".into(), ..raw() })
            .expect("valid");
        assert_eq!(c.use_note.as_deref(), Some("one drink"));
    }
}
