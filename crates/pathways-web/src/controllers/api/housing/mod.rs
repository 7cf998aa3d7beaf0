//! `/api/v1/housing`: the public recovery housing board as JSON (issue 19). The use case is
//! `crate::services::housing::board`, the same the `/housing` page calls.

pub mod get_housing;

pub use get_housing::get_housing;
