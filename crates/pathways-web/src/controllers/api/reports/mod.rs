//! `/api/v1/reports/…`: the outcome reports' figures (aggregates only, suppressed as on the pages).

pub mod get_people_served;
