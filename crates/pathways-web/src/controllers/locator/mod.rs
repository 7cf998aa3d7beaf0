//! Locator details (issue 5): the other ways to reach a person and the people who know where they are, kept for
//! outreach with the person's consent. Staff see and keep them at `/persons/{id}/locator`; the person sees,
//! adds and withdraws their own at `/me/locator`.

pub mod add_locator;
pub mod remove_locator;
pub mod show_locator;

pub use add_locator::add_locator;
pub use remove_locator::remove_locator;
pub use show_locator::show_locator;
