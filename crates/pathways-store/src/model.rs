//! The rows the store hands to the web layer, by name. They are plain data: the tables' finders
//! (`Entity::find_by_id` and the rest) stay inside this crate, so every query the app runs is one of the store's
//! scoped functions. (The entities themselves are reachable only with the `raw` feature, which the binary's demo
//! data and the tests turn on; the web crate never does.)

pub use crate::consents::ScanVersion;
pub use crate::entities::access_call::Model as AccessCall;
pub use crate::entities::account::Model as Account;
pub use crate::entities::api_token::Model as ApiToken;
pub use crate::entities::assessment::Model as Assessment;
pub use crate::entities::attention_item::Model as AttentionItem;
pub use crate::entities::bed_hold::Model as BedHold;
pub use crate::entities::checkin::Model as Checkin;
pub use crate::entities::checkup::Model as Checkup;
pub use crate::entities::consent::Model as Consent;
pub use crate::entities::consent_scan::Model as ConsentScan;
pub use crate::entities::dir_correction::Model as DirCorrection;
pub use crate::entities::dir_location::Model as DirLocation;
pub use crate::entities::dir_organization::Model as DirOrganization;
pub use crate::entities::dir_service::Model as DirService;
pub use crate::entities::dir_service_version::Model as DirServiceVersion;
pub use crate::entities::disclosure::Model as Disclosure;
pub use crate::entities::encounter::Model as Encounter;
pub use crate::entities::episode::Model as Episode;
pub use crate::entities::instrument::Model as InstrumentVersion;
pub use crate::entities::invite::Model as Invite;
pub use crate::entities::linkage_task::Model as LinkageTask;
pub use crate::entities::locator_contact::Model as LocatorContact;
pub use crate::entities::outcome_interview::Model as OutcomeInterview;
pub use crate::entities::password_reset::Model as PasswordReset;
pub use crate::entities::person::Model as Person;
pub use crate::entities::referral::Model as Referral;
pub use crate::entities::referral_event::Model as ReferralEvent;
pub use crate::entities::residence_hold::Model as ResidenceHold;
pub use crate::entities::transport_request::Model as Ride;
// peer services and their financing (issue 21)
pub use crate::entities::service_event::Model as ServiceEvent;
pub use crate::entities::voucher::Model as VoucherRow;
