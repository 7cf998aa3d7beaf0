//! Closed-loop referrals (issue 7). A coach, clinician or supervisor refers a person to a directory service
//! (`/persons/{id}/referrals`): the consent gate runs first — without a consent in force that lets referral
//! information go to that organization the referral is blocked, with a shortcut to record one. The referral
//! arrives in the receiving organization's inbox when it is on Pathways, or is printed as a packet when not.
//! Both sides follow it at `/referrals`; the receiver sees the packet only.

pub mod call_referrals;
pub mod create_call_referral;
pub mod create_referral;
pub mod list_referrals;
pub mod person_referrals;
pub mod refer;
pub mod show_referral;
pub mod update_referral;

pub use call_referrals::call_referrals;
pub use create_call_referral::create_call_referral;
pub use create_referral::create_referral;
pub use list_referrals::list_referrals;
pub use person_referrals::person_referrals;
pub use show_referral::show_referral;
pub use update_referral::update_referral;

use crate::i18n::Tr;

/// A status in the reader's words.
pub fn status_words(t: &Tr, status: &str) -> String {
    t.get(&format!("referral-status-{status}"))
}
