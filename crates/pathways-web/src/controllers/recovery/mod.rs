//! The public explanation of recovery (`/recovery`), in the terms DMHAS and SAMHSA use.

pub mod show_recovery;

pub use show_recovery::show_recovery;
