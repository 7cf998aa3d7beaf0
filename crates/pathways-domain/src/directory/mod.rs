//! The community directory and meeting finder: services and mutual-support meetings near a person, in the shape
//! of Open Referral HSDS 3.0 and the Meeting Guide feed format.
//!
//! - [`geo`]: coordinates, great-circle distance and the bounding box a radius search filters with first.
//! - [`schedule`]: weekly meeting times in a named time zone, the next occurrence, and "now / today / tonight".
//! - [`meeting_guide`]: reading (and writing) a Meeting Guide JSON feed, one record at a time, so one bad record
//!   never loses the rest.

pub mod geo;
pub mod listing;
pub mod meeting_guide;
pub mod schedule;
