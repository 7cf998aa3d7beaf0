//! Pathways domain: the types and rules of a recovery-oriented system of care.
//!
//! Everything here is pure: no IO, no async, no framework. Values are parsed at the edge into these types
//! ("parse, don't validate"), and the rules (who may see a record, how the audit chain is hashed, when a
//! session ends, when sign-in is throttled) are plain functions with unit and property tests.

pub mod access;
pub mod access_line;
pub mod audit;
pub mod barc10;
pub mod checkin;
pub mod checkup;
pub mod community;
pub mod consent;
pub mod credentials;
pub mod deployment;
pub mod dimension;
pub mod directory;
pub mod encounter;
pub mod fhir_date;
pub mod financing;
pub mod finder;
pub mod housing;
pub mod ids;
pub mod locale;
pub mod org;
pub mod outcomes;
pub mod outreach;
pub mod password;
pub mod person;
pub mod plan;
pub mod redirect;
pub mod referral;
pub mod role;
pub mod session;
pub mod taxonomy;
pub mod text;
pub mod throttle;
pub mod token;
pub mod two_factor;

pub use ids::{AccountId, OrgId, PersonId};
pub use role::{PrincipalKind, Role};
