//! A payer profile, a funding source and a voucher as an organization administrator types them (issue 21),
//! parsed into valid values with every problem named by its field. Nothing here is an official figure: a profile's
//! unit length, rounding, caps and rate are the payer's, entered by the organization (docs/FINANCING.md).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Budget, Funding, Modifier, PayerProfile, Rounding, ServiceCode, Voucher};
use crate::text::{FieldError, required_text};

/// A payer profile as typed: numbers as text (blank: no limit), lists comma- or space-separated.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawProfile {
    pub name: String,
    pub unit_minutes: String,
    /// `midpoint` or `whole_units`.
    pub rounding: String,
    pub daily_cap_units: String,
    pub min_age: String,
    pub max_age: String,
    pub diagnosis_required: bool,
    pub no_same_day: String,
    pub credential_required: bool,
    pub supervision_within_days: String,
    pub cosign_required: bool,
    pub authorization_required: bool,
    /// Dollars for one unit (`18.50`).
    pub rate: String,
    /// Blank: H0038.
    pub codes: String,
    pub modifiers: String,
}

impl RawProfile {
    /// The form filled with a stored profile (for editing it).
    pub fn of(p: &PayerProfile) -> Self {
        let join = |v: Vec<&str>| v.join(", ");
        let opt = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        Self {
            name: p.name.clone(),
            unit_minutes: p.unit_minutes.to_string(),
            rounding: p.rounding.as_str().to_owned(),
            daily_cap_units: opt(p.daily_cap_units),
            min_age: opt(p.min_age.map(u32::from)),
            max_age: opt(p.max_age.map(u32::from)),
            diagnosis_required: p.diagnosis_required,
            no_same_day: join(p.no_same_day.iter().map(ServiceCode::as_str).collect()),
            credential_required: p.credential_required,
            supervision_within_days: opt(p.supervision_within_days.map(u32::from)),
            cosign_required: p.cosign_required,
            authorization_required: p.authorization_required,
            rate: dollars(u64::from(p.rate_cents)),
            codes: join(p.codes.iter().map(ServiceCode::as_str).collect()),
            modifiers: join(p.modifiers.iter().map(Modifier::as_str).collect()),
        }
    }
}

/// Cents as a dollar amount without the sign (`1850` → `18.50`).
pub fn dollars(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// A whole number in `lo..=hi`; blank is `None`.
fn number(field: &'static str, raw: &str, lo: u64, hi: u64, errors: &mut Vec<FieldError>) -> Option<u64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<u64>() {
        Ok(n) if (lo..=hi).contains(&n) => Some(n),
        Ok(_) => {
            errors.push(FieldError::new(field, "out-of-range"));
            None
        }
        Err(_) if raw.starts_with('-') => {
            errors.push(FieldError::new(field, "negative"));
            None
        }
        Err(_) => {
            errors.push(FieldError::new(field, "invalid"));
            None
        }
    }
}

/// A dollar amount (`18`, `18.5`, `18.50`, a leading `$` allowed) as cents, up to `max_cents`.
pub fn parse_cents(field: &'static str, raw: &str, max_cents: u64) -> Result<u64, FieldError> {
    let s = raw.trim().trim_start_matches('$').replace(',', "");
    if s.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    if s.starts_with('-') {
        return Err(FieldError::new(field, "negative"));
    }
    let (whole, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) || frac.len() > 2 || whole.len() > 12 {
        return Err(FieldError::new(field, "invalid"));
    }
    let whole: u64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| FieldError::new(field, "invalid"))? };
    let frac: u64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<u64>().map_err(|_| FieldError::new(field, "invalid"))? * 10,
        _ => frac.parse().map_err(|_| FieldError::new(field, "invalid"))?,
    };
    let cents = whole.checked_mul(100).and_then(|c| c.checked_add(frac)).ok_or(FieldError::new(field, "too-large"))?;
    if cents > max_cents { Err(FieldError::new(field, "too-large")) } else { Ok(cents) }
}

fn items(raw: &str) -> impl Iterator<Item = &str> {
    raw.split([',', ' ', ';']).map(str::trim).filter(|s| !s.is_empty())
}

