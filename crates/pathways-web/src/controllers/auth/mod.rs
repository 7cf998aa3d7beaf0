//! Sign-in and sign-out.

pub mod show_login;
pub mod sign_in;
pub mod sign_out;

pub use show_login::show_login;
pub use sign_in::sign_in;
pub use sign_out::sign_out;
