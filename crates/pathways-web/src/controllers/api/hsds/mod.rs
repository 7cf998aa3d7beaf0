//! The community directory as an Open Referral HSDS 3.0 API (`/api/hsds/…`, after the specification's
//! openapi.json): services and organizations, listed by page or one by one. Public like the finder (no token,
//! nothing personal); retired listings are never shown. The objects are made by
//! `pathways_store::export::hsds`, the same as `pathways export hsds` writes.
//!
//! Lists take `page` (from 1) and `per_page` (1 to 500, default 50), answer in HSDS's paged wrapper, and refuse a
//! bad value with 422 naming the parameter, as they do a filter this API doesn't offer.

pub mod get_organization;
pub mod get_service;
pub mod list_organizations;
pub mod list_services;

use axum::http::{HeaderName, HeaderValue, header};
use pathways_store::export::Vocabularies;
use pathways_store::export::read::Paging;
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use crate::error::WebError;
use crate::finder::{meeting_types, taxonomy};

pub use get_organization::get_organization;
pub use get_service::get_service;
pub use list_organizations::list_organizations;
pub use list_services::list_services;

pub const DEFAULT_PER_PAGE: u64 = 50;
pub const MAX_PER_PAGE: u64 = 500;
/// Far past any real directory; keeps the offset from overflowing.
const MAX_PAGE: u64 = 1_000_000;

/// Open data: any site may read it from a browser.
pub fn any_origin() -> [(HeaderName, HeaderValue); 1] {
    [(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"))]
}

/// The vocabularies behind the attributes' taxonomy terms.
pub fn vocabularies() -> Vocabularies<'static> {
    Vocabularies { recovery: taxonomy(), meeting_types: meeting_types() }
}

/// A parameter that could not be read: its name, the problem code, and the words for the detail.
pub type Problem = (&'static str, &'static str, String);

/// Reads `page` and `per_page` (left out: the defaults; given empty, refused like any value that is not a number).
pub fn paging(page: Option<&str>, per_page: Option<&str>, problems: &mut Vec<Problem>) -> Paging {
    let page = match page.map(str::trim) {
        None => 1,
        Some(p) => match p.parse::<u64>() {
            Ok(v) if (1..=MAX_PAGE).contains(&v) => v,
            _ => {
                problems.push(("page", "out-of-range", format!("page must be a whole number from 1 to {MAX_PAGE}")));
                1
            }
        },
    };
    let per_page = match per_page.map(str::trim) {
        None => DEFAULT_PER_PAGE,
        Some(p) => match p.parse::<u64>() {
            Ok(v) if (1..=MAX_PER_PAGE).contains(&v) => v,
            _ => {
                problems.push((
                    "per_page",
                    "out-of-range",
                    format!("per_page must be a whole number from 1 to {MAX_PER_PAGE}"),
                ));
                DEFAULT_PER_PAGE
            }
        },
    };
    Paging { page, per_page }
}

/// Reads a `true`/`false` parameter (left out: false).
pub fn flag(name: &'static str, value: Option<&str>, problems: &mut Vec<Problem>) -> bool {
    match value.map(str::trim) {
        None | Some("false") => false,
        Some("true") => true,
        _ => {
            problems.push((name, "unknown-choice", format!("{name} must be true or false")));
            false
        }
    }
}

/// 422 naming every parameter that could not be read; `Ok` when there is none.
pub fn refuse(problems: Vec<Problem>) -> Result<(), WebError> {
    if problems.is_empty() {
        return Ok(());
    }
    let detail = problems.iter().map(|(_, _, words)| words.as_str()).collect::<Vec<_>>().join("; ");
    let fields = problems.into_iter().map(|(name, code, _)| (name.to_owned(), code)).collect();
    Err(WebError::InvalidPaths { fields, detail })
}

/// HSDS's paged wrapper: the page's objects and where it is among all of them.
#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsPage {
    /// How many objects match, on every page.
    pub total_items: u64,
    pub total_pages: u64,
    /// From 1.
    pub page_number: u64,
    /// How many objects are on this page.
    pub size: u64,
    pub first_page: bool,
    pub last_page: bool,
    /// No objects on this page.
    pub empty: bool,
    /// HSDS objects (see each endpoint).
    #[schema(value_type = Vec<Object>)]
    pub contents: Vec<Value>,
}

impl HsdsPage {
    pub fn new(total_items: u64, paging: Paging, contents: Vec<Value>) -> Self {
        let total_pages = total_items.div_ceil(paging.per_page);
        let size = contents.len() as u64;
        Self {
            total_items,
            total_pages,
            page_number: paging.page,
            size,
            first_page: paging.page == 1,
            last_page: paging.page >= total_pages,
            empty: size == 0,
            contents,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_count_from_one_and_say_where_they_are() {
        let p = HsdsPage::new(101, Paging { page: 3, per_page: 50 }, vec![Value::Null]);
        assert_eq!((p.total_pages, p.size, p.first_page, p.last_page, p.empty), (3, 1, false, true, false));
        let none = HsdsPage::new(0, Paging { page: 1, per_page: 50 }, Vec::new());
        assert_eq!((none.total_pages, none.first_page, none.last_page, none.empty), (0, true, true, true));
        let past = HsdsPage::new(10, Paging { page: 9, per_page: 5 }, Vec::new());
        assert!(past.last_page && past.empty);
    }

    #[test]
    fn bad_paging_is_named() {
        let mut problems = Vec::new();
        assert_eq!(paging(None, None, &mut problems), Paging { page: 1, per_page: 50 });
        assert_eq!(paging(Some("2"), Some("500"), &mut problems), Paging { page: 2, per_page: 500 });
        assert!(problems.is_empty());
        paging(Some("0"), Some("501"), &mut problems);
        paging(Some("x"), Some("-1"), &mut problems);
        paging(Some(""), Some(" "), &mut problems);
        let names: Vec<&str> = problems.iter().map(|p| p.0).collect();
        assert_eq!(names, ["page", "per_page", "page", "per_page", "page", "per_page"]);
    }
}
