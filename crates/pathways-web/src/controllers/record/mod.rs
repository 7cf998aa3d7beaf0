//! A person's record as a whole (issue 18): `/me/record`, their own copy — a printable page in their language, and
//! the same record as a FHIR R4 Bundle (`/me/record?format=fhir`); and `/persons/{id}/export`, staff sending it to
//! another provider under the person's consent.

pub mod create_export;
pub mod export_page;
pub mod new_export;
pub mod show_record;

pub use create_export::create_export;
pub use new_export::new_export;
pub use show_record::show_record;
