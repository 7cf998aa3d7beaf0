//! Two-factor sign-in from a signed-in account: its status, enrolling an authenticator, turning an optional one
//! off (`/account/two-factor`), and an administrator's reset of a lost one (`/admin/two-factor`). The sign-in's
//! own second step is in `controllers/auth`.

pub mod enroll_two_factor;
pub mod list_two_factor;
pub mod reset_two_factor;
pub mod show_two_factor;
pub mod start_two_factor;
pub mod turn_off_two_factor;

pub use enroll_two_factor::enroll_two_factor;
pub use list_two_factor::list_two_factor;
pub use reset_two_factor::reset_two_factor;
pub use show_two_factor::show_two_factor;
pub use start_two_factor::start_two_factor;
pub use turn_off_two_factor::turn_off_two_factor;

use serde::Deserialize;

/// A form carrying a code.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeForm {
    pub code: String,
}
