//! The coach's caseload: who needs attention today.

pub mod show_caseload;

pub use show_caseload::show_caseload;
