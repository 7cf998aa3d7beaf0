//! The directory's meetings for other meeting finders: a Meeting Guide feed (`/api/v1/meetings.json`) that the
//! Meeting Guide app, TSML UI and 12 Step Meeting List can import. Public, like the finder.

pub mod get_meetings_feed;

pub use get_meetings_feed::get_meetings_feed;
