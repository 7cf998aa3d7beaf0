//! Where things are, and how far apart.
//!
//! - A [`LatLon`] is a WGS 84 coordinate in degrees: latitude in -90..=90, longitude in -180..=180, both finite.
//!   The only way to make one is [`LatLon::new`], so every coordinate in the domain is valid.
//! - [`haversine_miles`] is the great-circle distance on a sphere of radius [`EARTH_RADIUS_MILES`]. The earth is not
//!   a sphere, so it can be off by about 0.5%: plenty for "meetings within 10 miles".
//! - A [`BoundingBox`] is the cheap first filter of a radius search (an indexed `BETWEEN` in the store); the exact
//!   distance is checked afterwards. It never leaves out a point within the radius, so it may hold a few more:
//!   - when the circle reaches a pole, every longitude is in the box (and the latitude stops at the pole);
//!   - when the circle crosses the antimeridian (180°), the longitude range wraps: `min_lon > max_lon`, and the
//!     box is two ranges, `[min_lon, 180]` and `[-180, max_lon]` ([`BoundingBox::lon_ranges`]);
//!   - each edge is widened by a nanodegree (about 0.1 mm) so rounding never drops a point on the circle itself.

use std::f64::consts::{FRAC_PI_2, PI};

use thiserror::Error;

/// The mean radius of the earth, in statute miles.
pub const EARTH_RADIUS_MILES: f64 = 3958.8;

/// How much each edge of a bounding box is widened, in degrees, so floating-point rounding never drops a point that
/// lies exactly on the circle.
const EDGE_SLACK_DEGREES: f64 = 1e-9;

/// A valid coordinate, in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LatLon {
    lat: f64,
    lon: f64,
}

/// Why a pair of numbers is not a coordinate.
#[derive(Clone, Copy, Debug, PartialEq, Error)]
pub enum GeoError {
    #[error("latitude and longitude must be finite numbers")]
    NotFinite,
    #[error("latitude {0} is outside -90 to 90")]
    LatitudeOutOfRange(f64),
    #[error("longitude {0} is outside -180 to 180")]
    LongitudeOutOfRange(f64),
}

impl LatLon {
    /// A coordinate from latitude and longitude in degrees.
    pub fn new(lat: f64, lon: f64) -> Result<Self, GeoError> {
        if !lat.is_finite() || !lon.is_finite() {
            return Err(GeoError::NotFinite);
        }
        if !(-90.0..=90.0).contains(&lat) {
            return Err(GeoError::LatitudeOutOfRange(lat));
        }
        if !(-180.0..=180.0).contains(&lon) {
            return Err(GeoError::LongitudeOutOfRange(lon));
        }
        Ok(Self { lat, lon })
    }

    pub const fn lat(self) -> f64 {
        self.lat
    }

    pub const fn lon(self) -> f64 {
        self.lon
    }
}

/// The great-circle distance between two points, in miles (haversine formula).
pub fn haversine_miles(a: LatLon, b: LatLon) -> f64 {
    let (phi_a, phi_b) = (a.lat.to_radians(), b.lat.to_radians());
    let half_dphi = (phi_b - phi_a) / 2.0;
    let half_dlambda = (b.lon - a.lon).to_radians() / 2.0;
    let h = half_dphi.sin().powi(2) + phi_a.cos() * phi_b.cos() * half_dlambda.sin().powi(2);
    // Rounding can push h a hair past 1 for antipodal points; asin would then be NaN.
    2.0 * EARTH_RADIUS_MILES * h.clamp(0.0, 1.0).sqrt().asin()
}

/// A latitude/longitude rectangle holding every point within a radius of a centre. See the module docs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoundingBox {
    min_lat: f64,
    max_lat: f64,
    min_lon: f64,
    max_lon: f64,
}

impl BoundingBox {
    /// The whole earth.
    pub const WORLD: Self = Self { min_lat: -90.0, max_lat: 90.0, min_lon: -180.0, max_lon: 180.0 };

