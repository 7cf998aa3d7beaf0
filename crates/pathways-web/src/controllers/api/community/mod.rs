//! Recovery community (issue 20): the public calendar as JSON (`GET /api/v1/calendar`). Public: no token, no
//! personal data.

pub mod get_calendar;
