//! The use cases: one function per thing a user does (save a check-up, revoke a consent, send a referral, reserve a
//! bed …), shared by every door — the page handler and the JSON handler each translate their input, call the one
//! function, and translate its typed result. A use case opens the gate (`crate::access`: role, organization,
//! assignment, consent; the audit event in the same transaction), runs the domain rule, writes through the store,
//! commits, and returns plain data (store rows, domain values), never a page or JSON.
//!
//! A use case takes the application state, the request's context (for the audit actor and the language) and the
//! signed-in caller, then its inputs already parsed into domain types.

pub mod access_line;
pub mod accounts;
pub mod allies;
pub mod assessments;
pub mod capacity;
pub mod caseload;
pub mod checkins;
pub mod checkups;
pub mod community;
pub mod consents;
pub mod directory;
pub mod disclosures;
pub mod encounters;
pub mod fhir;
pub mod financing;
pub mod housing;
pub mod interviews;
pub mod invites;
pub mod locator;
pub mod outcome_reports;
pub mod outreach;
pub mod persons;
pub mod plans;
pub mod referrals;
pub mod reports;
pub mod sessions;
pub mod staff;
pub mod summary;
pub mod tokens;
pub mod two_factor;
// issue 17: the state view
pub mod network;
// issue 17: perception of care
pub mod perception;
// Recovery community: naloxone and trainings (issue 20)
pub mod education;
pub mod naloxone;
pub mod volunteers;
// Issue 21: setting up financing (payer profiles, funding sources, vouchers)
pub mod funding;
// Recovery Friendly designation programs (issue 20, item 5).
pub mod designation_programs;
pub mod kiosk_known;
