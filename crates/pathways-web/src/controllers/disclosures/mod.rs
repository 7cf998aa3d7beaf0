//! What the person can see of who saw their record (issue 7): the accounting of disclosures — every time
//! information went to an ally or another organization on a consent — and the access log: every read and change
//! of their record in the audit trail, in plain words. Both cover the past three years, newest first.

pub mod access_log;
pub mod list_disclosures;

pub use access_log::access_log;
pub use list_disclosures::list_disclosures;

use serde::Deserialize;

/// Lines per page.
pub const PER_PAGE: u64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PageQuery {
    /// 1-based.
    pub page: u64,
}

/// (offset, page) for a 1-based page number.
pub fn slice(page: u64) -> (u64, u64) {
    let page = page.max(1);
    ((page - 1) * PER_PAGE, page)
}

/// Links to the pages before and after, when there are.
pub fn pager(path: &str, page: u64, total: u64) -> (Option<String>, Option<String>) {
    let pages = total.div_ceil(PER_PAGE).max(1);
    (
        (page > 1).then(|| format!("{path}?page={}", page - 1)),
        (page < pages).then(|| format!("{path}?page={}", page + 1)),
    )
}
