//! `/financing` (issue 21): the month's units and dollars by funding source and staff member, the ready-to-bill
//! list, voucher balances; a CSV per funder and a claims CSV; staff credentials and supervision
//! (`/financing/credentials`). Supervisors and administrators.

pub mod add_credential;
pub mod add_supervision;
pub mod download_claims;
pub mod download_funder;
pub mod show_credentials;
pub mod show_financing;
// Setting up financing (issue 21, second pass): payer profiles and funding sources.
pub mod add_funding_source;
pub mod add_profile;
pub mod edit_funding_source;
pub mod edit_profile;
pub mod show_funding;
pub mod update_funding_source;
pub mod update_profile;

pub use add_credential::add_credential;
pub use add_funding_source::add_funding_source;
pub use add_profile::add_profile;
pub use add_supervision::add_supervision;
pub use download_claims::download_claims;
pub use download_funder::download_funder;
pub use edit_funding_source::edit_funding_source;
pub use edit_profile::edit_profile;
pub use show_credentials::show_credentials;
pub use show_financing::show_financing;
pub use show_funding::show_funding;
pub use update_funding_source::update_funding_source;
pub use update_profile::update_profile;

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::error::{WebError, WebResult};

/// `?month=YYYY-MM&source=<id>`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MonthQuery {
    pub month: String,
    pub source: String,
}

impl MonthQuery {
    pub fn month(&self) -> WebResult<chrono::NaiveDate> {
        crate::services::financing::parse_month(&self.month, crate::clock::today())
            .map_err(|e| WebError::Invalid(vec![e]))
    }
    pub fn source(&self) -> Option<uuid::Uuid> {
        uuid::Uuid::parse_str(self.source.trim()).ok()
    }
}

/// A CSV download.
pub fn csv_response(rows: Vec<Vec<String>>, name: &str) -> WebResult<Response> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let csv_err = |_| WebError::BadRequest(crate::key!("error-invalid"));
    for r in rows {
        out.write_record(r).map_err(csv_err)?;
    }
    let body = out.into_inner().map_err(|_| WebError::BadRequest(crate::key!("error-invalid")))?;
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    let disposition = format!("attachment; filename=\"{name}\"");
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).map_err(|_| WebError::NotFound)?);
    Ok(resp)
}
