//! Recovery housing (issue 19): recovery residences ("sober living homes" in Connecticut's statute), their NARR
//! level of support and certification, who they serve, and the rules the registry, the operator's page, the
//! public board and the state view share.
//!
//! Sources:
//! - **C.G.S. §17a-716** (sober living homes). (a) defines a sober living home (an alcohol- and drug-free residence
//!   where unrelated adults in recovery from a substance use disorder choose to live together, with no formal
//!   treatment services) and its operator. (b) lets the operator of a home *certified as a recovery residence by
//!   an affiliate of the National Alliance for Recovery Residences* (in Connecticut, CCAR's Connecticut Alliance
//!   of Recovery Residences) *or another organization DMHAS recognizes* report its certified status to DMHAS,
//!   provided it keeps **at least two doses of an opioid antagonist** on the premises and **trains all residents**
//!   in its administration when at least one resident has been diagnosed with an opioid use disorder; a reporting
//!   operator gives **the number of available beds at its report and weekly thereafter**, and DMHAS posts the
//!   list. (c) forbids holding a home out as certified when it is not. So: the public board lists only homes
//!   whose certificate is current ([`Certification::status`]), a report older than seven days is stale
//!   ([`report`]), and the antagonist rule is [`naloxone_flags`].
//! - **NARR levels of support** (NARR Standard): four *kinds* of support — I peer-run, II monitored, III
//!   supervised, IV service provider. NARR says plainly that the levels are not a rating: one is not better than
//!   another. Pathways keeps them as a kind ([`NarrLevel`]), never sorts the board by them, and says so on the
//!   page.
//!
//! No official code is invented: the level is NARR's roman numeral, the certifying body and certificate number
//! are the certifier's own text.

pub mod board;
pub mod form;
pub mod report;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::FieldError;

/// The most beds one residence may have (a bound that catches typing errors; Connecticut homes are small).
pub const MAX_BEDS: u32 = 500;
/// The most a week may cost, in whole dollars (a typing-error bound).
pub const MAX_WEEKLY_COST: u32 = 5_000;
/// The fewest opioid-antagonist doses a home with a resident diagnosed with an opioid use disorder keeps on the
/// premises (C.G.S. §17a-716(b): "at least two doses").
pub const MIN_NALOXONE_DOSES: u32 = 2;

/// A NARR level of support: the kind of support a residence gives, not a ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NarrLevel {
    /// Level I, peer-run: democratically run by the residents, no paid staff in the house.
    #[serde(rename = "I")]
    PeerRun,
    /// Level II, monitored: a house manager or senior resident, house rules and peer accountability.
    #[serde(rename = "II")]
    Monitored,
    /// Level III, supervised: trained, supervised staff; structured programming and life-skills support.
    #[serde(rename = "III")]
    Supervised,
    /// Level IV, service provider: clinical services in house, credentialed staff, often a step down from
    /// treatment.
    #[serde(rename = "IV")]
    ServiceProvider,
}

impl NarrLevel {
    pub const ALL: [NarrLevel; 4] =
        [NarrLevel::PeerRun, NarrLevel::Monitored, NarrLevel::Supervised, NarrLevel::ServiceProvider];

    /// NARR's own name for the level (the stored and API code): `I` … `IV`.
    pub const fn code(self) -> &'static str {
        match self {
            NarrLevel::PeerRun => "I",
            NarrLevel::Monitored => "II",
            NarrLevel::Supervised => "III",
            NarrLevel::ServiceProvider => "IV",
        }
    }

    /// The message-key part for the page's words (`housing-level-peer-run` …).
    pub const fn key(self) -> &'static str {
        match self {
            NarrLevel::PeerRun => "peer-run",
            NarrLevel::Monitored => "monitored",
            NarrLevel::Supervised => "supervised",
            NarrLevel::ServiceProvider => "service-provider",
        }
    }

    /// Reads `I`…`IV` (any case) or `1`…`4`.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        NarrLevel::ALL
            .into_iter()
            .enumerate()
            .find_map(|(i, l)| (l.code().eq_ignore_ascii_case(s) || s == (i + 1).to_string()).then_some(l))
    }
}

/// Who a residence serves (as the operator attests). A residence may serve several groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Population {
    Men,
    Women,
    WomenWithChildren,
    /// LGBTQ+ residents (a house that affirms and centres them).
    Lgbtq,
    YoungAdults,
}

impl Population {
    pub const ALL: [Population; 5] =
        [Population::Men, Population::Women, Population::WomenWithChildren, Population::Lgbtq, Population::YoungAdults];

    pub const fn code(self) -> &'static str {
        match self {
            Population::Men => "men",
            Population::Women => "women",
            Population::WomenWithChildren => "women_with_children",
            Population::Lgbtq => "lgbtq",
            Population::YoungAdults => "young_adults",
        }
    }

    /// The message-key part (`housing-population-women-with-children`).
    pub fn key(self) -> String {
        self.code().replace('_', "-")
    }

    pub fn parse(s: &str) -> Option<Self> {
        Population::ALL.into_iter().find(|p| p.code() == s.trim())
    }

    /// Reads a stored comma-separated list, skipping what it does not know.
    pub fn parse_list(s: &str) -> Vec<Self> {
        let mut v: Vec<Self> = s.split(',').filter_map(Population::parse).collect();
        v.sort();
        v.dedup();
        v
    }

    pub fn join(list: &[Population]) -> String {
        list.iter().map(|p| p.code()).collect::<Vec<_>>().join(",")
    }
}

