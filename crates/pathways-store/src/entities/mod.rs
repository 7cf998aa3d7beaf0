//! SeaORM entities: one file per table. The same entities run on SQLite and PostgreSQL.

pub mod access_call;
pub mod account;
pub mod api_token;
pub mod assessment;
pub mod attention_item;
pub mod audit_event;
pub mod bed_hold;
pub mod capacity_look;
pub mod checkin;
pub mod checkup;
pub mod checkup_program;
pub mod checkup_schedule;
pub mod community_event;
pub mod consent;
pub mod consent_scan;
pub mod consent_scan_previous;
pub mod dir_correction;
pub mod dir_location;
pub mod dir_organization;
pub mod dir_service;
pub mod dir_service_at_location;
pub mod dir_service_version;
pub mod directory_state;
pub mod disclosure;
pub mod encounter;
pub mod episode;
pub mod instrument;
pub mod invite;
pub mod job;
pub mod kiosk;
pub mod kiosk_visit;
pub mod linkage_task;
pub mod locator_contact;
pub mod organization;
pub mod outcome_interview;
pub mod outreach_attempt;
pub mod outreach_dirty;
pub mod outreach_item;
pub mod password_reset;
pub mod pending_sign_in;
pub mod person;
pub mod person_summary;
pub mod plan_version;
pub mod recovery_code;
pub mod referral;
pub mod referral_event;
pub mod residence;
pub mod residence_hold;
pub mod residence_report;
pub mod served_count;
pub mod served_demographic;
pub mod session;
pub mod transport_request;
pub mod treatment_program;
pub mod two_factor;
// issue 17: the state view and the perception-of-care survey (m0025)
pub mod network_membership;
pub mod perception_code;
pub mod perception_response;
// peer services and their financing (issue 21)
pub mod funding_source;
pub mod payer_profile;
pub mod service_event;
pub mod service_event_person;
pub mod service_month_count;
pub mod staff_credential;
pub mod supervision_session;
pub mod voucher;
// Recovery community: naloxone and trainings (issue 20, m0031)
pub mod community_training;
pub mod education_page;
pub mod naloxone_report;
pub mod recovery_friendly;
pub mod volunteer;
pub mod volunteer_hours;
// issue 17 at a state's scale: the access and retention report's kept counts (m0038)
pub mod retention_count;
pub mod retention_summary;
// Recovery Friendly designations as programs (issue 20, m0039)
pub mod designation_application;
pub mod designation_program;
pub mod designation_review;
pub mod designation_submission;
// A known person's kiosk check-in code (issue 20, m0043)
pub mod kiosk_code;
// issue 17 at a state's scale: outcome change's pairs, kept (m0048)
pub mod follow_up_window;
pub mod outcome_pair;
// Recovery Friendly designations: evidence files, trainings attached to an application (issue 20, m0046)
pub mod designation_evidence_file;
pub mod designation_training;
// The kept counts' time zone and an outcome interview's proxy sections (issue 17, m0047)
pub mod kept_count_zone;
pub mod outcome_interview_proxy;
// issue 17 at a state's scale: the follow-up windows counted by organization and month (m0049)
pub mod follow_up_count;
// issue 17 at a state's scale: outcome change's counts, kept (m0050)
pub mod outcome_change_count;
