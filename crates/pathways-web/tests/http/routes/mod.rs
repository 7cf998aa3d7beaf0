//! One module per area of routes.

mod access_line;
mod accounts;
mod api_persons;
mod api_recovery;
mod auth;
mod calendar;
mod capacity;
mod checkups;
mod community;
mod consents;
mod deployment;
mod directory;
mod education;
mod fhir;
mod financing;
mod find;
mod finder_events;
mod funding;
mod hardening;
mod housing;
mod hsds;
mod interviews;
mod meetings;
mod naloxone;
mod network;
mod ops;
mod outcome_reports;
mod pages;
mod perception;
mod persons;
mod plans;
mod recovery;
mod referrals;
mod reports;
mod retention;
mod tokens;
mod two_factor;
mod volunteers;
// Recovery Friendly designation programs (issue 20, item 5).
mod designation_programs;
// Issue 21 (sixth pass): a service's plan goal and encounter, group services on the page.
mod service_links;
// Issue 17 (sixth pass): the person's own part of the outcome interview, in the portal.
mod own_interview;
// A known person's quick sign-in at the kiosk (issue 20, branch kiosk-known).
mod kiosk_known;
// Recovery Friendly evidence files and trainings tied to an application (issue 20, branch rf-evidence).
mod designation_evidence;
// Issue 17 (outcomes-parts): a proxy's parts of the outcome interview.
mod interview_proxy;
// Issue 17 (outcomes-parts): a state records its member organizations' regions.
mod network_region;
// Recovery Friendly designations as JSON; a training detached; an applicant's file removed (issue 20, branch rf-api).
mod designation_api;
// A known person signed in by the center's staff from the attendance page (issue 20, branch kiosk-staff).
mod attendance_sign_in;
