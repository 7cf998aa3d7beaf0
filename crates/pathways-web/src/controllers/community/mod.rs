//! Recovery community (issue 20), a center's staff pages: its groups and events (`/community/events`, add and
//! change them), the day's attendance and its kiosks (`/community/attendance`, open a tablet as a kiosk, close
//! one). The staff are the center's administrators, supervisors and coaches (`CenterStaff`).

pub mod close_kiosk;
pub mod create_event;
pub mod edit_event;
pub mod form;
pub mod list_events;
pub mod new_event;
pub mod open_kiosk;
pub mod show_attendance;
pub mod update_event;

pub use close_kiosk::close_kiosk;
pub use create_event::create_event;
pub use edit_event::edit_event;
pub use list_events::list_events;
pub use new_event::new_event;
pub use open_kiosk::open_kiosk;
pub use show_attendance::show_attendance;
pub use update_event::update_event;
// Naloxone and trainings (issue 20, part 4)
pub mod record_naloxone;
pub mod record_training;
pub mod show_naloxone;

pub use record_naloxone::record_naloxone;
pub use record_training::record_training;
pub use show_naloxone::show_naloxone;
// Volunteers (issue 20)
pub mod add_volunteer;
pub mod list_volunteers;
pub mod log_hours;

pub use add_volunteer::add_volunteer;
pub use list_volunteers::list_volunteers;
pub use log_hours::log_hours;
// Volunteers' checks and trainings, removal from the roster (issue 20, branch volunteers).
pub mod remove_volunteer;
pub mod show_volunteer;
pub mod update_volunteer_dates;

pub use remove_volunteer::remove_volunteer;
pub use show_volunteer::show_volunteer;
pub use update_volunteer_dates::update_volunteer_dates;
// Putting a volunteer taken off the roster back on it (issue 20, branch fin-stream).
pub mod restore_volunteer;

pub use restore_volunteer::restore_volunteer;
// Signing a known person in from the attendance page (issue 20, branch kiosk-staff).
pub mod sign_in_person;

pub use sign_in_person::sign_in_person;
