//! Family and allies (issue 7). The person invites an ally from their portal (`/me/allies`: a one-time link and
//! code, as staff invite the person); the ally opens it, chooses a username and password, and sees at `/ally`
//! only what a consent in force shares with them — checked on every request, entered in the accounting of
//! disclosures, with the §2.32 notice. `/ally/support` lists family supports from the directory.

pub mod invite_ally;
pub mod remove_ally;
pub mod show_allies;
pub mod show_shared;
pub mod show_support;

pub use invite_ally::invite_ally;
pub use remove_ally::remove_ally;
pub use show_allies::show_allies;
pub use show_shared::show_shared;
pub use show_support::show_support;
