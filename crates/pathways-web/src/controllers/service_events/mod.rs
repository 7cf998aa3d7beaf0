//! A person's service events (issue 21): staff record them from their time with the person and see every problem
//! a funder would refuse before signing; the person sees, at `/me/service-events`, the services they received in
//! plain words.

pub mod create_service_event;
pub mod list_service_events;

pub use create_service_event::create_service_event;
pub use list_service_events::list_service_events;
