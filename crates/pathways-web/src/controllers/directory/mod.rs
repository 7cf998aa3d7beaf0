//! Staff pages for the community directory: the list of listings (search, stale, with corrections, retired),
//! adding and editing a listing (each save a version), verifying, retiring and restoring, a listing's history,
//! and the queue of corrections the public suggests. Directory editors and administrators only; the use cases
//! are `crate::services::directory`.

pub mod close_correction;
pub mod create_listing;
pub mod edit_listing;
pub mod form;
pub mod list_corrections;
pub mod list_listings;
pub mod listing_history;
pub mod new_listing;
pub mod save_listing;
pub mod set_listing_state;
pub mod update_listing;

pub use close_correction::close_correction;
pub use create_listing::create_listing;
pub use edit_listing::edit_listing;
pub use list_corrections::list_corrections;
pub use list_listings::list_listings;
pub use listing_history::listing_history;
pub use new_listing::new_listing;
pub use set_listing_state::set_listing_state;
pub use update_listing::update_listing;
