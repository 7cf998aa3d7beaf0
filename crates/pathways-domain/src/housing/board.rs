//! The public housing board's filters and order. The board lists only residences whose certificate is valid
//! (C.G.S. §17a-716(c): no home is held out as certified when it is not); it filters by place, who a residence
//! serves, MOUD acceptance, cost and NARR level; and it orders by what a person leaving detox needs first — a
//! bed now, a count from this week, near — never by level, because the levels are kinds of support, not ranks.

use serde::Serialize;

use super::report::ReportStatus;
use super::{CertificationStatus, NarrLevel, Population};
use crate::directory::geo::{LatLon, haversine_miles};
use crate::text::FieldError;

/// How far "near" reaches when no distance is given, in miles.
pub const DEFAULT_WITHIN_MI: f64 = 25.0;
/// The farthest a distance filter may reach (the whole of a small state, and then some).
pub const MAX_WITHIN_MI: f64 = 500.0;

/// What the board needs to know of one residence.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    pub name: &'a str,
    pub town: &'a str,
    pub region: Option<&'a str>,
    pub place: Option<LatLon>,
    pub level: NarrLevel,
    pub populations: &'a [Population],
    pub accepts_moud: bool,
    pub cost_per_week: Option<u32>,
    /// Beds a person can be offered now: the last report less the live holds.
    pub available: u32,
    pub certification: CertificationStatus,
    pub report: ReportStatus,
}

/// The board's filters, parsed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub town: Option<String>,
    pub region: Option<String>,
    pub near: Option<LatLon>,
    pub within_mi: Option<f64>,
    pub population: Option<Population>,
    pub moud: bool,
    pub max_cost: Option<u32>,
    pub level: Option<NarrLevel>,
    /// Only residences with a bed to offer now.
    pub with_beds: bool,
}

/// The filters as the query string gives them (blank means "any").
#[derive(Clone, Debug, Default)]
pub struct RawQuery<'a> {
    pub town: &'a str,
    pub region: &'a str,
    pub within_mi: &'a str,
    pub population: &'a str,
    pub moud: bool,
    pub max_cost: &'a str,
    pub level: &'a str,
    pub with_beds: bool,
}

impl Query {
    /// Parses the filters; each bad one is named. `near` (a town or ZIP resolved to a place) is the caller's.
    pub fn parse(raw: &RawQuery<'_>, near: Option<LatLon>) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let text = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_owned);
        let population = match raw.population.trim() {
            "" => None,
            s => Population::parse(s).or_else(|| {
                errors.push(FieldError::new("population", "unknown-choice"));
                None
            }),
        };
        let level = match raw.level.trim() {
            "" => None,
            s => NarrLevel::parse(s).or_else(|| {
                errors.push(FieldError::new("level", "unknown-choice"));
                None
            }),
        };
        let max_cost = match raw.max_cost.trim() {
            "" => None,
            s => s.parse::<u32>().ok().or_else(|| {
                errors.push(FieldError::new("max_cost", "out-of-range"));
                None
            }),
        };
        let within_mi = match raw.within_mi.trim() {
            "" => None,
            s => match s.parse::<f64>() {
                Ok(m) if m.is_finite() && m > 0.0 && m <= MAX_WITHIN_MI => Some(m),
                _ => {
                    errors.push(FieldError::new("within", "out-of-range"));
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Query {
            town: text(raw.town),
            region: text(raw.region),
            near,
            within_mi,
            population,
            moud: raw.moud,
            max_cost,
            level,
            with_beds: raw.with_beds,
        })
    }

    /// Whether the board shows the residence, and its distance from `near` when both have a place. A
    /// residence whose certificate is not valid is never shown, whatever the filters. The same as
    /// [`Query::admits_names`] and [`Query::admits_facts`] together, which a scan of thousands asks apart.
    pub fn admits(&self, e: &Entry<'_>) -> Option<Option<f64>> {
        if !self.admits_names(e.town, e.region) {
            return None;
        }
        self.admits_facts(&Facts::of(e))
    }

    /// Whether a town and a region pass the town and region filters (any case, spaces around ignored).
    pub fn admits_names(&self, town: &str, region: Option<&str>) -> bool {
        let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
        self.town.as_deref().is_none_or(|t| same(t, town))
            && self.region.as_deref().is_none_or(|r| region.is_some_and(|er| same(r, er)))
    }

    /// Whether the town and region filters are blank (then [`Query::admits_facts`] alone decides).
    pub fn names_any(&self) -> bool {
        self.town.is_none() && self.region.is_none()
    }

    /// Every filter but the town and the region, on a residence's [`Facts`], and its distance from `near`.
    pub fn admits_facts(&self, f: &Facts) -> Option<Option<f64>> {
        // The cheap checks first; the distance only for a residence they admit (the board reads thousands).
        let admitted = f.listed
            && self.population.is_none_or(|p| f.populations & population_bit(p) != 0)
            && (!self.moud || f.accepts_moud)
            && self.max_cost.is_none_or(|m| f.cost_per_week.is_some_and(|c| c <= m))
            && self.level.is_none_or(|l| l == f.level)
            && (!self.with_beds || f.has_bed);
        if !admitted {
            return None;
        }
        let (Some(a), Some(b)) = (self.near, f.place) else {
            return if self.near.is_some() { None } else { Some(None) };
        };
        let within = self.within_mi.unwrap_or(DEFAULT_WITHIN_MI);
        // A degree of latitude is more than 69 miles anywhere: farther apart in latitude alone is out of reach.
        if (a.lat() - b.lat()).abs() * 69.0 > within {
            return None;
        }
        let d = haversine_miles(a, b);
        (d <= within).then_some(Some(d))
    }
}

/// What [`Query::admits`] reads of a residence except its town and region ([`Query::admits_facts`]): small, so a
/// snapshot of thousands keeps them side by side and a scan touches a few bytes of each residence instead of its
/// whole record.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Facts {
    place: Option<LatLon>,
    cost_per_week: Option<u32>,
    /// One bit per [`Population`], in the order of `Population::ALL`.
    populations: u8,
    level: NarrLevel,
    accepts_moud: bool,
    has_bed: bool,
    listed: bool,
}

fn population_bit(p: Population) -> u8 {
    1 << (p as u8)
}

impl Facts {
    pub fn of(e: &Entry<'_>) -> Self {
        Self {
            place: e.place,
            cost_per_week: e.cost_per_week,
            populations: e.populations.iter().fold(0, |bits, p| bits | population_bit(*p)),
            level: e.level,
            accepts_moud: e.accepts_moud,
            has_bed: e.available > 0,
            listed: e.certification.listed(),
        }
    }
}

/// A listed residence's place in the board's order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rank<'a> {
    pub has_bed: bool,
    pub within_week: bool,
    pub distance_mi: Option<f64>,
    pub name: &'a str,
}

