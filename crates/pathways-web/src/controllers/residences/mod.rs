//! Recovery housing (issue 19), the operator's pages: `GET /residences` (each residence with its one-tap weekly
//! bed report, what is due, its flags and the beds held for referred persons), `POST /residences/{id}/report`
//! and `POST /residence-holds/{id}/{admit|release}`; the residence's details, `GET /residences/{id}/edit` and
//! `POST /residences/{id}`; a new residence, `GET /residences/new` and `POST /residences`. The operator is the
//! residence organization's provider staff or administrator (`ProviderStaff`, then `may_update_capacity` against
//! the residence's organization; a new residence is the caller's organization's).

pub mod close_residence_hold;
pub mod create_residence;
pub mod edit_residence;
mod form;
pub mod list_residences;
pub mod new_residence;
pub mod report_beds;
pub mod update_residence;

pub use close_residence_hold::close_residence_hold;
pub use create_residence::create_residence;
pub use edit_residence::edit_residence;
pub use list_residences::list_residences;
pub use new_residence::new_residence;
pub use report_beds::report_beds;
pub use update_residence::update_residence;
