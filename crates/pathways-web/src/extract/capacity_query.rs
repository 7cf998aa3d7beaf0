//! The capacity board's query string (`/capacity` and `GET /api/v1/capacity`), read as text so each bad value is
//! named.

use pathways_domain::access_line::LevelOfCare;
use pathways_domain::text::FieldError;
use pathways_store::capacity::BoardFilter;
use serde::Deserialize;

/// The query string, read as text so a bad value is named in a 422.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CapacityParams {
    pub level: String,
    pub near: String,
    pub population: String,
    /// A region as the programs name it (`North Central`).
    pub region: String,
    /// `true`: only programs with a bed to offer.
    pub available: String,
}

impl CapacityParams {
    /// The parameters as a filter, or every bad one named.
    pub fn filter(&self, home_state: &str) -> Result<BoardFilter, Vec<FieldError>> {
        let mut errors = Vec::new();
        let level = match self.level.trim() {
            "" => None,
            code => {
                let l = LevelOfCare::parse(code);
                if l.is_none() {
                    errors.push(FieldError::new("level", "unknown-choice"));
                }
                l
            }
        };
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
        let available_only = match self.available.trim() {
            "" | "false" => false,
            "true" => true,
            _ => {
                errors.push(FieldError::new("available", "unknown-choice"));
                false
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let population = Some(self.population.trim().to_owned()).filter(|s| !s.is_empty());
        let region = Some(self.region.trim().to_owned()).filter(|s| !s.is_empty());
        Ok(BoardFilter { level, near, population, region, available_only, ..BoardFilter::default() })
    }
}