    /// The box around every point within `radius_mi` of `center`. A negative or NaN radius is taken as zero.
    pub fn around(center: LatLon, radius_mi: f64) -> Self {
        let radius_mi = if radius_mi.is_nan() { 0.0 } else { radius_mi.max(0.0) };
        let angular = radius_mi / EARTH_RADIUS_MILES;
        if angular >= PI {
            return Self::WORLD;
        }
        let lat = center.lat.to_radians();
        let (low, high) = (lat - angular, lat + angular);
        let min_lat = (low.to_degrees() - EDGE_SLACK_DEGREES).max(-90.0);
        let max_lat = (high.to_degrees() + EDGE_SLACK_DEGREES).min(90.0);
        if low <= -FRAC_PI_2 || high >= FRAC_PI_2 {
            // The circle holds a pole, and every meridian passes through it.
            return Self { min_lat, max_lat, min_lon: -180.0, max_lon: 180.0 };
        }
        // The widest longitude a spherical cap reaches (it is reached north or south of the centre's latitude).
        let half_width = (angular.sin() / lat.cos()).min(1.0).asin().to_degrees() + EDGE_SLACK_DEGREES;
        if half_width >= 180.0 {
            return Self { min_lat, max_lat, min_lon: -180.0, max_lon: 180.0 };
        }
        let mut min_lon = center.lon - half_width;
        let mut max_lon = center.lon + half_width;
        if min_lon < -180.0 {
            min_lon += 360.0;
        }
        if max_lon > 180.0 {
            max_lon -= 360.0;
        }
        Self { min_lat, max_lat, min_lon, max_lon }
    }

    pub const fn min_lat(&self) -> f64 {
        self.min_lat
    }

    pub const fn max_lat(&self) -> f64 {
        self.max_lat
    }

    /// The western edge. Greater than [`Self::max_lon`] when the box crosses the antimeridian.
    pub const fn min_lon(&self) -> f64 {
        self.min_lon
    }

    /// The eastern edge.
    pub const fn max_lon(&self) -> f64 {
        self.max_lon
    }

    /// Whether the longitude range wraps past 180° (then it is `[min_lon, 180] ∪ [-180, max_lon]`).
    pub fn crosses_antimeridian(&self) -> bool {
        self.min_lon > self.max_lon
    }

    /// The longitude ranges (inclusive) a query should match: one, or two when the box crosses the antimeridian.
    pub fn lon_ranges(&self) -> Vec<(f64, f64)> {
        if self.crosses_antimeridian() {
            vec![(self.min_lon, 180.0), (-180.0, self.max_lon)]
        } else {
            vec![(self.min_lon, self.max_lon)]
        }
    }