/// A list of HCPCS Level II codes (a letter and four digits each); duplicates dropped.
fn codes(field: &'static str, raw: &str, errors: &mut Vec<FieldError>) -> Vec<ServiceCode> {
    let mut out: Vec<ServiceCode> = Vec::new();
    for item in items(raw) {
        match ServiceCode::parse(item) {
            Some(c) if !out.contains(&c) => out.push(c),
            Some(_) => {}
            None => {
                errors.push(FieldError::new(field, "invalid-code"));
                return Vec::new();
            }
        }
    }
    out
}

/// The most cents a rate or a budget may be ($1,000,000,000): far above any real figure, below overflow.
const MAX_CENTS: u64 = 100_000_000_000;

impl PayerProfile {
    /// Parses a payer profile as typed, naming every problem by its field.
    pub fn parse(raw: &RawProfile) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = required_text("name", &raw.name, 120).map_err(|e| errors.push(e)).ok();
        let unit_minutes = if raw.unit_minutes.trim().is_empty() {
            errors.push(FieldError::new("unit_minutes", "required"));
            None
        } else {
            number("unit_minutes", &raw.unit_minutes, 1, 240, &mut errors)
        };
        let rounding = Rounding::parse(raw.rounding.trim());
        if rounding.is_none() {
            errors.push(FieldError::new("rounding", "unknown-choice"));
        }
        let daily_cap_units = number("daily_cap_units", &raw.daily_cap_units, 1, 1_000, &mut errors);
        let min_age = number("min_age", &raw.min_age, 0, 120, &mut errors);
        let max_age = number("max_age", &raw.max_age, 0, 120, &mut errors);
        if let (Some(lo), Some(hi)) = (min_age, max_age)
            && lo > hi
        {
            errors.push(FieldError::new("max_age", "out-of-range"));
        }
        let supervision_within_days =
            number("supervision_within_days", &raw.supervision_within_days, 1, 3_660, &mut errors);
        let rate_cents = parse_cents("rate", &raw.rate, u64::from(u32::MAX)).map_err(|e| errors.push(e)).ok();
        let mut service_codes = codes("codes", &raw.codes, &mut errors);
        if service_codes.is_empty() && items(&raw.codes).next().is_none() {
            service_codes.push(ServiceCode::peer_services());
        }
        let no_same_day = codes("no_same_day", &raw.no_same_day, &mut errors);
        let mut modifiers: Vec<Modifier> = Vec::new();
        for item in items(&raw.modifiers) {
            match Modifier::parse(item) {
                Some(m) if !modifiers.contains(&m) => modifiers.push(m),
                Some(_) => {}
                None => {
                    errors.push(FieldError::new("modifiers", "invalid-modifier"));
                    break;
                }
            }
        }
        let (Some(name), Some(unit_minutes), Some(rounding), Some(rate_cents)) =
            (name, unit_minutes, rounding, rate_cents)
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let small = |n: Option<u64>| n.and_then(|n| u8::try_from(n).ok());
        let profile = PayerProfile {
            name,
            unit_minutes: u16::try_from(unit_minutes).unwrap_or(15),
            rounding,
            daily_cap_units: daily_cap_units.and_then(|n| u32::try_from(n).ok()),
            min_age: small(min_age),
            max_age: small(max_age),
            diagnosis_required: raw.diagnosis_required,
            no_same_day,
            credential_required: raw.credential_required,
            supervision_within_days: supervision_within_days.and_then(|n| u16::try_from(n).ok()),
            cosign_required: raw.cosign_required,
            authorization_required: raw.authorization_required,
            rate_cents: u32::try_from(rate_cents).unwrap_or(u32::MAX),
            codes: service_codes,
            modifiers,
        };
        profile.validate().map(|()| profile)
    }
}

/// A funding source as typed. The payer profile is chosen by id (the web layer checks it is the organization's).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawFundingSource {
    pub name: String,
    /// `grant`, `voucher_program` or `payer`.
    pub kind: String,
    pub profile: String,
    /// A grant's period.
    pub starts_on: String,
    pub ends_on: String,
    /// A grant's budget: `units` or `dollars`.
    pub budget_in: String,
    pub budget: String,
    /// The services a grant pays for (blank: H0038).
    pub allowed: String,
}

