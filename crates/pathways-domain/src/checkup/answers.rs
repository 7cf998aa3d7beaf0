//! The check-up interview: its answers as given, checked at the edge. Every problem is named by its field, and
//! every bad field is reported at once.

use serde::{Deserialize, Serialize};

use super::NeedAnswers;
use crate::barc10::Barc10Answers;
use crate::text::FieldError;

/// Past-month substance-related problems: the interview's checklist, as codes.
pub const PROBLEMS: [&str; 8] = [
    "health",
    "mental_health",
    "work_or_school",
    "family_or_friends",
    "money",
    "legal",
    "risky_situations",
    "withdrawal",
];

/// Current treatment status.
pub const TREATMENT_STATUS: [&str; 5] = ["none", "outpatient", "residential", "medication", "waiting"];
/// Housing stability.
pub const HOUSING: [&str; 4] = ["stable", "at_risk", "temporary", "homeless"];
/// Work or school.
pub const WORK_OR_SCHOOL: [&str; 4] = ["working", "school", "looking", "neither"];
/// Social support for recovery.
pub const SOCIAL_SUPPORT: [&str; 3] = ["strong", "some", "none"];

/// The answers as they arrive (a form or JSON): anything may be missing or out of range.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawCheckupAnswers {
    pub days_alcohol_90: Option<i64>,
    pub days_drugs_90: Option<i64>,
    pub weekly_use_since_last: Option<bool>,
    pub past_month_problems: Option<Vec<String>>,
    pub wants_treatment: Option<bool>,
    pub in_treatment: Option<bool>,
    pub treatment_status: Option<String>,
    pub housing: Option<String>,
    pub work_or_school: Option<String>,
    pub justice_involved: Option<bool>,
    pub social_support: Option<String>,
    /// Optionally, a BARC-10 taken with the check-up: ten answers, 1–6.
    pub barc10: Option<Vec<Option<i64>>>,
}

/// A complete, valid check-up interview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckupAnswers {
    /// Days of alcohol use in the past 90 days (0–90).
    pub days_alcohol_90: u8,
    /// Days of other drug use in the past 90 days (0–90).
    pub days_drugs_90: u8,
    pub weekly_use_since_last: bool,
    /// Codes from [`PROBLEMS`], each once, in checklist order.
    pub past_month_problems: Vec<String>,
    pub wants_treatment: bool,
    pub in_treatment: bool,
    pub treatment_status: Option<String>,
    pub housing: Option<String>,
    pub work_or_school: Option<String>,
    pub justice_involved: Option<bool>,
    pub social_support: Option<String>,
    pub barc10: Option<Vec<u8>>,
}

