//! Encounters: a coach's record of time with a person (staff only). Notes are shown only to those
//! `may_read_notes` allows.

pub mod create_encounter;
pub mod list_encounters;

pub use create_encounter::create_encounter;
pub use list_encounters::list_encounters;