/// Beds now first, then counts from this week, then nearest, then by name. Never by NARR level.
pub fn order(a: &Rank<'_>, b: &Rank<'_>) -> std::cmp::Ordering {
    b.has_bed
        .cmp(&a.has_bed)
        .then_with(|| b.within_week.cmp(&a.within_week))
        .then_with(|| a.distance_mi.unwrap_or(f64::INFINITY).total_cmp(&b.distance_mi.unwrap_or(f64::INFINITY)))
        .then_with(|| a.name.cmp(b.name))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn entry(level: NarrLevel, populations: &[Population]) -> Entry<'_> {
        Entry {
            name: "Maple House",
            town: "New Haven",
            region: Some("South Central"),
            place: LatLon::new(41.3083, -72.9279).ok(),
            level,
            populations,
            accepts_moud: true,
            cost_per_week: Some(180),
            available: 2,
            certification: CertificationStatus::Current,
            report: ReportStatus::Fresh,
        }
    }

    #[test]
    fn an_invalid_certificate_hides_the_residence_whatever_the_filters() {
        let pops = [Population::Women];
        let q = Query::default();
        assert_eq!(q.admits(&entry(NarrLevel::Monitored, &pops)), Some(None));
        for status in [CertificationStatus::Expired, CertificationStatus::None] {
            let e = Entry { certification: status, ..entry(NarrLevel::Monitored, &pops) };
            assert_eq!(q.admits(&e), None);
        }
        let expiring = Entry { certification: CertificationStatus::Expiring, ..entry(NarrLevel::Monitored, &pops) };
        assert!(q.admits(&expiring).is_some());
    }

    #[test]
    fn filters_by_level_population_moud_cost_and_place() {
        let pops = [Population::Women, Population::WomenWithChildren];
        let e = entry(NarrLevel::Supervised, &pops);
        let q = |raw: RawQuery<'_>| Query::parse(&raw, None).map(|q| q.admits(&e).is_some());
        assert_eq!(q(RawQuery { level: "III", ..RawQuery::default() }), Ok(true));
        assert_eq!(q(RawQuery { level: "II", ..RawQuery::default() }), Ok(false));
        assert_eq!(q(RawQuery { population: "women_with_children", ..RawQuery::default() }), Ok(true));
        assert_eq!(q(RawQuery { population: "men", ..RawQuery::default() }), Ok(false));
        assert_eq!(q(RawQuery { moud: true, ..RawQuery::default() }), Ok(true));
        assert_eq!(q(RawQuery { max_cost: "180", ..RawQuery::default() }), Ok(true));
        assert_eq!(q(RawQuery { max_cost: "179", ..RawQuery::default() }), Ok(false));
        assert_eq!(q(RawQuery { town: " new haven ", ..RawQuery::default() }), Ok(true));
        assert_eq!(q(RawQuery { region: "north central", ..RawQuery::default() }), Ok(false));
        assert_eq!(q(RawQuery { with_beds: true, ..RawQuery::default() }), Ok(true));
        let no_moud = Entry { accepts_moud: false, available: 0, ..e.clone() };
        let q2 = |raw: RawQuery<'_>| Query::parse(&raw, None).map(|q| q.admits(&no_moud).is_some());
        assert_eq!(q2(RawQuery { moud: true, ..RawQuery::default() }), Ok(false));
        assert_eq!(q2(RawQuery { with_beds: true, ..RawQuery::default() }), Ok(false));
        let hartford = LatLon::new(41.7658, -72.6734).ok();
        let near = |within: &str| {
            Query::parse(&RawQuery { within_mi: within, ..RawQuery::default() }, hartford).map(|q| q.admits(&e))
        };
        let d = near("50").ok().flatten().flatten().unwrap_or_default();
        assert!((d - 34.0).abs() < 3.0, "New Haven is about 34 miles from Hartford: {d}");
        assert_eq!(near("10"), Ok(None));
        assert_eq!(near(""), Ok(None), "25 miles by default");
    }

    #[test]
    fn bad_filters_are_named() {
        let fields = |raw: RawQuery<'_>| {
            Query::parse(&raw, None).err().unwrap_or_default().into_iter().map(|e| e.field).collect::<Vec<_>>()
        };
        assert_eq!(fields(RawQuery { level: "V", population: "cats", ..RawQuery::default() }), ["population", "level"]);
        assert_eq!(
            fields(RawQuery { max_cost: "-3", within_mi: "NaN", ..RawQuery::default() }),
            ["max_cost", "within"]
        );
        assert_eq!(fields(RawQuery { within_mi: "0", ..RawQuery::default() }), ["within"]);
    }

    #[test]
    fn beds_first_then_this_week_then_near_never_by_level() {
        let r = |has_bed, within_week, d: Option<f64>, name| Rank { has_bed, within_week, distance_mi: d, name };
        let mut rows = [
            r(false, true, Some(1.0), "A"),
            r(true, false, Some(1.0), "B"),
            r(true, true, Some(9.0), "C"),
            r(true, true, None, "D"),
            r(true, true, Some(2.0), "E"),
        ];
        rows.sort_by(order);
        let names: Vec<_> = rows.iter().map(|r| r.name).collect();
        assert_eq!(names, ["E", "C", "D", "B", "A"]);
    }

    proptest! {
        #[test]
        fn a_level_filter_admits_exactly_that_level(a in 0usize..4, b in 0usize..4) {
            let pops = [Population::Men];
            let e = entry(NarrLevel::ALL[a], &pops);
            let q = Query { level: Some(NarrLevel::ALL[b]), ..Query::default() };
            prop_assert_eq!(q.admits(&e).is_some(), a == b);
        }

        #[test]
        fn more_filters_never_admit_more(pop in 0usize..5, moud in any::<bool>(), cost in 0u32..400) {
            let pops = [Population::ALL[pop]];
            let e = entry(NarrLevel::PeerRun, &pops);
            let loose = Query { moud, ..Query::default() };
            let tight = Query { moud, max_cost: Some(cost), population: Some(Population::Women), ..Query::default() };
            prop_assert!(tight.admits(&e).is_none() || loose.admits(&e).is_some());
        }

        #[test]
        fn a_population_filter_admits_exactly_the_residences_serving_it(
            serves in proptest::collection::vec(0usize..5, 0..5), asked in 0usize..5,
        ) {
            let pops: Vec<Population> = serves.iter().map(|i| Population::ALL[*i]).collect();
            let e = entry(NarrLevel::Supervised, &pops);
            let q = Query { population: Some(Population::ALL[asked]), ..Query::default() };
            prop_assert_eq!(q.admits(&e).is_some(), serves.contains(&asked));
        }

        #[test]
        fn the_distance_filter_admits_exactly_what_is_within_reach(
            lat in 25.0f64..49.0, lon in -124.0f64..-67.0, dlat in -3.0f64..3.0, dlon in -3.0f64..3.0,
            within in 1.0f64..200.0,
        ) {
            let pops = [Population::Men];
            let (Ok(here), Ok(there)) = (LatLon::new(lat, lon), LatLon::new(lat + dlat, lon + dlon)) else {
                return Ok(());
            };
            let e = Entry { place: Some(there), ..entry(NarrLevel::Monitored, &pops) };
            let q = Query { near: Some(here), within_mi: Some(within), ..Query::default() };
            let d = haversine_miles(here, there);
            prop_assert_eq!(q.admits(&e), (d <= within).then_some(Some(d)));
        }
    }
}