/// How a resident may pay.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Payment {
    SelfPay,
    /// A housing or recovery-support voucher (whoever issues it; Pathways names no program).
    Voucher,
}

impl Payment {
    pub const ALL: [Payment; 2] = [Payment::SelfPay, Payment::Voucher];

    pub const fn code(self) -> &'static str {
        match self {
            Payment::SelfPay => "self_pay",
            Payment::Voucher => "voucher",
        }
    }

    pub fn key(self) -> String {
        self.code().replace('_', "-")
    }

    pub fn parse(s: &str) -> Option<Self> {
        Payment::ALL.into_iter().find(|p| p.code() == s.trim())
    }

    pub fn parse_list(s: &str) -> Vec<Self> {
        let mut v: Vec<Self> = s.split(',').filter_map(Payment::parse).collect();
        v.sort();
        v.dedup();
        v
    }

    pub fn join(list: &[Payment]) -> String {
        list.iter().map(|p| p.code()).collect::<Vec<_>>().join(",")
    }
}

/// A residence's certificate, as its certifier issued it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Certification {
    /// The certifying body's name, as it names itself.
    pub body: String,
    /// The certificate's number, as the certifier wrote it.
    pub number: String,
    /// The last day the certificate is valid.
    pub expires_on: NaiveDate,
}

/// Whether a residence may be shown as certified today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificationStatus {
    Current,
    /// Valid, but ending within [`Certification::EXPIRING_WITHIN_DAYS`] days: the operator is told to renew.
    Expiring,
    Expired,
    /// No certificate recorded: the home may not be held out as certified (§17a-716(c)).
    None,
}

impl CertificationStatus {
    pub const ALL: [CertificationStatus; 4] = [
        CertificationStatus::Current,
        CertificationStatus::Expiring,
        CertificationStatus::Expired,
        CertificationStatus::None,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            CertificationStatus::Current => "current",
            CertificationStatus::Expiring => "expiring",
            CertificationStatus::Expired => "expired",
            CertificationStatus::None => "none",
        }
    }

    /// Whether the public board may list the residence: only while its certificate is valid.
    pub const fn listed(self) -> bool {
        matches!(self, CertificationStatus::Current | CertificationStatus::Expiring)
    }
}

impl Certification {
    /// How many days before expiry the operator is reminded to renew.
    pub const EXPIRING_WITHIN_DAYS: i64 = 30;

    /// The status of an optional certificate on `today` (the deployment's local date). A certificate is valid
    /// through its expiry date and expired from the next day.
    pub fn status(cert: Option<&Certification>, today: NaiveDate) -> CertificationStatus {
        match cert {
            None => CertificationStatus::None,
            Some(c) if today > c.expires_on => CertificationStatus::Expired,
            Some(c) if (c.expires_on - today).num_days() < Self::EXPIRING_WITHIN_DAYS => CertificationStatus::Expiring,
            Some(_) => CertificationStatus::Current,
        }
    }
}

/// Why the antagonist attestation needs attention (C.G.S. §17a-716(b)). Shown to the operator and counted for
/// the state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NaloxoneFlag {
    /// Fewer than two doses on the premises.
    TooFewDoses,
    /// No date recorded on which the residents were trained.
    NoTraining,
}

impl NaloxoneFlag {
    pub const fn code(self) -> &'static str {
        match self {
            NaloxoneFlag::TooFewDoses => "too_few_doses",
            NaloxoneFlag::NoTraining => "no_training",
        }
    }
}

/// The antagonist rule: a residence that attests it has a resident diagnosed with an opioid use disorder keeps
/// at least two doses on the premises and has trained its residents. A residence that does not attest one is
/// never flagged (the statute asks nothing of it).
pub fn naloxone_flags(serves_oud: bool, doses: u32, trained_on: Option<NaiveDate>) -> Vec<NaloxoneFlag> {
    if !serves_oud {
        return Vec::new();
    }
    let mut flags = Vec::new();
    if doses < MIN_NALOXONE_DOSES {
        flags.push(NaloxoneFlag::TooFewDoses);
    }
    if trained_on.is_none() {
        flags.push(NaloxoneFlag::NoTraining);
    }
    flags
}

/// Checks a bed total: a whole number from 0 to [`MAX_BEDS`].
pub fn total_beds(raw: i64) -> Result<u32, FieldError> {
    match u32::try_from(raw) {
        Err(_) if raw < 0 => Err(FieldError::new("total_beds", "negative")),
        Ok(n) if n <= MAX_BEDS => Ok(n),
        _ => Err(FieldError::new("total_beds", "too-large")),
    }
}

