//! Request handlers: one folder per area, one file per action, named `<verb>_<thing>`. Routes are in
//! `crate::router`.

pub mod access_line;
pub mod accounts;
pub mod allies;
pub mod api;
pub mod assessments;
pub mod assets;
pub mod auth;
pub mod calendar;
pub mod capacity;
pub mod caseload;
pub mod checkins;
pub mod checkups;
pub mod community;
pub mod consents;
pub mod directory;
pub mod disclosures;
pub mod encounters;
pub mod financing;
pub mod find;
pub mod home;
pub mod housing;
pub mod interviews;
pub mod invites;
pub mod kiosk;
pub mod lang;
pub mod locator;
pub mod ops;
pub mod outreach;
pub mod persons;
pub mod plans;
pub mod portal;
pub mod record;
pub mod recovery;
pub mod referrals;
pub mod reports;
pub mod residences;
pub mod service_events;
pub mod staff;
pub mod tokens;
pub mod two_factor;
// issue 17: the state view
pub mod network;
// issue 17: perception of care
pub mod perception;
// Recovery community: Recovery Friendly designations (issue 20)
pub mod learn;
pub mod recovery_friendly;
// Issue 21: a person's vouchers
pub mod vouchers;
// Recovery Friendly designation programs (issue 20, item 5).
pub mod designation_programs;
pub mod kiosk_codes;
