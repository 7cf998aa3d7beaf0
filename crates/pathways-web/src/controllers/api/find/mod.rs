//! The finder's search as JSON (`/api/v1/search`): public, no token.

pub mod api_search;

pub use api_search::api_search;
