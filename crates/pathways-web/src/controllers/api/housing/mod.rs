//! `/api/v1/housing`: the public recovery housing board as JSON (issue 19). The use case is
//! `crate::services::housing::board`, the same the `/housing` page calls. `/api/v1/residences/{id}` (and its
//! `reports`): the operator's residence, its details and its weekly bed report, as the operator's pages do.

pub mod get_housing;
pub mod get_residence;
pub mod put_residence;
pub mod report_residence;
pub mod residence_json;

pub use get_housing::get_housing;
