//! The bodies and answers of the API that sets up financing (issue 21, second pass): a payer profile, a funding
//! source and a voucher. Each body becomes the same typed-in values the pages send
//! (`pathways_domain::financing::setup`), so the API and the pages share one parser and its field errors.

use chrono::NaiveDate;
use pathways_domain::financing::setup::{RawFundingSource, RawProfile, RawVoucher, dollars};
use pathways_domain::financing::{Budget, Funding, Modifier, PayerProfile, ServiceCode};
use pathways_store::financing::setup::{ProfileRow, SourceRow};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

fn opt(n: Option<i64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// A payer profile as sent.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProfileBody {
    #[schema(schema_with = crate::schemas::funding::name, required = true)]
    pub name: String,
    #[schema(schema_with = crate::schemas::funding::unit_minutes, required = true)]
    pub unit_minutes: Option<i64>,
    #[schema(schema_with = crate::schemas::funding::rounding, required = true)]
    pub rounding: String,
    #[schema(schema_with = crate::schemas::funding::daily_cap_units)]
    pub daily_cap_units: Option<i64>,
    #[schema(schema_with = crate::schemas::funding::age)]
    pub min_age: Option<i64>,
    #[schema(schema_with = crate::schemas::funding::age)]
    pub max_age: Option<i64>,
    /// The payer requires a diagnosis on file.
    pub diagnosis_required: bool,
    #[schema(schema_with = crate::schemas::funding::no_same_day)]
    pub no_same_day: Vec<String>,
    /// The payer requires the staff member's current credential on the day.
    pub credential_required: bool,
    #[schema(schema_with = crate::schemas::funding::supervision_within_days)]
    pub supervision_within_days: Option<i64>,
    /// The payer requires a supervisor's co-signature.
    pub cosign_required: bool,
    /// The payer requires an authorization number on each service.
    pub authorization_required: bool,
    #[schema(schema_with = crate::schemas::funding::rate_cents, required = true)]
    pub rate_cents: Option<i64>,
    #[schema(schema_with = crate::schemas::funding::codes)]
    pub codes: Vec<String>,
    #[schema(schema_with = crate::schemas::funding::modifiers)]
    pub modifiers: Vec<String>,
}

impl ProfileBody {
    pub fn raw(&self) -> RawProfile {
        RawProfile {
            name: self.name.clone(),
            unit_minutes: opt(self.unit_minutes),
            rounding: self.rounding.clone(),
            daily_cap_units: opt(self.daily_cap_units),
            min_age: opt(self.min_age),
            max_age: opt(self.max_age),
            diagnosis_required: self.diagnosis_required,
            no_same_day: self.no_same_day.join(","),
            credential_required: self.credential_required,
            supervision_within_days: opt(self.supervision_within_days),
            cosign_required: self.cosign_required,
            authorization_required: self.authorization_required,
            rate: match self.rate_cents {
                Some(c) if c < 0 => "-1".into(),
                Some(c) => dollars(c.unsigned_abs()),
                None => String::new(),
            },
            codes: self.codes.join(","),
            modifiers: self.modifiers.join(","),
        }
    }
}

/// A payer profile as stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileJson {
    pub id: Uuid,
    pub name: String,
    pub unit_minutes: u16,
    /// `midpoint` or `whole_units`.
    pub rounding: &'static str,
    pub daily_cap_units: Option<u32>,
    pub min_age: Option<u8>,
    pub max_age: Option<u8>,
    pub diagnosis_required: bool,
    pub no_same_day: Vec<String>,
    pub credential_required: bool,
    pub supervision_within_days: Option<u16>,
    pub cosign_required: bool,
    pub authorization_required: bool,
    pub rate_cents: u32,
    pub codes: Vec<String>,
    pub modifiers: Vec<String>,
}

impl ProfileJson {
    pub fn of(id: Uuid, p: &PayerProfile) -> Self {
        let codes = |v: &[ServiceCode]| v.iter().map(|c| c.as_str().to_owned()).collect();
        Self {
            id,
            name: p.name.clone(),
            unit_minutes: p.unit_minutes,
            rounding: p.rounding.as_str(),
            daily_cap_units: p.daily_cap_units,
            min_age: p.min_age,
            max_age: p.max_age,
            diagnosis_required: p.diagnosis_required,
            no_same_day: codes(&p.no_same_day),
            credential_required: p.credential_required,
            supervision_within_days: p.supervision_within_days,
            cosign_required: p.cosign_required,
            authorization_required: p.authorization_required,
            rate_cents: p.rate_cents,
            codes: codes(&p.codes),
            modifiers: p.modifiers.iter().map(Modifier::as_str).map(str::to_owned).collect(),
        }
    }
}

