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
