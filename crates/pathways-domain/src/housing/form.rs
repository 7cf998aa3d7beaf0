//! A residence's details as its operator keeps them (the edit page and `PUT /api/v1/residences/{id}`): the form
//! as typed ([`ResidenceForm`], every field text or a list of codes) and the checked details
//! ([`ResidenceDetails::parse`]), every problem named on its field. The bed report is not here: available beds
//! are reported, never edited (`report.rs`).

use chrono::NaiveDate;

use super::{Certification, NarrLevel, Payment, Population, total_beds, weekly_cost};
use crate::ids::ServiceId;
use crate::text::{FieldError, optional_multiline, optional_text, required_text};

/// The most characters of a name, an address, a town, a region, a certifier or a certificate number.
pub const MAX_SHORT: usize = 200;
/// The most characters of the house rules or the disclaimer.
pub const MAX_LONG: usize = 2_000;
/// The most antagonist doses one home records (a typing-error bound, as the bed report's).
pub const MAX_DOSES: u32 = 1_000;

/// The form as typed (or as the API's JSON gives it, turned into the same words).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResidenceForm {
    pub name: String,
    pub address: String,
    pub town: String,
    pub zip: String,
    pub region: String,
    pub narr_level: String,
    pub populations: Vec<String>,
    pub accepts_moud: bool,
    pub serves_oud: bool,
    pub total_beds: String,
    pub cert_body: String,
    pub cert_number: String,
    pub cert_expires_on: String,
    pub house_rules: String,
    pub cost_per_week: String,
    pub payments: Vec<String>,
    pub naloxone_doses: String,
    pub naloxone_trained_on: String,
    pub disclaimer: String,
}

/// The checked details.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResidenceDetails {
    pub name: String,
    pub address: String,
    pub town: String,
    pub zip: Option<String>,
    pub region: Option<String>,
    pub level: NarrLevel,
    pub populations: Vec<Population>,
    pub accepts_moud: bool,
    pub serves_oud: bool,
    pub total_beds: u32,
    pub certification: Option<Certification>,
    pub house_rules: Option<String>,
    pub cost_per_week: Option<u32>,
    pub payments: Vec<Payment>,
    pub naloxone_doses: u32,
    pub naloxone_trained_on: Option<NaiveDate>,
    pub disclaimer: String,
}

fn take<T>(errors: &mut Vec<FieldError>, r: Result<T, FieldError>) -> Option<T> {
    r.map_err(|e| errors.push(e)).ok()
}

fn whole(field: &'static str, raw: &str) -> Result<Option<i64>, FieldError> {
    match raw.trim() {
        "" => Ok(None),
        s => s.parse::<i64>().map(Some).map_err(|_| FieldError::new(field, "out-of-range")),
    }
}

fn date(field: &'static str, raw: &str) -> Result<Option<NaiveDate>, FieldError> {
    match raw.trim() {
        "" => Ok(None),
        s => NaiveDate::parse_from_str(s, "%Y-%m-%d").map(Some).map_err(|_| FieldError::new(field, "invalid-date")),
    }
}

