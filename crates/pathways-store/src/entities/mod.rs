//! SeaORM entities: one file per table. The same entities run on SQLite and PostgreSQL.

pub mod account;
pub mod api_token;
pub mod audit_event;
pub mod organization;
pub mod person;
pub mod session;
