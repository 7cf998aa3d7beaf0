//! Typed identifiers. All ids are UUIDv7 (time-ordered, so indexes stay compact) and are never passed around
//! as raw strings: a route parameter becomes an id only through `FromStr`, which rejects anything else.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A new, time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
            pub const fn from_uuid(id: Uuid) -> Self {
                Self(id)
            }
            pub const fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                Self(id)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Uuid {
                id.0
            }
        }

        impl FromStr for $name {
            type Err = InvalidId;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self).map_err(|_| InvalidId)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

/// The text given is not an id of the expected shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a valid id")]
pub struct InvalidId;

typed_id!(
    /// A person in recovery: the subject of a health record.
    PersonId
);
typed_id!(
    /// An organization (tenant): a recovery community center, a provider, the access line, the state.
    OrgId
);
typed_id!(
    /// A sign-in account: staff, and later a person or an ally.
    AccountId
);
typed_id!(
    /// A goal in a person's recovery plan (kept across plan versions).
    GoalId
);
typed_id!(
    /// A BARC-10 assessment.
    AssessmentId
);
typed_id!(
    /// An item needing a coach's attention (an unsafe check-in, a drop in recovery capital).
    AttentionItemId
);
typed_id!(
    /// An item on the outreach queue.
    OutreachItemId
);
typed_id!(
    /// A linkage-to-treatment task opened by a check-up.
    LinkageTaskId
);
typed_id!(
    /// A locator detail (a way to reach a person, kept with their consent).
    LocatorId
);
typed_id!(
    /// A 42 CFR Part 2 consent.
    ConsentId
);
typed_id!(
    /// A closed-loop referral.
    ReferralId
);
typed_id!(
    /// A treatment program with bed or slot capacity.
    ProgramId
);
typed_id!(
    /// A bed held for an access-line caller.
    HoldId
);
typed_id!(
    /// A call to the access line.
    CallId
);
typed_id!(
    /// A ride on the transport queue.
    RideId
);
typed_id!(
    /// A service in the community directory (a listing).
    ServiceId
);
typed_id!(
    /// An organization in the community directory (HSDS), not a Pathways tenant.
    DirOrganizationId
);
typed_id!(
    /// A correction the public suggested for a listing.
    CorrectionId
);
typed_id!(
    /// A recovery residence (sober living home) in the housing registry (issue 19).
    ResidenceId
);

typed_id!(
    /// A bed held at a recovery residence for a referred person.
    ResidenceHoldId
);

typed_id!(
    /// A person's episode of care with a program (issue 17).
    EpisodeId
);

typed_id!(
    /// A recovery community center's group or event (issue 20).
    CommunityEventId
);

typed_id!(
    /// A tablet opened as a drop-in kiosk (issue 20).
    KioskId
);

typed_id!(
    /// A payer profile of an organization (issue 21): a funder's rules, as data.
    PayerProfileId
);

typed_id!(
    /// A funding source of an organization (issue 21): a grant, a voucher program or a payer.
    FundingSourceId
);

typed_id!(
    /// A Recovery Friendly designation program an organization defines (issue 20).
    DesignationProgramId
);

typed_id!(
    /// An organization's application to a designation program (issue 20).
    DesignationApplicationId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_v7_and_round_trip_through_text() {
        let id = PersonId::new();
        assert_eq!(id.as_uuid().get_version_num(), 7);
        let parsed: PersonId = id.to_string().parse().expect("round trip");
        assert_eq!(parsed, id);
    }

    #[test]
    fn garbage_is_not_an_id() {
        assert_eq!("42".parse::<PersonId>(), Err(InvalidId));
        assert_eq!("../etc/passwd".parse::<OrgId>(), Err(InvalidId));
    }
}
typed_id!(
    /// An API token (its row, never its secret).
    TokenId
);

typed_id!(
    /// An outcome interview of an episode (issue 17).
    OutcomeInterviewId
);

typed_id!(
    /// A service event (issue 21): one version of a billable peer service.
    ServiceEventId
);

typed_id!(
    /// A volunteer on a recovery community center's roster (issue 20).
    VolunteerId
);

typed_id!(
    /// A person's voucher under a voucher program (issue 21, fifth pass: edited or withdrawn by its path).
    VoucherId
);

typed_id!(
    /// A file uploaded with a Recovery Friendly application's evidence (issue 20, `rf-evidence`): the id of the
    /// submission it came with.
    EvidenceFileId
);

typed_id!(
    /// A training a center recorded (`/community/trainings`, issue 20).
    TrainingId
);
