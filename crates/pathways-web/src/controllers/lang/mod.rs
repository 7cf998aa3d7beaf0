//! The language switch.

pub mod switch_language;

pub use switch_language::switch_language;
