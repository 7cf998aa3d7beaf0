//! The person's own portal: `/me`.

pub mod show_me;

pub use show_me::show_me;
