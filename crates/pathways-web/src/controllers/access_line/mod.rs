//! The access line's console (issue 6): a call's answers, the level-of-care suggestion, programs with a bed,
//! holds, a ride and the next-day follow-up, on pages that work without JavaScript; and the transport queue.
//! Calls hold personal data: only the line's own organization reaches them (another's answers 404), and every
//! read and change is audited in its transaction (`pathways_store::access_calls`).

pub mod api;
pub mod call;
pub mod console;
pub mod figures;
pub mod transport;

pub use call::{choose_level, follow_up, hold_bed, make_person, request_ride, show_call};
pub use console::{create_call, show_console};
pub use figures::show_figures;
pub use transport::{change_ride_form, show_transport};

/// Local time for the line's pages, in the deployment's time zone.
pub fn local_time(at: chrono::DateTime<chrono::Utc>, tz: chrono_tz::Tz) -> String {
    at.with_timezone(&tz).format("%H:%M").to_string()
}