impl RawFundingSource {
    /// The form filled with a stored source (for editing it).
    pub fn of(name: &str, profile: uuid::Uuid, funding: &Funding) -> Self {
        let mut raw = Self {
            name: name.to_owned(),
            kind: funding.kind().to_owned(),
            profile: profile.to_string(),
            ..Self::default()
        };
        if let Funding::Grant { starts_on, ends_on, budget, allowed } = funding {
            raw.starts_on = starts_on.to_string();
            raw.ends_on = ends_on.to_string();
            (raw.budget_in, raw.budget) = match budget {
                Budget::Units(u) => ("units".to_owned(), u.to_string()),
                Budget::Cents(c) => ("dollars".to_owned(), dollars(*c)),
            };
            raw.allowed = allowed.iter().map(ServiceCode::as_str).collect::<Vec<_>>().join(", ");
        }
        raw
    }
}

/// A funding source, parsed: its name, the chosen profile's id and its terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundingSourceInput {
    pub name: String,
    pub profile: uuid::Uuid,
    pub funding: Funding,
}

fn date(field: &'static str, raw: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        errors.push(FieldError::new(field, "required"));
        return None;
    }
    let d =
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok().filter(|d| (2000..=2100).contains(&chrono::Datelike::year(d)));
    if d.is_none() {
        errors.push(FieldError::new(field, "invalid-date"));
    }
    d
}

impl FundingSourceInput {
    /// Parses a funding source: a name, a profile, a kind, and for a grant its period (the end not before the start),
    /// its budget (units or dollars, more than zero) and the services it pays for.
    pub fn parse(raw: &RawFundingSource) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = required_text("name", &raw.name, 120).map_err(|e| errors.push(e)).ok();
        let profile = raw.profile.trim().parse::<uuid::Uuid>().ok();
        if profile.is_none() {
            errors.push(FieldError::new(
                "profile",
                if raw.profile.trim().is_empty() { "required" } else { "unknown-choice" },
            ));
        }
        let funding = match raw.kind.trim() {
            "payer" => Some(Funding::Payer),
            "voucher_program" => Some(Funding::VoucherProgram),
            "grant" => {
                let starts_on = date("starts_on", &raw.starts_on, &mut errors);
                let ends_on = date("ends_on", &raw.ends_on, &mut errors);
                if let (Some(s), Some(e)) = (starts_on, ends_on)
                    && e < s
                {
                    errors.push(FieldError::new("ends_on", "before-start"));
                }
                let budget = match raw.budget_in.trim() {
                    "units" => match number("budget", &raw.budget, 1, 1_000_000_000, &mut errors) {
                        Some(u) => Some(Budget::Units(u)),
                        None if raw.budget.trim().is_empty() => {
                            errors.push(FieldError::new("budget", "required"));
                            None
                        }
                        None => None,
                    },
                    "dollars" => match parse_cents("budget", &raw.budget, MAX_CENTS) {
                        Ok(0) => {
                            errors.push(FieldError::new("budget", "out-of-range"));
                            None
                        }
                        Ok(c) => Some(Budget::Cents(c)),
                        Err(e) => {
                            errors.push(e);
                            None
                        }
                    },
                    _ => {
                        errors.push(FieldError::new("budget_in", "unknown-choice"));
                        None
                    }
                };
                let mut allowed = codes("allowed", &raw.allowed, &mut errors);
                if allowed.is_empty() && items(&raw.allowed).next().is_none() {
                    allowed.push(ServiceCode::peer_services());
                }
                match (starts_on, ends_on, budget) {
                    (Some(starts_on), Some(ends_on), Some(budget)) => {
                        Some(Funding::Grant { starts_on, ends_on, budget, allowed })
                    }
                    _ => None,
                }
            }
            _ => {
                errors.push(FieldError::new("kind", "unknown-choice"));
                None
            }
        };
        match (name, profile, funding) {
            (Some(name), Some(profile), Some(funding)) if errors.is_empty() => Ok(Self { name, profile, funding }),
            _ => Err(errors),
        }
    }
}

/// A voucher as typed: its number, the units authorized, its expiry (the program is chosen by id).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawVoucher {
    pub funding_source: String,
    pub number: String,
    pub authorized_units: String,
    pub expires_on: String,
}

