//! Recovery housing (issue 19), the operator's pages: `GET /residences` (each residence with its one-tap weekly
//! bed report, what is due, its flags and the beds held for referred persons), `POST /residences/{id}/report`
//! and `POST /residence-holds/{id}/{admit|release}`. The operator is the residence organization's provider
//! staff or administrator (`ProviderStaff`, then `may_update_capacity` against the residence's organization).

pub mod close_residence_hold;
pub mod list_residences;
pub mod report_beds;

pub use close_residence_hold::close_residence_hold;
pub use list_residences::list_residences;
pub use report_beds::report_beds;
