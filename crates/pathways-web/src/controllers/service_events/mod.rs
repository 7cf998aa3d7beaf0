//! A person's service events (issue 21): staff record them from their time with the person and see every problem
//! a funder would refuse before signing; a draft is signed by who gave the service, a supervisor co-signs, and a
//! signed service is corrected by a new version with a reason; the person sees, at `/me/service-events`, the
//! services they received in plain words.

pub mod correct_service_event;
pub mod cosign_service_event;
pub mod create_service_event;
pub mod edit_correction;
pub mod list_service_events;
pub mod sign_service_event;

pub use correct_service_event::correct_service_event;
pub use cosign_service_event::cosign_service_event;
pub use create_service_event::create_service_event;
pub use edit_correction::edit_correction;
pub use list_service_events::list_service_events;
pub use sign_service_event::sign_service_event;
