//! The public calendar's query (`/calendar?when=tonight&language=es&page=2`): a page's plain GET form, read as
//! text so each bad value is named beside the form (the page then shows the week, unfiltered); the JSON API reads
//! the same names through `ApiQuery` (`controllers/api/calendar`).

use chrono::NaiveDate;
use pathways_domain::community::calendar::{Filter, RawFilter, Span};
use pathways_domain::text::FieldError;
use serde::Deserialize;

/// The most pages the calendar counts to (a bound that catches a typing error, as the finder's).
pub const MAX_PAGE: usize = 10_000;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct CalendarParams {
    /// `tonight`, `week`, or a day `YYYY-MM-DD` of the next four weeks.
    pub when: String,
    /// A region centers are recorded in.
    pub region: String,
    /// `group` or `event`.
    pub kind: String,
    /// `en`, `es` or `en-es`.
    pub language: String,
    /// Who it is for (`community::Audience`'s codes).
    pub audience: String,
    /// `in-person` or `online`.
    pub attend: String,
    /// `morning`, `afternoon` or `evening`.
    pub time: String,
    /// The page, from 1 (blank: the first).
    pub page: String,
}

impl CalendarParams {
    pub fn span(&self, today: NaiveDate) -> Result<Span, FieldError> {
        Span::parse(&self.when, today)
    }

    pub fn filter(&self) -> Result<Filter, Vec<FieldError>> {
        Filter::parse(&RawFilter {
            region: &self.region,
            kind: &self.kind,
            language: &self.language,
            audience: &self.audience,
            attend: &self.attend,
            time: &self.time,
        })
    }

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

    /// `path` with the query string again and another page (the pager's links) or another `when` (the views).
    pub fn href(&self, path: &str, when: &str, page: usize) -> String {
        let pairs = [
            ("when", when),
            ("region", &self.region),
            ("kind", &self.kind),
            ("language", &self.language),
            ("audience", &self.audience),
            ("attend", &self.attend),
            ("time", &self.time),
        ];
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in pairs {
            if !v.trim().is_empty() {
                q.append_pair(k, v.trim());
            }
        }
        if page > 1 {
            q.append_pair("page", &page.to_string());
        }
        let q = q.finish();
        if q.is_empty() { path.to_owned() } else { format!("{path}?{q}") }
    }
}
