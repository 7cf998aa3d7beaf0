//! The 24/7 access line and treatment capacity (issue 6): levels of care, bed counts and their freshness, bed
//! holds, the level-of-care suggestion from a call's answers, the transport queue's order and a ride's statuses,
//! and the line's time figures. Pure: the store keeps the rows, the web layer shows them; every rule is here.

pub mod call;
pub mod capacity;
pub mod figures;
pub mod level;
pub mod transport;
pub mod triage;

pub use call::{Call, CallerType, RawCall, RawRide, Ride};
pub use capacity::{BedCount, Change, Freshness, Hold, HoldState};
pub use level::LevelOfCare;
pub use transport::{PriorityClass, RideStatus};
pub use triage::{CallAnswers, Suggestion};