fn codes<T: Ord>(field: &'static str, raw: &[String], parse: fn(&str) -> Option<T>) -> Result<Vec<T>, FieldError> {
    let mut out = Vec::new();
    for s in raw.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        out.push(parse(s).ok_or(FieldError::new(field, "unknown-choice"))?);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

impl ResidenceDetails {
    /// Checks a form on `today` (the deployment's date: residents can't have been trained in the future). A
    /// certificate is all three of its fields or none; a ZIP code is five digits.
    pub fn parse(f: &ResidenceForm, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let e = &mut errors;
        let name = take(e, required_text("name", &f.name, MAX_SHORT));
        let address = take(e, required_text("address", &f.address, MAX_SHORT));
        let town = take(e, required_text("town", &f.town, MAX_SHORT));
        let zip = take(
            e,
            optional_text("zip", &f.zip, 10).and_then(|z| match z {
                Some(z) if z.len() == 5 && z.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(z)),
                Some(_) => Err(FieldError::new("zip", "invalid-postal-code")),
                None => Ok(None),
            }),
        );
        let region = take(e, optional_text("region", &f.region, MAX_SHORT));
        let level = take(
            e,
            match f.narr_level.trim() {
                "" => Err(FieldError::new("narr_level", "required")),
                s => NarrLevel::parse(s).ok_or(FieldError::new("narr_level", "unknown-choice")),
            },
        );
        let populations = take(e, codes("populations", &f.populations, Population::parse));
        let payments = take(e, codes("payments", &f.payments, Payment::parse));
        let beds = take(
            e,
            whole("total_beds", &f.total_beds)
                .and_then(|n| n.ok_or(FieldError::new("total_beds", "required")))
                .and_then(total_beds),
        );
        let cost = take(e, whole("cost_per_week", &f.cost_per_week).and_then(|n| n.map(weekly_cost).transpose()));
        let doses = take(
            e,
            whole("naloxone_doses", &f.naloxone_doses).and_then(|n| match n.unwrap_or(0) {
                n if n < 0 => Err(FieldError::new("naloxone_doses", "negative")),
                n => u32::try_from(n)
                    .ok()
                    .filter(|n| *n <= MAX_DOSES)
                    .ok_or(FieldError::new("naloxone_doses", "too-large")),
            }),
        );
        let trained = take(
            e,
            date("naloxone_trained_on", &f.naloxone_trained_on).and_then(|d| match d {
                Some(d) if d > today => Err(FieldError::new("naloxone_trained_on", "date-out-of-range")),
                d => Ok(d),
            }),
        );
        let house_rules = take(e, optional_multiline("house_rules", &f.house_rules, MAX_LONG));
        let disclaimer = take(
            e,
            optional_multiline("disclaimer", &f.disclaimer, MAX_LONG)
                .and_then(|d| d.ok_or(FieldError::new("disclaimer", "required"))),
        );
        let body = take(e, optional_text("cert_body", &f.cert_body, MAX_SHORT));
        let number = take(e, optional_text("cert_number", &f.cert_number, MAX_SHORT));
        let expires = take(e, date("cert_expires_on", &f.cert_expires_on));
        let certification = match (body, number, expires) {
            (Some(Some(body)), Some(Some(number)), Some(Some(expires_on))) => {
                Some(Certification { body, number, expires_on })
            }
            (Some(None), Some(None), Some(None)) => None,
            (body, number, expires) => {
                // Some of the certificate given: each missing part is named (a bad part already is).
                for (field, missing) in [
                    ("cert_body", matches!(body, Some(None))),
                    ("cert_number", matches!(number, Some(None))),
                    ("cert_expires_on", matches!(expires, Some(None))),
                ] {
                    if missing {
                        e.push(FieldError::new(field, "required"));
                    }
                }
                None
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        match (name, address, town, zip, region, level, populations, payments, beds, cost, doses, trained) {
            (
                Some(name),
                Some(address),
                Some(town),
                Some(zip),
                Some(region),
                Some(level),
                Some(populations),
                Some(payments),
                Some(total_beds),
                Some(cost_per_week),
                Some(naloxone_doses),
                Some(naloxone_trained_on),
            ) => Ok(Self {
                name,
                address,
                town,
                zip,
                region,
                level,
                populations,
                accepts_moud: f.accepts_moud,
                serves_oud: f.serves_oud,
                total_beds,
                certification,
                house_rules: house_rules.flatten(),
                cost_per_week,
                payments,
                naloxone_doses,
                naloxone_trained_on,
                disclaimer: disclaimer.unwrap_or_default(),
            }),
            _ => Err(vec![FieldError::new("name", "invalid")]),
        }
    }

    /// The bed total may not fall below the beds the operator last reported open: report fewer open beds first
    /// (a report is history; an edit must not rewrite it).
    pub fn check_total(&self, reported_open: u32) -> Result<(), FieldError> {
        if self.total_beds < reported_open {
            return Err(FieldError::new("total_beds", "less-than-open"));
        }
        Ok(())
    }
}

/// A residence added from a page (`/residences/new`): its details, and the beds open now when the operator gives
/// them — the first report C.G.S. §17a-716(b) asks for "at the time of its report". Left blank, the residence
/// starts with no report (the board shows it as not yet reported) and the operator reports from its page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResidenceToAdd {
    pub details: ResidenceDetails,
    pub open_beds: Option<u32>,
}

impl ResidenceToAdd {
    /// Checks the details as [`ResidenceDetails::parse`] does, and `open_beds` as a bed report
    /// (`report::available_beds`: a whole number from 0 to the total). Every problem is named on its field; the
    /// open beds are checked against the total only when the total itself is good.
    pub fn parse(f: &ResidenceForm, open_beds: &str, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let details = ResidenceDetails::parse(f, today);
        let total = match &details {
            Ok(d) => Some(d.total_beds),
            Err(errors) => (!errors.iter().any(|e| e.field == "total_beds"))
                .then(|| f.total_beds.trim().parse::<u32>().ok())
                .flatten(),
        };
        let open = match open_beds.trim() {
            "" => Ok(None),
            s => match (s.parse::<i64>(), total) {
                (Err(_), _) => Err(FieldError::new("available_beds", "out-of-range")),
                (Ok(n), Some(total)) => super::report::available_beds(n, total).map(Some),
                // The total is named already; a negative count is wrong whatever it is.
                (Ok(n), None) if n < 0 => Err(FieldError::new("available_beds", "negative")),
                (Ok(_), None) => Ok(None),
            },
        };
        match (details, open) {
            (Ok(details), Ok(open_beds)) => Ok(Self { details, open_beds }),
            (Ok(_), Err(e)) => Err(vec![e]),
            (Err(mut errors), open) => {
                errors.extend(open.err());
                Err(errors)
            }
        }
    }
}

/// The directory listing a residence is linked to, as chosen on its page (`listing`): blank for none; else one of
/// the operator organization's own listings (`own`), or the listing it is linked to now (`current`, kept as it is
/// even when it is no longer the organization's, so saving other details never breaks a link the registry made).
/// Another organization's listing is refused (`not-own-listing`): referrals to it would hold a bed the operator
/// does not keep, and the export would show the residence's facts on someone else's service. Text that is no id
/// is `unknown-choice`.
pub fn listing_choice(
    raw: &str,
    own: &[ServiceId],
    current: Option<ServiceId>,
) -> Result<Option<ServiceId>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let id: ServiceId = raw.parse().map_err(|_| FieldError::new("listing", "unknown-choice"))?;
    if own.contains(&id) || current == Some(id) {
        Ok(Some(id))
    } else {
        Err(FieldError::new("listing", "not-own-listing"))
    }
}