impl Voucher {
    /// Parses a new voucher (its balance is what it authorizes): a number, 1–10,000 units, an expiry from today.
    pub fn parse(raw: &RawVoucher, today: NaiveDate) -> Result<(uuid::Uuid, Self), Vec<FieldError>> {
        let mut errors = Vec::new();
        let source = raw.funding_source.trim().parse::<uuid::Uuid>().ok();
        if source.is_none() {
            errors.push(FieldError::new(
                "funding_source",
                if raw.funding_source.trim().is_empty() { "required" } else { "unknown-choice" },
            ));
        }
        let number_text = required_text("number", &raw.number, 40).map_err(|e| errors.push(e)).ok();
        let units = if raw.authorized_units.trim().is_empty() {
            errors.push(FieldError::new("authorized_units", "required"));
            None
        } else {
            number("authorized_units", &raw.authorized_units, 1, 10_000, &mut errors)
        };
        let expires_on = date("expires_on", &raw.expires_on, &mut errors).filter(|d| {
            let ok = *d >= today;
            if !ok {
                errors.push(FieldError::new("expires_on", "date-out-of-range"));
            }
            ok
        });
        match (source, number_text, units, expires_on) {
            (Some(source), Some(number), Some(units), Some(expires_on)) if errors.is_empty() => {
                let units = u32::try_from(units).unwrap_or(0);
                Ok((
                    source,
                    Voucher { number, authorized_units: units, balance_units: units, expires_on, withdrawn: false },
                ))
            }
            _ => Err(errors),
        }
    }
}

/// A voucher's change as typed by an administrator: the units it authorizes, its expiry, and whether it is
/// withdrawn (its number and program stay).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawVoucherChange {
    pub authorized_units: String,
    pub expires_on: String,
    pub withdrawn: bool,
}

/// A voucher's change, parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoucherChange {
    pub authorized_units: u32,
    pub expires_on: NaiveDate,
    pub withdrawn: bool,
}

impl VoucherChange {
    /// Parses a change of a voucher of which `used` units are already taken by signed services: 1–10,000 units
    /// and never fewer than `used` (`authorized_units`, `below-used`: the balance would go below zero), an expiry
    /// from today (or the one it has, kept as it is). Its balance becomes the new units less those used.
    pub fn parse(
        raw: &RawVoucherChange,
        used: u32,
        current_expiry: NaiveDate,
        today: NaiveDate,
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let units = if raw.authorized_units.trim().is_empty() {
            errors.push(FieldError::new("authorized_units", "required"));
            None
        } else {
            number("authorized_units", &raw.authorized_units, 1, 10_000, &mut errors)
                .and_then(|u| u32::try_from(u).ok())
                .filter(|u| {
                    let ok = *u >= used;
                    if !ok {
                        errors.push(FieldError::new("authorized_units", "below-used"));
                    }
                    ok
                })
        };
        let expires_on = date("expires_on", &raw.expires_on, &mut errors).filter(|d| {
            let ok = *d >= today || *d == current_expiry;
            if !ok {
                errors.push(FieldError::new("expires_on", "date-out-of-range"));
            }
            ok
        });
        match (units, expires_on) {
            (Some(authorized_units), Some(expires_on)) if errors.is_empty() => {
                Ok(Self { authorized_units, expires_on, withdrawn: raw.withdrawn })
            }
            _ => Err(errors),
        }
    }

    /// The balance after the change, for a voucher with `used` units taken.
    pub const fn balance(&self, used: u32) -> u32 {
        self.authorized_units.saturating_sub(used)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn fields(e: Vec<FieldError>) -> Vec<&'static str> {
        e.into_iter().map(|e| e.field).collect()
    }

    fn medicaid_like() -> RawProfile {
        RawProfile {
            name: "Medicaid-like".into(),
            unit_minutes: "15".into(),
            rounding: "midpoint".into(),
            daily_cap_units: "16".into(),
            min_age: "18".into(),
            rate: "$18.50".into(),
            modifiers: "hf, HF".into(),
            cosign_required: true,
            ..RawProfile::default()
        }
    }

