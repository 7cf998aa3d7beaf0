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
pub mod dir_correction;
pub mod dir_location;
pub mod dir_organization;
pub mod dir_service;
pub mod dir_service_at_location;
pub mod dir_service_version;
pub mod directory_state;
pub mod encounter;
pub mod invite;
pub mod organization;
pub mod person;
pub mod person_summary;
pub mod plan_version;
pub mod session;
pub mod transport_request;
pub mod treatment_program;
