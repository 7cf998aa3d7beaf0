//! Where Pathways is deployed: the state (its two-letter code and name), the default time zone, and the access
//! line's regions with the towns or ZIP codes in each. The defaults are Connecticut's and are written here and only
//! here; everything else reads the configured [`Deployment`] (the web crate's configuration builds it from the
//! `[deployment]` section of `pathways.toml` and `PATHWAYS_DEPLOYMENT__*` variables).

use chrono_tz::Tz;

/// The default state's two-letter code.
pub const DEFAULT_STATE: &str = "CT";
/// The default state's name.
pub const DEFAULT_STATE_NAME: &str = "Connecticut";
/// The default time zone (a program's check-up windows, a listing without one, the line's clock).
pub const DEFAULT_TIME_ZONE: Tz = chrono_tz::America::New_York;
/// The default time zone's IANA name.
pub const DEFAULT_TIME_ZONE_NAME: &str = "America/New_York";

/// One of the access line's regions and the places (town names or ZIP codes) in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub name: String,
    pub places: Vec<String>,
}

/// The deployment's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Deployment {
    /// Two capital letters (`CT`): the finder's home state, the state a bare town name is looked up in.
    pub state: String,
    pub state_name: String,
    pub time_zone: Tz,
    pub regions: Vec<Region>,
}

impl Default for Deployment {
    fn default() -> Self {
        Self {
            state: DEFAULT_STATE.to_owned(),
            state_name: DEFAULT_STATE_NAME.to_owned(),
            time_zone: DEFAULT_TIME_ZONE,
            regions: default_regions(),
        }
    }
}

/// The default regions: none. No official list of the default state's regions with their towns is built in (the
/// board then offers the regions its programs name, as it always has); a deployment that wants the board and the
/// console to know its regions names them, with their towns or ZIP codes, in `[deployment]`.
pub fn default_regions() -> Vec<Region> {
    Vec::new()
}

impl Deployment {
    /// The region a town or ZIP code is in (matched without regard to case or surrounding spaces).
    pub fn region_of(&self, place: &str) -> Option<&Region> {
        let place = place.trim();
        self.regions.iter().find(|r| r.places.iter().any(|p| p.trim().eq_ignore_ascii_case(place)))
    }

    /// The regions' names, in the configured order.
    pub fn region_names(&self) -> impl Iterator<Item = &str> {
        self.regions.iter().map(|r| r.name.as_str())
    }
}

/// A state's two-letter code, in capitals: `ri` → `RI`. Anything but two ASCII letters is refused.
pub fn parse_state(code: &str) -> Result<String, String> {
    let code = code.trim();
    if code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(code.to_ascii_uppercase())
    } else {
        Err(format!("{code:?} is not a two-letter state code"))
    }
}

/// An IANA time zone name (`America/Phoenix`).
pub fn parse_time_zone(name: &str) -> Result<Tz, String> {
    name.trim().parse::<Tz>().map_err(|_| format!("{name:?} is not a time zone name such as America/Chicago"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_connecticut_and_a_town_finds_its_region() {
        let d = Deployment::default();
        assert_eq!((d.state.as_str(), d.time_zone), ("CT", chrono_tz::America::New_York));
        assert_eq!(d.region_names().count(), 0, "no regions are invented for the default state");
        let configured = Deployment {
            regions: vec![Region {
                name: "Capitol".to_owned(),
                places: vec!["Hartford".to_owned(), "06105".to_owned()],
            }],
            ..Deployment::default()
        };
        assert_eq!(configured.region_of(" hartford ").map(|r| r.name.as_str()), Some("Capitol"));
        assert_eq!(configured.region_of("06105").map(|r| r.name.as_str()), Some("Capitol"));
        assert_eq!(configured.region_of("Atlantis"), None);
    }

    #[test]
    fn state_codes_and_zones_are_checked() {
        assert_eq!(parse_state(" az "), Ok("AZ".to_owned()));
        assert!(parse_state("Arizona").is_err() && parse_state("A1").is_err());
        assert_eq!(parse_time_zone("America/Phoenix"), Ok(chrono_tz::America::Phoenix));
        assert!(parse_time_zone("Mountain").is_err());
    }
}
