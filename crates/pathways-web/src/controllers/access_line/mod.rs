//! The access line's console (issue 6): a call's answers, the level-of-care suggestion, programs with a bed,
//! holds, a ride and the next-day follow-up, on pages that work without JavaScript; and the transport queue.
//! The use cases are `crate::services::access_line`; the JSON API is `controllers::api::access_line`.

pub mod change_ride;
pub mod choose_level;
pub mod console;
pub mod create_call;
pub mod follow_up;
pub mod hold_bed;
pub mod make_person;
pub mod request_ride;
pub mod show_call;
pub mod show_console;
pub mod show_figures;
pub mod show_transport;

pub use change_ride::change_ride_form;
pub use choose_level::choose_level;
pub use create_call::create_call;
pub use follow_up::follow_up;
pub use hold_bed::hold_bed;
pub use make_person::make_person;
pub use request_ride::request_ride;
pub use show_call::show_call;
pub use show_console::show_console;
pub use show_figures::show_figures;
pub use show_transport::show_transport;

/// Local time for the line's pages, in the deployment's time zone.
pub fn local_time(at: chrono::DateTime<chrono::Utc>, tz: chrono_tz::Tz) -> String {
    at.with_timezone(&tz).format("%H:%M").to_string()
}