impl From<&ProfileRow> for ProfileJson {
    fn from(r: &ProfileRow) -> Self {
        Self::of(r.id, &r.profile)
    }
}

/// A funding source as sent: a grant gives its period and one budget.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct SourceBody {
    #[schema(schema_with = crate::schemas::funding::name, required = true)]
    pub name: String,
    #[schema(schema_with = crate::schemas::funding::kind, required = true)]
    pub kind: String,
    #[schema(schema_with = crate::schemas::funding::profile, required = true)]
    pub profile: String,
    #[schema(schema_with = crate::schemas::funding::grant_date)]
    pub starts_on: String,
    #[schema(schema_with = crate::schemas::funding::grant_date)]
    pub ends_on: String,
    #[schema(schema_with = crate::schemas::funding::budget_units)]
    pub budget_units: Option<i64>,
    #[schema(schema_with = crate::schemas::funding::budget_cents)]
    pub budget_cents: Option<i64>,
    #[schema(schema_with = crate::schemas::funding::allowed)]
    pub allowed: Vec<String>,
}

impl SourceBody {
    pub fn raw(&self) -> RawFundingSource {
        let (budget_in, budget) = match (self.budget_units, self.budget_cents) {
            (Some(u), None) => ("units", u.to_string()),
            (None, Some(c)) if c < 0 => ("dollars", "-1".to_owned()),
            (None, Some(c)) => ("dollars", dollars(c.unsigned_abs())),
            (None, None) => ("units", String::new()),
            // Both: neither is chosen (a field error for a grant).
            (Some(_), Some(_)) => ("both", String::new()),
        };
        RawFundingSource {
            name: self.name.clone(),
            kind: self.kind.clone(),
            profile: self.profile.clone(),
            starts_on: self.starts_on.clone(),
            ends_on: self.ends_on.clone(),
            budget_in: budget_in.to_owned(),
            budget,
            allowed: self.allowed.join(","),
        }
    }
}

/// A funding source as stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct SourceJson {
    pub id: Uuid,
    pub name: String,
    /// `grant`, `voucher_program` or `payer`.
    pub kind: &'static str,
    pub profile: Uuid,
    /// A grant's period, budget and services (null for the others).
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub budget_units: Option<u64>,
    pub budget_cents: Option<u64>,
    pub allowed: Vec<String>,
}

impl From<&SourceRow> for SourceJson {
    fn from(r: &SourceRow) -> Self {
        let mut out = Self {
            id: r.id,
            name: r.name.clone(),
            kind: r.funding.kind(),
            profile: r.profile,
            starts_on: None,
            ends_on: None,
            budget_units: None,
            budget_cents: None,
            allowed: Vec::new(),
        };
        if let Funding::Grant { starts_on, ends_on, budget, allowed } = &r.funding {
            out.starts_on = Some(*starts_on);
            out.ends_on = Some(*ends_on);
            match budget {
                Budget::Units(u) => out.budget_units = Some(*u),
                Budget::Cents(c) => out.budget_cents = Some(*c),
            }
            out.allowed = allowed.iter().map(|c| c.as_str().to_owned()).collect();
        }
        out
    }
}

/// A voucher as issued.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct VoucherBody {
    #[schema(schema_with = crate::schemas::funding::voucher_program, required = true)]
    pub funding_source: String,
    #[schema(schema_with = crate::schemas::funding::number, required = true)]
    pub number: String,
    #[schema(schema_with = crate::schemas::funding::authorized_units, required = true)]
    pub authorized_units: Option<i64>,
    #[schema(schema_with = crate::schemas::funding::expires_on, required = true)]
    pub expires_on: String,
}

impl VoucherBody {
    pub fn raw(&self) -> RawVoucher {
        RawVoucher {
            funding_source: self.funding_source.clone(),
            number: self.number.clone(),
            authorized_units: opt(self.authorized_units),
            expires_on: self.expires_on.clone(),
        }
    }
}
