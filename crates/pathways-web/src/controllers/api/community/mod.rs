//! Recovery community (issue 20): the public calendar as JSON (`GET /api/v1/calendar`). Public: no token, no
//! personal data.

pub mod get_calendar;
// Recovery Friendly designations and programs as JSON (issue 20, branch rf-api): public, no token.
pub mod list_designation_programs;
pub mod list_designations;
