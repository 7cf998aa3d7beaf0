//! An access line call as the operator records it, and a ride request, read from what was typed.

use serde::{Deserialize, Serialize};

use super::triage::{CallAnswers, Substance};
use crate::person::parse_phone;
use crate::text::{FieldError, optional_text};

/// Who is calling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallerType {
    /// The person who needs help.
    Person,
    Family,
    Provider,
    Police,
    Other,
}

impl CallerType {
    pub const ALL: [CallerType; 5] =
        [CallerType::Person, CallerType::Family, CallerType::Provider, CallerType::Police, CallerType::Other];

    pub const fn as_str(self) -> &'static str {
        match self {
            CallerType::Person => "person",
            CallerType::Family => "family",
            CallerType::Provider => "provider",
            CallerType::Police => "police",
            CallerType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s.trim())
    }
}

/// The call form as typed (checkboxes as "on"/"true" or empty).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawCall {
    pub caller_type: String,
    pub first_name: String,
    pub callback: String,
    pub anonymous: String,
    pub place: String,
    /// Substance codes; a form sends one field per checkbox, so the web layer collects them.
    #[serde(skip)]
    pub substances: Vec<String>,
    pub hours_since_last_use: String,
    pub withdrawal_signs: String,
    pub hallucinations_or_confusion: String,
    pub history_of_withdrawal_seizures: String,
    pub emergency_sign: String,
    pub safety_concern: String,
    pub danger_now: String,
    pub unstably_housed: String,
    pub recent_return_to_use: String,
}

/// A call, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    pub caller_type: CallerType,
    /// `None` when the caller stays anonymous.
    pub first_name: Option<String>,
    /// E.164; `None` when anonymous or not given.
    pub callback: Option<String>,
    /// A town or ZIP code, as said.
    pub place: Option<String>,
    pub answers: CallAnswers,
}

fn checked(v: &str) -> bool {
    matches!(v.trim(), "on" | "true" | "yes" | "1")
}

impl Call {
    pub fn parse(raw: &RawCall) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let caller_type = CallerType::parse(&raw.caller_type);
        if caller_type.is_none() {
            errors.push(FieldError::new("caller_type", "unknown-choice"));
        }
        let anonymous = checked(&raw.anonymous);
        let first_name = optional_text("first_name", &raw.first_name, 60).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let callback = parse_phone(&raw.callback).unwrap_or_else(|_| {
            errors.push(FieldError::new("callback", "invalid-phone"));
            None
        });
        let place = optional_text("place", &raw.place, 80).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let mut substances = Vec::new();
        for s in &raw.substances {
            match Substance::parse(s) {
                Some(x) if !substances.contains(&x) => substances.push(x),
                Some(_) => {}
                None => errors.push(FieldError::new("substances", "unknown-choice")),
            }
        }
        let hours_since_last_use = match raw.hours_since_last_use.trim() {
            "" => None,
            h => match h.parse::<u32>() {
                Ok(n) if n <= 24 * 365 => Some(n),
                _ => {
                    errors.push(FieldError::new("hours_since_last_use", "out-of-range"));
                    None
                }
            },
        };
        let answers = CallAnswers {
            substances,
            hours_since_last_use,
            withdrawal_signs: checked(&raw.withdrawal_signs),
            hallucinations_or_confusion: checked(&raw.hallucinations_or_confusion),
            history_of_withdrawal_seizures: checked(&raw.history_of_withdrawal_seizures),
            emergency_sign: checked(&raw.emergency_sign),
            safety_concern: checked(&raw.safety_concern),
            danger_now: checked(&raw.danger_now),
            unstably_housed: checked(&raw.unstably_housed),
            recent_return_to_use: checked(&raw.recent_return_to_use),
        };
        match caller_type {
            Some(caller_type) if errors.is_empty() => Ok(Self {
                caller_type,
                first_name: if anonymous { None } else { first_name },
                callback: if anonymous { None } else { callback },
                place,
                answers,
            }),
            _ => Err(errors),
        }
    }
}

