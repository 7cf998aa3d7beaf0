//! One module per area of routes.

mod access_line;
mod accounts;
mod api_persons;
mod api_recovery;
mod auth;
mod capacity;
mod checkups;
mod consents;
mod deployment;
mod directory;
mod fhir;
mod financing;
mod find;
mod hardening;
mod housing;
mod hsds;
mod meetings;
mod ops;
mod pages;
mod persons;
mod plans;
mod recovery;
mod referrals;
mod reports;
mod tokens;
mod two_factor;
