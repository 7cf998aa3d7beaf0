//! `/api/v1/reports/…`: the outcome reports' figures (aggregates only, suppressed as on the pages).

pub mod get_follow_up;
pub mod get_outcome_change;
pub mod get_people_served;
// issue 17: the state view
pub mod get_network_people_served;
pub mod get_perception;
// issue 17: access and retention
pub mod get_access_retention;
pub mod get_network_access_retention;
// Recovery community: the network's naloxone and trainings (issue 20)
pub mod get_network_naloxone;
// issue 17: the network's outcome change
pub mod get_network_outcome_change;
