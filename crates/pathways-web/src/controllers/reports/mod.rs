//! Outcome reports (issue 17): each a page (an SVG chart and the table behind it, explained in plain words) and
//! a CSV download; the same figures are in the JSON API (`controllers/api/reports/`). Aggregates only, every
//! count of persons below 11 suppressed.

pub mod download_people_served;
pub mod show_people_served;
// issue 17: the state view
pub mod download_network_people_served;
pub mod show_network_people_served;
// issue 17: perception of care
pub mod download_perception;
pub mod show_perception;

pub use download_network_people_served::download_network_people_served;
pub use download_perception::download_perception;
pub use show_network_people_served::show_network_people_served;
// Follow-up rate and outcome change (issue 17)
pub mod download_follow_up;
pub mod show_follow_up;
pub mod show_outcome_change;
// issue 17: outcome change's CSV; the network's outcome change
pub mod download_outcome_change;
pub mod show_network_outcome_change;
// issue 17: people served by age band and language
pub mod download_demographics;

pub use download_demographics::{download_demographics, download_network_demographics};
pub use download_follow_up::{download_follow_up, download_network_follow_up};
pub use download_outcome_change::{download_network_outcome_change, download_outcome_change};
pub use download_people_served::download_people_served;
pub use show_follow_up::{show_follow_up, show_network_follow_up};
pub use show_network_outcome_change::show_network_outcome_change;
pub use show_outcome_change::show_outcome_change;
pub use show_people_served::show_people_served;
pub use show_perception::show_perception;
// Recovery community: the network's naloxone and trainings (issue 20)
pub mod download_network_naloxone;
pub mod show_network_naloxone;

pub use download_network_naloxone::download_network_naloxone;
pub use show_network_naloxone::show_network_naloxone;

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use pathways_domain::outcomes::Cell;
use serde::Deserialize;

use crate::error::{WebError, WebResult};

use crate::i18n::Tr;

/// `?year=2027`: the fiscal year (named by the year it ends in); the current one when absent or empty.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct YearQuery {
    pub year: Option<String>,
}

/// `?year=2027&months=12&indicator=stable_housing`: the network's outcome change — the fiscal year, the
/// follow-up point (6 or 12 months; 6 when absent) and, on the page, the outcome shown by organization.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChangeQuery {
    pub year: Option<String>,
    pub months: Option<String>,
    pub indicator: Option<String>,
}

/// A CSV file written into `out`, sent as a download named `name`.
pub fn csv_attachment(out: csv::Writer<Vec<u8>>, name: &str) -> WebResult<Response> {
    let body = out.into_inner().map_err(|_| WebError::BadRequest(crate::key!("error-invalid")))?;
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    let disposition = format!("attachment; filename=\"{name}\"");
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).map_err(|_| WebError::NotFound)?);
    Ok(resp)
}

/// A figure as the page and the CSV file show it.
pub fn cell_text(t: &Tr, c: Cell) -> String {
    match c {
        Cell::Shown(n) => n.to_string(),
        Cell::FewerThan11 => t.get("report-fewer-than-11"),
        Cell::Hidden => t.get("report-hidden"),
    }
}

// issue 17: access and retention
pub mod download_access_retention;
pub mod download_network_access_retention;
pub mod show_access_retention;
pub mod show_network_access_retention;

pub use download_access_retention::download_access_retention;
pub use download_network_access_retention::download_network_access_retention;
pub use show_access_retention::show_access_retention;
pub use show_network_access_retention::show_network_access_retention;
