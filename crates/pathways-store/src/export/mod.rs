//! The directory going out in open formats: HSDS 3.0 objects (`pathways export hsds`, the HSDS API) and a Meeting
//! Guide feed of its meetings. Conversion is pure, rows in and JSON out ([`hsds`], [`meeting_guide`]), cleaned by
//! one table of what each HSDS object may hold ([`clean`]) and with taxonomy terms from [`vocabulary`]; [`read`]
//! loads the rows, never a retired one; [`files`] writes an export folder.

pub mod clean;
pub mod files;
#[cfg(test)]
mod fixtures;
pub mod hsds;
pub mod meeting_guide;
pub mod read;
pub mod vocabulary;

pub use vocabulary::Vocabularies;
