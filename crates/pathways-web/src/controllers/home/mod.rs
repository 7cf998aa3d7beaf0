//! The public home page.

pub mod show_home;

pub use show_home::show_home;