    /// Whether the point lies in the box (edges included).
    pub fn contains(&self, p: LatLon) -> bool {
        if p.lat < self.min_lat || p.lat > self.max_lat {
            return false;
        }
        // -180 and 180 are the same meridian.
        let same_meridian = if p.lon == -180.0 || p.lon == 180.0 { -p.lon } else { p.lon };
        [p.lon, same_meridian].into_iter().any(|lon| self.lon_ranges().iter().any(|&(lo, hi)| lo <= lon && lon <= hi))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn at(lat: f64, lon: f64) -> LatLon {
        LatLon::new(lat, lon).expect("valid coordinate")
    }

    const HARTFORD: (f64, f64) = (41.7658, -72.6734);
    const NEW_HAVEN: (f64, f64) = (41.3083, -72.9279);

    #[test]
    fn hartford_to_new_haven_is_about_34_miles() {
        let d = haversine_miles(at(HARTFORD.0, HARTFORD.1), at(NEW_HAVEN.0, NEW_HAVEN.1));
        assert!((33.5..=35.0).contains(&d), "{d}");
    }

    #[test]
    fn coordinates_out_of_range_or_not_finite_are_refused() {
        assert_eq!(LatLon::new(f64::NAN, 0.0), Err(GeoError::NotFinite));
        assert_eq!(LatLon::new(0.0, f64::INFINITY), Err(GeoError::NotFinite));
        assert_eq!(LatLon::new(90.5, 0.0), Err(GeoError::LatitudeOutOfRange(90.5)));
        assert_eq!(LatLon::new(0.0, -180.5), Err(GeoError::LongitudeOutOfRange(-180.5)));
        assert!(LatLon::new(-90.0, 180.0).is_ok());
        assert!(LatLon::new(90.0, -180.0).is_ok());
    }

    #[test]
    fn antipodes_are_half_the_circumference_apart() {
        let d = haversine_miles(at(0.0, 0.0), at(0.0, 180.0));
        assert!((d - PI * EARTH_RADIUS_MILES).abs() < 1e-6, "{d}");
    }

    #[test]
    fn a_box_holds_the_nearby_town_only_when_the_radius_reaches_it() {
        let hartford = at(HARTFORD.0, HARTFORD.1);
        let new_haven = at(NEW_HAVEN.0, NEW_HAVEN.1);
        assert!(BoundingBox::around(hartford, 10.0).contains(hartford));
        assert!(!BoundingBox::around(hartford, 10.0).contains(new_haven));
        assert!(BoundingBox::around(hartford, 40.0).contains(new_haven));
        assert!(!BoundingBox::around(hartford, 10.0).crosses_antimeridian());
    }

    #[test]
    fn a_box_that_reaches_a_pole_takes_every_longitude() {
        let b = BoundingBox::around(at(89.9, 0.0), 20.0);
        assert_eq!((b.min_lon(), b.max_lon(), b.max_lat()), (-180.0, 180.0, 90.0));
        assert!(b.contains(at(89.9, 180.0)));
        assert!(b.contains(at(90.0, 42.0)));
        assert!(!b.contains(at(89.0, 0.0)));
        let south = BoundingBox::around(at(-90.0, 0.0), 1.0);
        assert_eq!((south.min_lat(), south.min_lon(), south.max_lon()), (-90.0, -180.0, 180.0));
    }

    #[test]
    fn a_box_across_the_antimeridian_wraps() {
        let b = BoundingBox::around(at(0.0, 179.9), 20.0);
        assert!(b.crosses_antimeridian());
        assert_eq!(b.lon_ranges().len(), 2);
        assert!(b.contains(at(0.0, -179.9)));
        assert!(b.contains(at(0.0, 180.0)));
        assert!(b.contains(at(0.0, -180.0)));
        assert!(!b.contains(at(0.0, 179.0)));
        assert!(!b.contains(at(0.0, 0.0)));
    }

    #[test]
    fn a_huge_or_odd_radius_is_handled() {
        assert_eq!(BoundingBox::around(at(10.0, 10.0), 1e9), BoundingBox::WORLD);
        let zero = BoundingBox::around(at(10.0, 10.0), f64::NAN);
        assert!(zero.contains(at(10.0, 10.0)));
        assert!(!zero.contains(at(10.0, 10.001)));
        assert_eq!(BoundingBox::around(at(10.0, 10.0), -5.0), zero);
    }

    /// The point `distance_mi` from `from` along the initial bearing `bearing_deg`.
    fn destination(from: LatLon, bearing_deg: f64, distance_mi: f64) -> Option<LatLon> {
        let (phi, lambda, theta) = (from.lat.to_radians(), from.lon.to_radians(), bearing_deg.to_radians());
        let delta = distance_mi / EARTH_RADIUS_MILES;
        let phi2 = (phi.sin() * delta.cos() + phi.cos() * delta.sin() * theta.cos()).clamp(-1.0, 1.0).asin();
        let lambda2 = lambda + (theta.sin() * delta.sin() * phi.cos()).atan2(delta.cos() - phi.sin() * phi2.sin());
        let lon = (lambda2.to_degrees() + 540.0).rem_euclid(360.0) - 180.0;
        LatLon::new(phi2.to_degrees().clamp(-90.0, 90.0), lon).ok()
    }

    fn any_point() -> impl Strategy<Value = LatLon> {
        (-90.0..=90.0f64, -180.0..=180.0f64).prop_map(|(lat, lon)| at(lat, lon))
    }

    proptest! {
        #[test]
        fn distance_is_symmetric_and_zero_to_itself(a in any_point(), b in any_point()) {
            prop_assert_eq!(haversine_miles(a, a), 0.0);
            prop_assert!((haversine_miles(a, b) - haversine_miles(b, a)).abs() < 1e-9);
            prop_assert!(haversine_miles(a, b) <= PI * EARTH_RADIUS_MILES + 1e-6);
        }

        #[test]
        fn every_point_within_the_radius_is_in_the_box(
            center in any_point(), radius in 0.0..3000.0f64, bearing in 0.0..360.0f64, fraction in 0.0..=1.0f64,
        ) {
            let b = BoundingBox::around(center, radius);
            prop_assert!(b.contains(center));
            if let Some(p) = destination(center, bearing, radius * fraction)
                && haversine_miles(center, p) <= radius
            {
                prop_assert!(b.contains(p), "{:?} at {} mi not in {:?}", p, haversine_miles(center, p), b);
            }
        }

        #[test]
        fn any_point_within_the_radius_is_in_the_box(center in any_point(), p in any_point(), radius in 0.0..13000.0f64) {
            if haversine_miles(center, p) <= radius {
                prop_assert!(BoundingBox::around(center, radius).contains(p));
            }
        }
    }
}
