//! A state agency's network (issue 17, the state view): `/network`, where an administrator asks to pair, confirms
//! the other side's request, or leaves. The state's reports over the network are in `controllers::reports`.

pub mod confirm_membership;
pub mod leave_network;
pub mod set_region;
pub mod show_network;

pub use confirm_membership::confirm_membership;
pub use leave_network::leave_network;
pub use set_region::set_region;
pub use show_network::show_network;

use serde::Deserialize;

/// The form's one field: the other organization's slug.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OtherOrg {
    pub org: String,
}
