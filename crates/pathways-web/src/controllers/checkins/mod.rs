//! Self check-ins: the person's quick form (`/me/checkin`), and the list for the person and their team.

pub mod create_checkin;
pub mod list_checkins;
pub mod new_checkin;

pub use create_checkin::create_checkin;
pub use list_checkins::list_checkins;
pub use new_checkin::new_checkin;
