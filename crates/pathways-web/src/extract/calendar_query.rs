//! The public calendar's query (`/calendar?when=tonight`): a page's plain GET form. An unknown view is the week.

use serde::Deserialize;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct CalendarParams {
    /// `tonight` or `week`.
    pub when: String,
}
