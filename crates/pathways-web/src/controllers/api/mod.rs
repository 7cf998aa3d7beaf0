//! The JSON API (`/api/v1`). Bearer tokens only; errors are JSON.

pub mod access_line;
pub mod capacity;
pub mod checkups;
pub mod community;
pub mod consents;
pub mod fhir;
pub mod financing;
pub mod find;
pub mod housing;
pub mod hsds;
pub mod interviews;
pub mod meetings;
pub mod outreach;
pub mod persons;
pub mod plans;
pub mod records;
pub mod referrals;
pub mod reports;