    #[test]
    fn a_profile_is_parsed_with_its_defaults_and_round_trips_through_the_form() {
        let p = PayerProfile::parse(&medicaid_like()).expect("valid");
        assert_eq!(
            (p.unit_minutes, p.rounding, p.daily_cap_units, p.min_age, p.max_age),
            (15, Rounding::Midpoint, Some(16), Some(18), None)
        );
        assert_eq!(p.rate_cents, 1_850);
        assert_eq!(p.codes, vec![ServiceCode::peer_services()], "blank codes: H0038");
        assert_eq!(p.modifiers.len(), 1, "a modifier once");
        assert!(p.cosign_required && !p.credential_required);
        assert_eq!(PayerProfile::parse(&RawProfile::of(&p)), Ok(p));
    }

    #[test]
    fn a_profile_names_every_bad_field() {
        let raw = RawProfile {
            name: " ".into(),
            unit_minutes: "0".into(),
            rounding: "up".into(),
            daily_cap_units: "-2".into(),
            min_age: "30".into(),
            max_age: "21".into(),
            supervision_within_days: "soon".into(),
            rate: "12.345".into(),
            codes: "H0038, 99213".into(),
            modifiers: "H".into(),
            ..RawProfile::default()
        };
        assert_eq!(
            fields(PayerProfile::parse(&raw).expect_err("invalid")),
            [
                "name",
                "unit_minutes",
                "rounding",
                "daily_cap_units",
                "max_age",
                "supervision_within_days",
                "rate",
                "codes",
                "modifiers"
            ]
        );
        let no_rate = RawProfile { rate: String::new(), ..medicaid_like() };
        assert_eq!(fields(PayerProfile::parse(&no_rate).expect_err("no rate")), ["rate"]);
    }

    #[test]
    fn dollars_become_cents_exactly() {
        for (raw, cents) in
            [("18", 1_800), ("18.5", 1_850), ("$18.50", 1_850), (".75", 75), ("1,200.00", 120_000), ("0", 0)]
        {
            assert_eq!(parse_cents("rate", raw, MAX_CENTS), Ok(cents), "{raw}");
        }
        for (raw, code) in [
            ("", "required"),
            ("-1", "negative"),
            ("1.234", "invalid"),
            ("1.2.3", "invalid"),
            ("abc", "invalid"),
            (".", "invalid"),
        ] {
            assert_eq!(parse_cents("rate", raw, MAX_CENTS), Err(FieldError::new("rate", code)), "{raw}");
        }
        assert_eq!(parse_cents("rate", "100", 9_999), Err(FieldError::new("rate", "too-large")));
        assert_eq!(dollars(1_850), "18.50");
    }

    fn grant() -> RawFundingSource {
        RawFundingSource {
            name: "State recovery grant".into(),
            kind: "grant".into(),
            profile: uuid::Uuid::nil().to_string(),
            starts_on: "2026-07-01".into(),
            ends_on: "2027-06-30".into(),
            budget_in: "dollars".into(),
            budget: "250000".into(),
            allowed: String::new(),
        }
    }

    #[test]
    fn a_grant_has_a_period_a_budget_and_its_services() {
        let g = FundingSourceInput::parse(&grant()).expect("valid");
        assert_eq!(
            g.funding,
            Funding::Grant {
                starts_on: d(2026, 7, 1),
                ends_on: d(2027, 6, 30),
                budget: Budget::Cents(25_000_000),
                allowed: vec![ServiceCode::peer_services()],
            }
        );
        let again = RawFundingSource::of(&g.name, g.profile, &g.funding);
        assert_eq!(FundingSourceInput::parse(&again), Ok(g));
        let units = RawFundingSource { budget_in: "units".into(), budget: "4000".into(), ..grant() };
        assert!(matches!(
            FundingSourceInput::parse(&units).expect("units").funding,
            Funding::Grant { budget: Budget::Units(4_000), .. }
        ));
        let payer = RawFundingSource { kind: "payer".into(), starts_on: String::new(), budget: "x".into(), ..grant() };
        assert_eq!(FundingSourceInput::parse(&payer).expect("a payer has no period").funding, Funding::Payer);
    }