/// A ride request as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawRide {
    pub pickup: String,
    pub destination: String,
    /// Within how many hours the ride should happen (1, 2, 4, 8, 24).
    pub within_hours: String,
    pub notes: String,
}

/// The windows a ride can be asked for, in hours.
pub const RIDE_WINDOWS: [u32; 5] = [1, 2, 4, 8, 24];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ride {
    pub pickup: String,
    pub destination: String,
    pub within_hours: u32,
    pub notes: Option<String>,
}

impl Ride {
    pub fn parse(raw: &RawRide) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut text = |field: &'static str, v: &str, max: usize, required: bool| match optional_text(field, v, max) {
            Ok(Some(s)) => Some(s),
            Ok(None) if required => {
                errors.push(FieldError::new(field, "required"));
                None
            }
            Ok(None) => None,
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let pickup = text("pickup", &raw.pickup, 200, true);
        let destination = text("destination", &raw.destination, 200, true);
        let notes = text("notes", &raw.notes, 500, false);
        let within_hours = raw.within_hours.trim().parse::<u32>().ok().filter(|h| RIDE_WINDOWS.contains(h));
        if within_hours.is_none() {
            errors.push(FieldError::new("within_hours", "unknown-choice"));
        }
        match (pickup, destination, within_hours) {
            (Some(pickup), Some(destination), Some(within_hours)) if errors.is_empty() => {
                Ok(Self { pickup, destination, within_hours, notes })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(e: Vec<FieldError>) -> Vec<(&'static str, &'static str)> {
        e.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn a_call_reads_its_answers_and_anonymous_keeps_no_name_or_number() {
        let raw = RawCall {
            caller_type: "family".into(),
            first_name: " Ana ".into(),
            callback: "860 555 0100".into(),
            place: "06106".into(),
            substances: vec!["alcohol".into(), "opioids".into(), "alcohol".into()],
            hours_since_last_use: "12".into(),
            withdrawal_signs: "on".into(),
            ..RawCall::default()
        };
        let call = Call::parse(&raw).expect("valid");
        assert_eq!((call.first_name.as_deref(), call.callback.as_deref()), (Some("Ana"), Some("+18605550100")));
        assert_eq!(call.answers.substances, [Substance::Alcohol, Substance::Opioids]);
        assert!(call.answers.withdrawal_signs && !call.answers.safety_concern);
        let anonymous = Call::parse(&RawCall { anonymous: "on".into(), ..raw }).expect("valid");
        assert_eq!((anonymous.first_name, anonymous.callback), (None, None));
    }

    #[test]
    fn bad_call_answers_name_every_field() {
        let raw = RawCall {
            caller_type: "neighbour".into(),
            callback: "12".into(),
            substances: vec!["glue".into()],
            hours_since_last_use: "-3".into(),
            first_name: "x".repeat(61),
            ..RawCall::default()
        };
        assert_eq!(
            fields(Call::parse(&raw).expect_err("invalid")),
            [
                ("caller_type", "unknown-choice"),
                ("first_name", "too-long"),
                ("callback", "invalid-phone"),
                ("substances", "unknown-choice"),
                ("hours_since_last_use", "out-of-range")
            ]
        );
    }

    #[test]
    fn rides_need_a_pickup_a_destination_and_a_window() {
        let ok = Ride::parse(&RawRide {
            pickup: "Main St & Elm".into(),
            destination: "Capitol Withdrawal Management".into(),
            within_hours: "2".into(),
            notes: String::new(),
        });
        assert_eq!(ok.map(|r| r.within_hours), Ok(2));
        assert_eq!(
            fields(Ride::parse(&RawRide { within_hours: "3".into(), ..RawRide::default() }).expect_err("invalid")),
            [("pickup", "required"), ("destination", "required"), ("within_hours", "unknown-choice")]
        );
    }
}