impl ResidenceForm {
    /// The form as stored details fill it.
    pub fn of(d: &ResidenceDetails) -> Self {
        Self {
            name: d.name.clone(),
            address: d.address.clone(),
            town: d.town.clone(),
            zip: d.zip.clone().unwrap_or_default(),
            region: d.region.clone().unwrap_or_default(),
            narr_level: d.level.code().to_owned(),
            populations: d.populations.iter().map(|p| p.code().to_owned()).collect(),
            accepts_moud: d.accepts_moud,
            serves_oud: d.serves_oud,
            total_beds: d.total_beds.to_string(),
            cert_body: d.certification.as_ref().map(|c| c.body.clone()).unwrap_or_default(),
            cert_number: d.certification.as_ref().map(|c| c.number.clone()).unwrap_or_default(),
            cert_expires_on: d.certification.as_ref().map(|c| c.expires_on.to_string()).unwrap_or_default(),
            house_rules: d.house_rules.clone().unwrap_or_default(),
            cost_per_week: d.cost_per_week.map(|c| c.to_string()).unwrap_or_default(),
            payments: d.payments.iter().map(|p| p.code().to_owned()).collect(),
            naloxone_doses: d.naloxone_doses.to_string(),
            naloxone_trained_on: d.naloxone_trained_on.map(|d| d.to_string()).unwrap_or_default(),
            disclaimer: d.disclaimer.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap_or_default()
    }

    fn good() -> ResidenceForm {
        ResidenceForm {
            name: " Maple House ".into(),
            address: "14 Maple Street".into(),
            town: "Hartford".into(),
            zip: "06106".into(),
            region: "North Central".into(),
            narr_level: "II".into(),
            populations: vec!["women".into(), "men".into(), "women".into()],
            accepts_moud: true,
            serves_oud: true,
            total_beds: "8".into(),
            cert_body: "CTARR".into(),
            cert_number: "A-1".into(),
            cert_expires_on: "2027-06-30".into(),
            house_rules: "No visitors after 9 pm.\nChores on Saturday.".into(),
            cost_per_week: "165".into(),
            payments: vec!["voucher".into()],
            naloxone_doses: "2".into(),
            naloxone_trained_on: "2026-11-01".into(),
            disclaimer: "Not licensed treatment.".into(),
        }
    }

    fn fields(r: Result<ResidenceDetails, Vec<FieldError>>) -> Vec<(&'static str, &'static str)> {
        r.err().unwrap_or_default().into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn a_good_form_round_trips() {
        let d = ResidenceDetails::parse(&good(), today()).expect("valid");
        assert_eq!(d.name, "Maple House");
        assert_eq!(d.populations, [Population::Men, Population::Women]);
        assert_eq!(d.level, NarrLevel::Monitored);
        assert_eq!(d.certification.as_ref().map(|c| c.number.as_str()), Some("A-1"));
        assert_eq!(ResidenceDetails::parse(&ResidenceForm::of(&d), today()), Ok(d));
    }

    #[test]
    fn every_problem_is_named_on_its_field() {
        let f = ResidenceForm {
            name: " ".into(),
            zip: "6106".into(),
            narr_level: "V".into(),
            populations: vec!["everyone".into()],
            total_beds: "501".into(),
            cost_per_week: "-1".into(),
            naloxone_doses: "x".into(),
            naloxone_trained_on: "2026-12-07".into(),
            disclaimer: String::new(),
            ..good()
        };
        assert_eq!(
            fields(ResidenceDetails::parse(&f, today())),
            [
                ("name", "required"),
                ("zip", "invalid-postal-code"),
                ("narr_level", "unknown-choice"),
                ("populations", "unknown-choice"),
                ("total_beds", "too-large"),
                ("cost_per_week", "negative"),
                ("naloxone_doses", "out-of-range"),
                ("naloxone_trained_on", "date-out-of-range"),
                ("disclaimer", "required"),
            ]
        );
    }

    #[test]
    fn a_certificate_is_all_of_its_parts_or_none() {
        let none =
            ResidenceForm { cert_body: "".into(), cert_number: " ".into(), cert_expires_on: "".into(), ..good() };
        assert_eq!(ResidenceDetails::parse(&none, today()).map(|d| d.certification), Ok(None));
        let half = ResidenceForm { cert_number: "".into(), cert_expires_on: "".into(), ..good() };
        assert_eq!(
            fields(ResidenceDetails::parse(&half, today())),
            [("cert_number", "required"), ("cert_expires_on", "required")]
        );
        let bad = ResidenceForm { cert_expires_on: "30/06/2027".into(), ..good() };
        assert_eq!(fields(ResidenceDetails::parse(&bad, today())), [("cert_expires_on", "invalid-date")]);
    }

    #[test]
    fn the_total_may_not_fall_below_the_beds_reported_open() {
        let d = ResidenceDetails::parse(&good(), today()).expect("valid");
        assert_eq!(d.check_total(8), Ok(()));
        assert_eq!(d.check_total(9), Err(FieldError::new("total_beds", "less-than-open")));
        let blank = ResidenceForm { total_beds: String::new(), ..good() };
        assert_eq!(fields(ResidenceDetails::parse(&blank, today())), [("total_beds", "required")]);
        let zero = ResidenceForm { naloxone_doses: String::new(), naloxone_trained_on: String::new(), ..good() };
        let d = ResidenceDetails::parse(&zero, today()).expect("blank doses are none");
        assert_eq!((d.naloxone_doses, d.naloxone_trained_on), (0, None));
    }

    fn new(f: &ResidenceForm, open: &str) -> Result<Option<u32>, Vec<(&'static str, &'static str)>> {
        ResidenceToAdd::parse(f, open, today())
            .map(|n| n.open_beds)
            .map_err(|e| e.into_iter().map(|e| (e.field, e.code)).collect())
    }

    #[test]
    fn a_new_residence_may_start_with_its_first_bed_report() {
        let f = good();
        assert_eq!(new(&f, ""), Ok(None), "blank: no report yet");
        assert_eq!(new(&f, " 0 "), Ok(Some(0)));
        assert_eq!(new(&f, "8"), Ok(Some(8)), "every bed open");
        assert_eq!(new(&f, "9"), Err(vec![("available_beds", "more-than-total")]));
        assert_eq!(new(&f, "-1"), Err(vec![("available_beds", "negative")]));
        assert_eq!(new(&f, "two"), Err(vec![("available_beds", "out-of-range")]));
        let d = ResidenceToAdd::parse(&f, "3", today()).expect("valid");
        assert_eq!(d.details, ResidenceDetails::parse(&f, today()).expect("valid"), "the same details as an edit");
    }

    #[test]
    fn a_new_residences_problems_are_all_named() {
        let f = ResidenceForm { name: String::new(), ..good() };
        assert_eq!(new(&f, "9"), Err(vec![("name", "required"), ("available_beds", "more-than-total")]));
        let no_total = ResidenceForm { total_beds: "many".into(), ..good() };
        assert_eq!(new(&no_total, "3"), Err(vec![("total_beds", "out-of-range")]), "checked against no bad total");
        assert_eq!(new(&no_total, "-3"), Err(vec![("total_beds", "out-of-range"), ("available_beds", "negative")]));
    }

    fn service(n: u128) -> ServiceId {
        ServiceId::from_uuid(uuid::Uuid::from_u128(n))
    }

    #[test]
    fn a_listing_is_none_or_the_operators_own_or_the_one_linked_now() {
        let own = [service(1), service(2)];
        assert_eq!(listing_choice("", &own, None), Ok(None));
        assert_eq!(listing_choice("  ", &own, Some(service(1))), Ok(None), "blank unlinks");
        assert_eq!(listing_choice(&format!(" {} ", service(2)), &own, None), Ok(Some(service(2))));
        let other = service(3).to_string();
        assert_eq!(listing_choice(&other, &own, None), Err(FieldError::new("listing", "not-own-listing")));
        assert_eq!(listing_choice(&other, &own, Some(service(3))), Ok(Some(service(3))), "kept as it is");
        assert_eq!(listing_choice(&other, &[], Some(service(1))), Err(FieldError::new("listing", "not-own-listing")));
        assert_eq!(listing_choice("house-7", &own, None), Err(FieldError::new("listing", "unknown-choice")));
    }

    proptest! {
        #[test]
        fn only_own_or_current_listings_are_accepted(own in proptest::collection::vec(0u128..20, 0..5), current in proptest::option::of(0u128..20), pick in 0u128..20) {
            let own: Vec<ServiceId> = own.into_iter().map(service).collect();
            let current = current.map(service);
            let chosen = listing_choice(&service(pick).to_string(), &own, current);
            prop_assert_eq!(chosen.is_ok(), own.contains(&service(pick)) || current == Some(service(pick)));
            if let Ok(id) = chosen {
                prop_assert_eq!(id, Some(service(pick)));
            }
        }

        #[test]
        fn beds_in_range_are_kept_and_beyond_are_refused(n in -1_000i64..2_000) {
            let f = ResidenceForm { total_beds: n.to_string(), ..good() };
            let r = ResidenceDetails::parse(&f, today());
            prop_assert_eq!(r.is_ok(), (0..=i64::from(super::super::MAX_BEDS)).contains(&n));
            if let Ok(d) = r {
                prop_assert_eq!(i64::from(d.total_beds), n);
            }
        }

        #[test]
        fn a_new_residences_open_beds_never_exceed_its_total(total in 0u32..=500, open in -10i64..600) {
            let f = ResidenceForm { total_beds: total.to_string(), ..good() };
            match ResidenceToAdd::parse(&f, &open.to_string(), today()) {
                Ok(n) => prop_assert!(n.open_beds.is_some_and(|o| o <= n.details.total_beds)),
                Err(e) => prop_assert!(open < 0 || open > i64::from(total), "{e:?}"),
            }
        }
    }
}
