//! `/api/v1/outreach`: the caller's outreach queue and attempts (issue 5).

pub mod create_attempt;
pub mod list_outreach;

pub use create_attempt::create_attempt;
pub use list_outreach::list_outreach;
