//! The one place "now" and "today" come from in the web layer.

use chrono::NaiveDate;

/// Today's date (UTC). Dates of birth are checked against it; a day's slack either way is harmless there.
pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}
