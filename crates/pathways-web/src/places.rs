//! Where "near" means: a ZIP code, a town ("Hartford", "Hartford, CT"), or coordinates the device gave
//! ("41.76,-72.68"). ZIP codes and towns come from the embedded `zipcodes` data (no network).

use chrono_tz::Tz;
use pathways_domain::directory::geo::LatLon;

#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub point: LatLon,
    /// How to show it back ("06107 West Hartford, CT").
    pub label: String,
    pub tz: Option<Tz>,
}

/// Resolves what a person typed; `home_state` settles a town name given without a state.
pub fn resolve(input: &str, home_state: &str) -> Option<Place> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    if let Some((a, b)) = s.split_once(',')
        && let (Ok(lat), Ok(lon)) = (a.trim().parse::<f64>(), b.trim().parse::<f64>())
    {
        let point = LatLon::new(lat, lon).ok()?;
        return Some(Place { point, label: format!("{lat:.3}, {lon:.3}"), tz: None });
    }
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() == 5 {
        let z = pathways_store::import::zip_code(&digits)?;
        let point = LatLon::new(z.lat.parse().ok()?, z.long.parse().ok()?).ok()?;
        return Some(Place {
            point,
            label: format!("{} {}, {}", z.zip_code, z.city, z.state),
            tz: z.timezone.parse().ok(),
        });
    }
    let (name, state) = match s.rsplit_once([',', ' ']) {
        Some((n, st)) if st.trim().len() == 2 && st.trim().chars().all(|c| c.is_ascii_alphabetic()) => {
            (n.trim().trim_end_matches(',').trim().to_lowercase(), st.trim().to_uppercase())
        }
        _ => (s.to_lowercase(), home_state.to_uppercase()),
    };
    let t = pathways_store::import::town_centre(&name, &state)?;
    let point = LatLon::new(t.lat, t.lon).ok()?;
    Some(Place { point, label: format!("{}, {state}", t.city), tz: t.tz.parse().ok() })
}

#[cfg(test)]
mod tests {
    use pathways_domain::deployment::DEFAULT_STATE;

    use super::resolve;

    #[test]
    fn zip_codes_towns_and_coordinates_resolve() {
        let z = resolve("06107", DEFAULT_STATE).expect("zip");
        assert!(z.label.contains("West Hartford"), "{}", z.label);
        assert!((z.point.lat() - 41.76).abs() < 0.1 && (z.point.lon() + 72.74).abs() < 0.1);
        let t = resolve("Hartford", DEFAULT_STATE).expect("town");
        assert!((t.point.lat() - 41.76).abs() < 0.1, "{t:?}");
        assert_eq!(resolve("hartford, ct", "NY").map(|p| p.label), Some("Hartford, CT".into()));
        let c = resolve(" 41.5, -72.9 ", DEFAULT_STATE).expect("coordinates");
        assert!((c.point.lat() - 41.5).abs() < 1e-9);
        assert_eq!(resolve("Atlantis", DEFAULT_STATE), None);
        assert_eq!(resolve("00000", DEFAULT_STATE), None);
        assert_eq!(resolve("95, 500", DEFAULT_STATE), None);
        assert_eq!(resolve("", DEFAULT_STATE), None);
    }
}
