//! A person's check-ups (issue 5): the schedule, the interview form, the history and the linkage task.

pub mod create_checkup;
pub mod linkage_step;
pub mod list_checkups;

pub use create_checkup::create_checkup;
pub use linkage_step::linkage_step;
pub use list_checkups::list_checkups;
