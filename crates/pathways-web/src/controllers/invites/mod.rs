//! Inviting a person to their own portal: a coach makes a one-time link and code (no mail server needed),
//! the person opens it, chooses a username and password, and is signed in. The invitations themselves are
//! `crate::services::invites`.

pub mod accept_invite;
pub mod create_invite;
pub mod show_invite;
pub mod show_invite_code;

pub use accept_invite::accept_invite;
pub use create_invite::create_invite;
pub use show_invite::show_invite;
pub use show_invite_code::show_invite_code;