    #[test]
    fn a_funding_source_names_every_bad_field() {
        let bad = RawFundingSource {
            name: String::new(),
            profile: "not-an-id".into(),
            ends_on: "2026-06-30".into(),
            budget: "0".into(),
            allowed: "H0038 X".into(),
            ..grant()
        };
        assert_eq!(
            fields(FundingSourceInput::parse(&bad).expect_err("invalid")),
            ["name", "profile", "ends_on", "budget", "allowed"]
        );
        let unknown = RawFundingSource { kind: "loan".into(), ..grant() };
        assert_eq!(fields(FundingSourceInput::parse(&unknown).expect_err("kind")), ["kind"]);
        let no_period =
            RawFundingSource { starts_on: String::new(), ends_on: "July".into(), budget_in: "euros".into(), ..grant() };
        assert_eq!(
            fields(FundingSourceInput::parse(&no_period).expect_err("period")),
            ["starts_on", "ends_on", "budget_in"]
        );
    }

    #[test]
    fn a_voucher_starts_full_and_expires_from_today() {
        let today = d(2026, 12, 6);
        let raw = RawVoucher {
            funding_source: uuid::Uuid::nil().to_string(),
            number: " V-2026-001 ".into(),
            authorized_units: "40".into(),
            expires_on: "2027-03-31".into(),
        };
        let (source, v) = Voucher::parse(&raw, today).expect("valid");
        assert_eq!(source, uuid::Uuid::nil());
        assert_eq!(
            (v.number.as_str(), v.authorized_units, v.balance_units, v.expires_on),
            ("V-2026-001", 40, 40, d(2027, 3, 31))
        );
        let bad = RawVoucher {
            funding_source: String::new(),
            number: String::new(),
            authorized_units: "0".into(),
            expires_on: "2026-12-05".into(),
        };
        assert_eq!(
            fields(Voucher::parse(&bad, today).expect_err("invalid")),
            ["funding_source", "number", "authorized_units", "expires_on"]
        );
        let too_many = RawVoucher { authorized_units: "10001".into(), ..raw };
        assert_eq!(fields(Voucher::parse(&too_many, today).expect_err("too many")), ["authorized_units"]);
    }

    #[test]
    fn a_vouchers_units_never_go_below_those_used() {
        let today = d(2026, 12, 6);
        let raw = |units: &str, expires: &str| RawVoucherChange {
            authorized_units: units.into(),
            expires_on: expires.into(),
            withdrawn: false,
        };
        let kept = d(2026, 11, 30);
        let c = VoucherChange::parse(&raw("12", "2027-01-31"), 12, kept, today).expect("exactly the units used");
        assert_eq!((c.authorized_units, c.balance(12)), (12, 0));
        let errors = VoucherChange::parse(&raw("11", "2027-01-31"), 12, kept, today).expect_err("below used");
        assert_eq!(errors, [FieldError::new("authorized_units", "below-used")]);
        assert!(VoucherChange::parse(&raw("20", "2026-11-30"), 0, kept, today).is_ok(), "an expiry kept as it was");
        let errors = VoucherChange::parse(&raw("0", "2026-11-29"), 0, kept, today).expect_err("invalid");
        assert_eq!(fields(errors), ["authorized_units", "expires_on"]);
        let errors = VoucherChange::parse(&raw("", ""), 0, kept, today).expect_err("required");
        assert_eq!(fields(errors), ["authorized_units", "expires_on"]);
    }

    proptest::proptest! {
        /// Whatever the change, an accepted one leaves a balance of its units less those used, never negative.
        #[test]
        fn an_accepted_change_keeps_the_units_used(units in 0u32..12_000, used in 0u32..10_000) {
            let today = d(2026, 12, 6);
            let raw = RawVoucherChange {
                authorized_units: units.to_string(),
                expires_on: "2027-06-30".into(),
                withdrawn: false,
            };
            match VoucherChange::parse(&raw, used, today, today) {
                Ok(c) => {
                    proptest::prop_assert!(c.authorized_units >= used && (1..=10_000).contains(&c.authorized_units));
                    proptest::prop_assert_eq!(c.balance(used) + used, c.authorized_units);
                }
                Err(_) => proptest::prop_assert!(units < used || !(1..=10_000).contains(&units)),
            }
        }
    }
}
