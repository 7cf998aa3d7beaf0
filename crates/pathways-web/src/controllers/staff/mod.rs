//! The staff home.

pub mod show_staff_home;

pub use show_staff_home::show_staff_home;
