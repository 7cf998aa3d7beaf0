//! The person's own copy of their record (issue 18): `/me/record`, a printable page in their language, and the same
//! record as a FHIR R4 Bundle (`/me/record?format=fhir`).

pub mod show_record;

pub use show_record::show_record;
