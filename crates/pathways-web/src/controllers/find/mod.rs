//! The public finder: search the community directory by words, place and time (`/find`; its JSON is `controllers/api/find`),
//! and one listing's page (`/find/{id}`). No sign-in, nothing personal kept: a search is not logged with its words.

pub mod show_find;
pub mod show_listing;
pub mod suggest_correction;

pub use show_find::show_find;
pub use show_listing::show_listing;
pub use suggest_correction::suggest_correction;
