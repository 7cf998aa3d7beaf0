//! Peer services and their financing (issue 21): the codes a service event is billed under, the payer
//! profiles that hold each funder's rules as data, funding sources (grants, vouchers, payers) and staff
//! credentials. `units` turns minutes into billable units; `check` names every problem a funder would refuse.
//!
//! Sources (see docs/FINANCING.md): HCPCS Level II code H0038 "Self-help/peer services, per 15 minutes" (CMS
//! HCPCS Level II code set) is the default code; modifiers such as HF are each payer's choice and so are data.
//! CMS State Medicaid Director Letter #07-011 (August 15, 2007) asks peer support services for supervision and
//! training/credentialing: a profile can require a current credential, a supervision contact in the past N days
//! and a supervisor's co-signature. No payer's figures are shipped as official: they are entered per profile.

pub mod check;
pub mod event;
pub mod month;
pub mod setup;
pub mod staff;
pub mod units;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::FieldError;

/// HCPCS Level II "Self-help/peer services, per 15 minutes".
pub const H0038: &str = "H0038";

/// A HCPCS Level II code: one letter and four digits (the code set's form). Which codes a deployment bills is a
/// profile's list; Pathways ships only H0038.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ServiceCode(String);

impl ServiceCode {
    pub fn parse(raw: &str) -> Option<Self> {
        let s = raw.trim().to_ascii_uppercase();
        let b = s.as_bytes();
        (b.len() == 5 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit)).then_some(Self(s))
    }
    pub fn peer_services() -> Self {
        Self(H0038.to_owned())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A two-character HCPCS modifier (letters or digits, e.g. HF). Which ones a payer wants is its profile's list.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Modifier(String);

impl Modifier {
    pub fn parse(raw: &str) -> Option<Self> {
        let s = raw.trim().to_ascii_uppercase();
        (s.len() == 2 && s.bytes().all(|c| c.is_ascii_alphanumeric())).then_some(Self(s))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A CMS Place of Service code: two digits, 01–99. Pathways does not name them (the set changes; the payer's
/// list is the reference).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PlaceOfService(u8);

impl PlaceOfService {
    pub fn parse(raw: &str) -> Option<Self> {
        let s = raw.trim();
        if s.len() != 2 || !s.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        s.parse::<u8>().ok().filter(|n| (1..=99).contains(n)).map(Self)
    }
    pub fn code(self) -> String {
        format!("{:02}", self.0)
    }
}

/// How minutes become units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// A unit counts once more than half of it is reached, over the day's total minutes: CMS Medicare Claims
    /// Processing Manual (Pub. 100-04) ch. 5 §20.2 (the "8-minute rule" for 15-minute timed codes).
    Midpoint,
    /// A unit counts only when all its minutes were given.
    WholeUnits,
}

impl Rounding {
    pub const ALL: [Rounding; 2] = [Rounding::Midpoint, Rounding::WholeUnits];
    pub const fn as_str(self) -> &'static str {
        match self {
            Rounding::Midpoint => "midpoint",
            Rounding::WholeUnits => "whole_units",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A payer's rules, as data. Every limit is optional: a grant's profile may have none of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayerProfile {
    pub name: String,
    /// Minutes in one unit (15 for H0038).
    pub unit_minutes: u16,
    pub rounding: Rounding,
    /// Most units one person may be billed for one code on one day.
    pub daily_cap_units: Option<u32>,
    pub min_age: Option<u8>,
    pub max_age: Option<u8>,
    pub diagnosis_required: bool,
    /// Codes that may not be billed for the same person on the same day as this profile's service.
    pub no_same_day: Vec<ServiceCode>,
    pub credential_required: bool,
    /// A supervision contact within this many days before the service.
    pub supervision_within_days: Option<u16>,
    pub cosign_required: bool,
    /// A prior authorization number is required on each event.
    pub authorization_required: bool,
    /// The payer's rate for one unit, in cents (for dollars in reports; a claim's charge).
    pub rate_cents: u32,
    /// Codes this payer accepts (H0038 by default).
    pub codes: Vec<ServiceCode>,
    /// Modifiers this payer accepts on them.
    pub modifiers: Vec<Modifier>,
}

impl PayerProfile {
    /// A profile with no limits: 15-minute units of H0038, midpoint rounding. Deployments set the rest.
    pub fn peer_services(name: &str, rate_cents: u32) -> Self {
        Self {
            name: name.to_owned(),
            unit_minutes: 15,
            rounding: Rounding::Midpoint,
            daily_cap_units: None,
            min_age: None,
            max_age: None,
            diagnosis_required: false,
            no_same_day: Vec::new(),
            credential_required: false,
            supervision_within_days: None,
            cosign_required: false,
            authorization_required: false,
            rate_cents,
            codes: vec![ServiceCode::peer_services()],
            modifiers: Vec::new(),
        }
    }

    /// The profile's own consistency: field errors by name.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.name.trim().is_empty() || self.name.chars().count() > 120 {
            errors.push(FieldError::new("name", "required"));
        }
        if !(1..=240).contains(&self.unit_minutes) {
            errors.push(FieldError::new("unit_minutes", "out-of-range"));
        }
        if self.daily_cap_units == Some(0) || self.daily_cap_units.is_some_and(|c| c > 1_000) {
            errors.push(FieldError::new("daily_cap_units", "out-of-range"));
        }
        if let (Some(lo), Some(hi)) = (self.min_age, self.max_age)
            && lo > hi
        {
            errors.push(FieldError::new("max_age", "out-of-range"));
        }
        if self.codes.is_empty() {
            errors.push(FieldError::new("codes", "required"));
        }
        if self.supervision_within_days == Some(0) {
            errors.push(FieldError::new("supervision_within_days", "out-of-range"));
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

/// What a grant's budget counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "in", content = "amount")]
pub enum Budget {
    Units(u64),
    Cents(u64),
}

/// A funding source's own terms, beside its payer profile's rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Funding {
    /// A grant: a period, a budget, the services it pays for.
    Grant { starts_on: NaiveDate, ends_on: NaiveDate, budget: Budget, allowed: Vec<ServiceCode> },
    /// A voucher program: each person's voucher carries its own units and expiry.
    VoucherProgram,
    /// Medicaid or another payer: the profile's rules only.
    Payer,
}

impl Funding {
    pub const fn kind(&self) -> &'static str {
        match self {
            Funding::Grant { .. } => "grant",
            Funding::VoucherProgram => "voucher_program",
            Funding::Payer => "payer",
        }
    }
}

/// One person's voucher, as it stands before this event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voucher {
    pub number: String,
    pub authorized_units: u32,
    pub balance_units: u32,
    pub expires_on: NaiveDate,
    /// An administrator withdrew it: no new service is signed against it.
    #[serde(default)]
    pub withdrawn: bool,
}

/// A staff member's credential (a state recovery support specialist certification, a recovery coach training …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credential {
    pub kind: String,
    pub number: Option<String>,
    pub issued_on: NaiveDate,
    /// `None`: does not expire (a completed training, say).
    pub expires_on: Option<NaiveDate>,
}

impl Credential {
    /// Valid on `date`: issued on or before it and not expired before it (valid through its expiry date).
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        self.issued_on <= date && self.expires_on.is_none_or(|e| date <= e)
    }

    /// A reminder is due: it expires within `days` of `today` (or has expired).
    pub fn expiring(&self, today: NaiveDate, days: i64) -> bool {
        self.expires_on.is_some_and(|e| e <= today + chrono::Duration::days(days))
    }
}

/// Whole years between a birth date and a date (the person's age on the day of service).
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> Option<u8> {
    on.years_since(birth).and_then(|y| u8::try_from(y).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn codes_have_the_hcpcs_level_two_form() {
        assert_eq!(ServiceCode::parse(" h0038 ").map(|c| c.as_str().to_owned()), Some("H0038".into()));
        for bad in ["", "0038", "H038", "H00388", "HH038", "H003A"] {
            assert_eq!(ServiceCode::parse(bad), None, "{bad}");
        }
        assert_eq!(Modifier::parse("hf").map(|m| m.as_str().to_owned()), Some("HF".into()));
        assert_eq!(Modifier::parse("H"), None);
        assert_eq!(Modifier::parse("H-"), None);
    }

    #[test]
    fn places_of_service_are_two_digits() {
        assert_eq!(PlaceOfService::parse("11").map(PlaceOfService::code), Some("11".into()));
        assert_eq!(PlaceOfService::parse("02").map(PlaceOfService::code), Some("02".into()));
        for bad in ["00", "1", "111", "a1", ""] {
            assert_eq!(PlaceOfService::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_credential_is_valid_through_its_expiry_day() {
        let c = Credential {
            kind: "CCAR recovery coach".into(),
            number: None,
            issued_on: d(2025, 1, 10),
            expires_on: Some(d(2026, 1, 9)),
        };
        assert!(!c.valid_on(d(2025, 1, 9)), "before it was issued");
        assert!(c.valid_on(d(2025, 1, 10)));
        assert!(c.valid_on(d(2026, 1, 9)), "its last day");
        assert!(!c.valid_on(d(2026, 1, 10)), "the day after");
        assert!(c.expiring(d(2025, 12, 15), 30));
        assert!(!c.expiring(d(2025, 11, 15), 30));
        let lifelong = Credential { expires_on: None, ..c };
        assert!(lifelong.valid_on(d(2040, 1, 1)) && !lifelong.expiring(d(2040, 1, 1), 30));
    }

    #[test]
    fn age_on_the_day_of_service() {
        assert_eq!(age_on(d(2008, 6, 15), d(2026, 6, 14)), Some(17));
        assert_eq!(age_on(d(2008, 6, 15), d(2026, 6, 15)), Some(18));
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28)), Some(17), "a leap-day birthday");
        assert_eq!(age_on(d(2030, 1, 1), d(2026, 1, 1)), None);
    }

    #[test]
    fn a_profile_names_its_bad_fields() {
        let mut p = PayerProfile::peer_services("Medicaid-like", 2_000);
        assert_eq!(p.validate(), Ok(()));
        p.unit_minutes = 0;
        p.daily_cap_units = Some(0);
        p.min_age = Some(21);
        p.max_age = Some(18);
        p.codes.clear();
        let fields: Vec<_> = p.validate().expect_err("invalid").into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["unit_minutes", "daily_cap_units", "max_age", "codes"]);
    }
}
