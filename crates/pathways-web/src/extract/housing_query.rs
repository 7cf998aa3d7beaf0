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
    /// The page of results, from 1 (blank: the first).
    pub page: String,
    /// Residences a page (the API's; the page shows 20).
    pub per_page: String,
}

/// The most residences one answer of the API carries.
pub const MAX_PER_PAGE: usize = 100;

/// The most pages the board counts to (a bound that catches a typing error, as the finder's).
pub const MAX_PAGE: usize = 10_000;

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
    /// The page asked for, from 1 to [`MAX_PAGE`]; anything else is named on `page`.
    pub fn page(&self) -> Result<usize, FieldError> {
        match self.page.trim() {
            "" => Ok(1),
            s => s
                .parse::<usize>()
                .ok()
                .filter(|p| (1..=MAX_PAGE).contains(p))
                .ok_or(FieldError::new("page", "out-of-range")),
        }
    }

    /// The API's page size, 1 to [`MAX_PER_PAGE`] (blank: `default`); anything else is named on `per_page`.
    pub fn per_page(&self, default: usize) -> Result<usize, FieldError> {
        match self.per_page.trim() {
            "" => Ok(default),
            s => s
                .parse::<usize>()
                .ok()
                .filter(|p| (1..=MAX_PER_PAGE).contains(p))
                .ok_or(FieldError::new("per_page", "out-of-range")),
        }
    }

    /// The query string again, with another page (the page's previous and next links).
    pub fn href(&self, page: usize) -> String {
        let pairs = [
            ("town", &self.town),
            ("region", &self.region),
            ("near", &self.near),
            ("within", &self.within),
            ("population", &self.population),
            ("moud", &self.moud),
            ("max_cost", &self.max_cost),
            ("level", &self.level),
            ("beds", &self.beds),
        ];
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in pairs {
            if !v.trim().is_empty() {
                q.append_pair(k, v);
            }
        }
        if page > 1 {
            q.append_pair("page", &page.to_string());
        }
        let q = q.finish();
        if q.is_empty() { "/housing".to_owned() } else { format!("/housing?{q}") }
    }

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
