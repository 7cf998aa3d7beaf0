//! Sign-in and sign-out, and a sign-in's second step (two-factor: a code, or enrolling an authenticator).

pub mod confirm_enrollment;
pub mod second_step;
pub mod show_enrollment;
pub mod show_login;
pub mod show_second_step;
pub mod sign_in;
pub mod sign_out;
pub mod verify_second_step;

pub use confirm_enrollment::confirm_enrollment;
pub use show_enrollment::show_enrollment;
pub use show_login::show_login;
pub use show_second_step::show_second_step;
pub use sign_in::sign_in;
pub use sign_out::sign_out;
pub use verify_second_step::verify_second_step;
