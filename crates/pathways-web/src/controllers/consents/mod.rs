//! Consents under 42 CFR Part 2 (issue 7): the person signs in their portal (`/me/consents`), staff record a
//! signed paper form (`/persons/{id}/consents`); either revokes, effective for the very next request. The
//! elements §2.31 requires are checked by `pathways_domain::consent::validate`; a consent missing one is refused
//! with the element named.

pub mod create_consent;
pub mod end_consent;
pub mod list_consents;
pub mod revoke_consent;
pub mod show_scan;
pub mod upload_scan;

pub use create_consent::create_consent;
pub use end_consent::end_consent;
pub use list_consents::list_consents;
pub use revoke_consent::revoke_consent;
pub use show_scan::show_scan;
pub use upload_scan::upload_scan;
