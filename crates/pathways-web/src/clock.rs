//! The one place "now" and "today" come from in the web layer.

use chrono::NaiveDate;

/// Today's date (UTC). Dates of birth are checked against it; a day's slack either way is harmless there.
pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// Today's date in a zone — the deployment's (`config.deployment.time_zone`) for what a person's record counts by
/// day: the encounter form's default day starts or extends their episode, whose interview windows are read in that
/// zone's days (`services::interviews::today`). UTC's date runs a day ahead of New York's every evening after 19:00
/// or 20:00. (Parsing still bounds dates by [`today`], so a date up to UTC's is accepted.)
pub fn today_in(tz: chrono_tz::Tz) -> NaiveDate {
    chrono::Utc::now().with_timezone(&tz).date_naive()
}
