//! The housing board's query string (`/housing` and `GET /api/v1/housing`), read as text so each bad value is
//! named.

use pathways_domain::housing::board::{Query, RawQuery};
use pathways_domain::text::FieldError;
use serde::Deserialize;

/// The query string, read as text so a bad value is named in a 422.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct HousingParams {
    pub town: String,
    pub region: String,
    /// A ZIP code or a town: residences within `within` miles, nearest first.
    pub near: String,
    pub within: String,
    pub population: String,
    /// `true`: only residences accepting people on medications for opioid use disorder.
    pub moud: String,
    pub max_cost: String,
    pub level: String,
    /// `true`: only residences with a bed now.
    pub beds: String,
}

fn flag(field: &'static str, s: &str, errors: &mut Vec<FieldError>) -> bool {
    match s.trim() {
        "" | "false" => false,
        "true" | "on" => true,
        _ => {
            errors.push(FieldError::new(field, "unknown-choice"));
            false
        }
    }
}

impl HousingParams {
    /// The parameters as the domain's query, or every bad one named.
    pub fn query(&self, home_state: &str) -> Result<Query, Vec<FieldError>> {
        let mut errors = Vec::new();
        let near = match self.near.trim() {
            "" => None,
            text => {
                let place = crate::places::resolve(text, home_state);
                if place.is_none() {
                    errors.push(FieldError::new("near", "unknown-place"));
                }
                place.map(|p| p.point)
            }
        };
        let moud = flag("moud", &self.moud, &mut errors);
        let with_beds = flag("beds", &self.beds, &mut errors);
        let raw = RawQuery {
            town: &self.town,
            region: &self.region,
            within_mi: &self.within,
            population: &self.population,
            moud,
            max_cost: &self.max_cost,
            level: &self.level,
            with_beds,
        };
        match Query::parse(&raw, near) {
            Ok(q) if errors.is_empty() => Ok(q),
            Ok(_) => Err(errors),
            Err(more) => {
                errors.extend(more);
                Err(errors)
            }
        }
    }
}