impl CheckupAnswers {
    pub fn parse(raw: &RawCheckupAnswers) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut days = |field: &'static str, v: Option<i64>| match v {
            None => {
                errors.push(FieldError::new(field, "required"));
                0
            }
            Some(v) => u8::try_from(v).ok().filter(|d| *d <= 90).unwrap_or_else(|| {
                errors.push(FieldError::new(field, "out-of-range"));
                0
            }),
        };
        let days_alcohol_90 = days("days_alcohol_90", raw.days_alcohol_90);
        let days_drugs_90 = days("days_drugs_90", raw.days_drugs_90);
        let mut yes_no = |field: &'static str, v: Option<bool>| {
            v.unwrap_or_else(|| {
                errors.push(FieldError::new(field, "required"));
                false
            })
        };
        let weekly_use_since_last = yes_no("weekly_use_since_last", raw.weekly_use_since_last);
        let wants_treatment = yes_no("wants_treatment", raw.wants_treatment);
        let in_treatment = yes_no("in_treatment", raw.in_treatment);
        let past_month_problems = match &raw.past_month_problems {
            None => {
                errors.push(FieldError::new("past_month_problems", "required"));
                Vec::new()
            }
            Some(given) => {
                if given.iter().any(|p| !PROBLEMS.contains(&p.as_str())) {
                    errors.push(FieldError::new("past_month_problems", "unknown-choice"));
                }
                PROBLEMS.iter().filter(|p| given.iter().any(|g| g == *p)).map(|p| (*p).to_owned()).collect()
            }
        };
        let mut choice = |field: &'static str, v: &Option<String>, allowed: &[&str]| match v.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(v) if allowed.contains(&v) => Some(v.to_owned()),
            Some(_) => {
                errors.push(FieldError::new(field, "unknown-choice"));
                None
            }
        };
        let treatment_status = choice("treatment_status", &raw.treatment_status, &TREATMENT_STATUS);
        let housing = choice("housing", &raw.housing, &HOUSING);
        let work_or_school = choice("work_or_school", &raw.work_or_school, &WORK_OR_SCHOOL);
        let social_support = choice("social_support", &raw.social_support, &SOCIAL_SUPPORT);
        let barc10 = match &raw.barc10 {
            None => None,
            Some(answers) => match Barc10Answers::parse(answers) {
                Ok(a) => Some(a.answers().to_vec()),
                Err(_) => {
                    errors.push(FieldError::new("barc10", "invalid"));
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            days_alcohol_90,
            days_drugs_90,
            weekly_use_since_last,
            past_month_problems,
            wants_treatment,
            in_treatment,
            treatment_status,
            housing,
            work_or_school,
            justice_involved: raw.justice_involved,
            social_support,
            barc10,
        })
    }

    /// What the need-for-treatment rule reads.
    pub fn need_answers(&self) -> NeedAnswers {
        NeedAnswers {
            days_alcohol_90: self.days_alcohol_90,
            days_drugs_90: self.days_drugs_90,
            weekly_use_since_last: self.weekly_use_since_last,
            past_month_problems: self.past_month_problems.clone(),
            wants_treatment: self.wants_treatment,
            in_treatment: self.in_treatment,
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn complete() -> RawCheckupAnswers {
        RawCheckupAnswers {
            days_alcohol_90: Some(4),
            days_drugs_90: Some(0),
            weekly_use_since_last: Some(false),
            past_month_problems: Some(vec![]),
            wants_treatment: Some(false),
            in_treatment: Some(false),
            ..RawCheckupAnswers::default()
        }
    }

    fn fields(e: Vec<FieldError>) -> Vec<(&'static str, &'static str)> {
        e.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn the_required_answers_are_enough() {
        let a = CheckupAnswers::parse(&complete()).expect("valid");
        assert_eq!((a.days_alcohol_90, a.days_drugs_90), (4, 0));
        assert!(!super::super::need_for_treatment(&a.need_answers()).needs_treatment);
    }

    #[test]
    fn every_missing_or_bad_field_is_named_at_once() {
        let errors = CheckupAnswers::parse(&RawCheckupAnswers::default()).expect_err("empty");
        assert_eq!(
            fields(errors),
            vec![
                ("days_alcohol_90", "required"),
                ("days_drugs_90", "required"),
                ("weekly_use_since_last", "required"),
                ("wants_treatment", "required"),
                ("in_treatment", "required"),
                ("past_month_problems", "required"),
            ]
        );
        let bad = RawCheckupAnswers {
            days_alcohol_90: Some(91),
            days_drugs_90: Some(-1),
            past_month_problems: Some(vec!["legal".into(), "sleep".into()]),
            housing: Some("castle".into()),
            barc10: Some(vec![Some(3); 9]),
            ..complete()
        };
        assert_eq!(
            fields(CheckupAnswers::parse(&bad).expect_err("bad")),
            vec![
                ("days_alcohol_90", "out-of-range"),
                ("days_drugs_90", "out-of-range"),
                ("past_month_problems", "unknown-choice"),
                ("housing", "unknown-choice"),
                ("barc10", "invalid"),
            ]
        );
    }

    #[test]
    fn problems_are_kept_once_in_checklist_order_and_feed_the_rule() {
        let raw = RawCheckupAnswers {
            past_month_problems: Some(vec!["legal".into(), "health".into(), "legal".into()]),
            ..complete()
        };
        let a = CheckupAnswers::parse(&raw).expect("valid");
        assert_eq!(a.past_month_problems, vec!["health", "legal"]);
        assert!(super::super::need_for_treatment(&a.need_answers()).needs_treatment);
    }

    proptest! {
        /// Days are accepted exactly on 0–90; nothing panics on any integer.
        #[test]
        fn days_bounds(d in any::<i64>()) {
            let raw = RawCheckupAnswers { days_alcohol_90: Some(d), days_drugs_90: Some(d), ..complete() };
            prop_assert_eq!(CheckupAnswers::parse(&raw).is_ok(), (0..=90).contains(&d));
        }
    }
}