/// Checks a weekly cost in whole dollars.
pub fn weekly_cost(raw: i64) -> Result<u32, FieldError> {
    match u32::try_from(raw) {
        Err(_) if raw < 0 => Err(FieldError::new("cost_per_week", "negative")),
        Ok(n) if n <= MAX_WEEKLY_COST => Ok(n),
        _ => Err(FieldError::new("cost_per_week", "too-large")),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn levels_read_roman_and_arabic_and_are_not_ranked() {
        for (i, l) in NarrLevel::ALL.into_iter().enumerate() {
            assert_eq!(NarrLevel::parse(l.code()), Some(l));
            assert_eq!(NarrLevel::parse(&(i + 1).to_string()), Some(l));
        }
        assert_eq!(NarrLevel::parse("iii"), Some(NarrLevel::Supervised));
        assert_eq!(NarrLevel::parse("V"), None);
        assert_eq!(NarrLevel::parse("0"), None);
        assert_eq!(serde_json::to_string(&NarrLevel::ServiceProvider).ok().as_deref(), Some("\"IV\""));
    }

    #[test]
    fn populations_and_payments_round_trip_through_their_stored_lists() {
        for p in Population::ALL {
            assert_eq!(Population::parse(p.code()), Some(p));
        }
        let list = Population::parse_list("women,lgbtq,unknown,women");
        assert_eq!(list, [Population::Women, Population::Lgbtq]);
        assert_eq!(Population::parse_list(&Population::join(&list)), list);
        assert_eq!(Population::WomenWithChildren.key(), "women-with-children");
        assert_eq!(Payment::parse_list("voucher,self_pay"), [Payment::SelfPay, Payment::Voucher]);
        assert_eq!(Payment::parse_list(""), []);
    }

    #[test]
    fn a_certificate_is_valid_through_its_expiry_day() {
        let cert = Certification { body: "CTARR".into(), number: "A-1".into(), expires_on: day(2026, 12, 31) };
        let s = |d| Certification::status(Some(&cert), d);
        assert_eq!(s(day(2026, 11, 1)), CertificationStatus::Current);
        assert_eq!(s(day(2026, 12, 2)), CertificationStatus::Expiring, "29 days left");
        assert_eq!(s(day(2026, 12, 1)), CertificationStatus::Current, "30 days left");
        assert_eq!(s(day(2026, 12, 31)), CertificationStatus::Expiring, "the last valid day");
        assert_eq!(s(day(2027, 1, 1)), CertificationStatus::Expired);
        assert_eq!(Certification::status(None, day(2026, 1, 1)), CertificationStatus::None);
        let listed: Vec<_> = CertificationStatus::ALL.into_iter().filter(|s| s.listed()).collect();
        assert_eq!(listed, [CertificationStatus::Current, CertificationStatus::Expiring]);
    }

    #[test]
    fn the_naloxone_rule_applies_only_to_homes_with_a_resident_with_oud() {
        let trained = Some(day(2026, 10, 1));
        assert_eq!(naloxone_flags(true, 1, trained), [NaloxoneFlag::TooFewDoses]);
        assert_eq!(naloxone_flags(true, 0, None), [NaloxoneFlag::TooFewDoses, NaloxoneFlag::NoTraining]);
        assert_eq!(naloxone_flags(true, 2, trained), [], "two doses is enough");
        assert_eq!(naloxone_flags(true, 2, None), [NaloxoneFlag::NoTraining]);
        assert_eq!(naloxone_flags(false, 0, None), [], "the statute asks nothing of a home without one");
    }

    #[test]
    fn totals_and_costs_are_bounded() {
        assert_eq!(total_beds(0), Ok(0));
        assert_eq!(total_beds(500), Ok(500));
        assert_eq!(total_beds(-1), Err(FieldError::new("total_beds", "negative")));
        assert_eq!(total_beds(501), Err(FieldError::new("total_beds", "too-large")));
        assert_eq!(total_beds(i64::MAX), Err(FieldError::new("total_beds", "too-large")));
        assert_eq!(weekly_cost(175), Ok(175));
        assert_eq!(weekly_cost(-5), Err(FieldError::new("cost_per_week", "negative")));
    }

    proptest! {
        #[test]
        fn a_home_without_a_resident_with_oud_is_never_flagged(doses in 0u32..10, trained in any::<bool>()) {
            prop_assert!(naloxone_flags(false, doses, trained.then(|| day(2026, 1, 1))).is_empty());
            let flagged = naloxone_flags(true, doses, Some(day(2026, 1, 1)));
            prop_assert_eq!(flagged.contains(&NaloxoneFlag::TooFewDoses), doses < 2);
        }

        #[test]
        fn expiry_is_monotonic(offset in -400i64..400) {
            let expires_on = day(2026, 6, 30);
            let cert = Certification { body: "b".into(), number: "n".into(), expires_on };
            let today = expires_on + chrono::Duration::days(offset);
            let status = Certification::status(Some(&cert), today);
            prop_assert_eq!(status.listed(), offset <= 0);
        }
    }
}
