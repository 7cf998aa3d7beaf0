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

    /// Fuzz target (issue 23): whatever is typed into "near" — any text, ZIP-like digits with junk after them,
    /// coordinates with extreme, infinite or NaN values, a town with a state — resolves to a real point or to
    /// nothing, never a panic.
    mod fuzz {
        use proptest::prelude::*;

        use super::*;

        fn typed() -> impl Strategy<Value = String> {
            prop_oneof![
                any::<String>(),
                ("[0-9]{1,7}", "\\PC{0,6}").prop_map(|(d, rest)| format!("{d}{rest}")),
                (any::<f64>(), any::<f64>(), "[ ,;]{0,3}").prop_map(|(a, b, sep)| format!("{a}{sep},{sep}{b}")),
                ("(NaN|inf|-inf|1e999|-0|\\.|)", "(NaN|inf|-inf|1e999|-0|\\.|)").prop_map(|(a, b)| format!("{a},{b}")),
                ("\\PC{0,20}", "[A-Za-z]{0,3}", "[ ,]{1,3}").prop_map(|(town, st, sep)| format!("{town}{sep}{st}")),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]
            #[test]
            fn near_resolves_to_a_real_point_or_nothing(input in typed(), home in "[A-Za-z]{0,3}") {
                if let Some(place) = resolve(&input, &home) {
                    let (lat, lon) = (place.point.lat(), place.point.lon());
                    prop_assert!(lat.is_finite() && (-90.0..=90.0).contains(&lat), "{input:?}: {lat}");
                    prop_assert!(lon.is_finite() && (-180.0..=180.0).contains(&lon), "{input:?}: {lon}");
                    prop_assert!(!place.label.is_empty());
                }
            }
        }
    }
}
