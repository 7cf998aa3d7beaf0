//! A state agency's network (issue 17, "the state view"): an organization joins a state's network by a setting
//! that both the state's administrator and the organization's administrator confirm. Either side asks first
//! (its confirmation is the request), the other confirms, and either may leave. Only a membership both sides
//! confirmed lets the state see the organization's aggregates, never a person's record.

use crate::access::Principal;
use crate::org::OrgKind;
use crate::{PrincipalKind, Role};

/// The side of a membership an organization is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The state agency.
    State,
    /// The organization joining the state's network.
    Member,
}

/// Where a membership stands, from the two confirmations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// One side asked; the other has not confirmed yet.
    AwaitingConfirmationBy(Side),
    /// Both confirmed: the state sees the organization's aggregates.
    Member,
}

/// The standing of a membership row from its two confirmations; `None` when neither is set (no row).
pub fn standing(state_confirmed: bool, member_confirmed: bool) -> Option<Standing> {
    match (state_confirmed, member_confirmed) {
        (true, true) => Some(Standing::Member),
        (true, false) => Some(Standing::AwaitingConfirmationBy(Side::Member)),
        (false, true) => Some(Standing::AwaitingConfirmationBy(Side::State)),
        (false, false) => None,
    }
}

/// Which side of a membership between `mine` and `theirs` the caller's organization takes: a state agency
/// pairs with an organization that is not one, and nothing else pairs. `None`: no membership is possible.
pub fn side_of(mine: OrgKind, theirs: OrgKind) -> Option<Side> {
    match (mine == OrgKind::StateAgency, theirs == OrgKind::StateAgency) {
        (true, false) => Some(Side::State),
        (false, true) => Some(Side::Member),
        _ => None,
    }
}

/// Whether the caller may ask, confirm or leave a network membership for their organization: its
/// administrators.
pub fn may_manage_network(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && p.role == Some(Role::Admin)
}

/// Whether the caller may read the network's aggregate reports: administrators, supervisors and analysts of a
/// state agency. They see aggregates only; their reach over person records stays that of their role in their
/// own organization, which holds no person of the network (so a network person's record is not found).
pub fn may_read_network_reports(p: &Principal, org_kind: OrgKind) -> bool {
    org_kind == OrgKind::StateAgency
        && p.kind == PrincipalKind::Staff
        && matches!(p.role, Some(Role::Admin | Role::Supervisor | Role::Analyst))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AccountId, OrgId};

    #[test]
    fn a_membership_counts_only_when_both_sides_confirmed() {
        assert_eq!(standing(true, true), Some(Standing::Member));
        assert_eq!(standing(true, false), Some(Standing::AwaitingConfirmationBy(Side::Member)));
        assert_eq!(standing(false, true), Some(Standing::AwaitingConfirmationBy(Side::State)));
        assert_eq!(standing(false, false), None);
    }

    #[test]
    fn only_a_state_agency_and_another_kind_pair() {
        for mine in OrgKind::ALL {
            for theirs in OrgKind::ALL {
                let side = side_of(mine, theirs);
                match (mine, theirs) {
                    (OrgKind::StateAgency, OrgKind::StateAgency) => assert_eq!(side, None),
                    (OrgKind::StateAgency, _) => assert_eq!(side, Some(Side::State)),
                    (_, OrgKind::StateAgency) => assert_eq!(side, Some(Side::Member)),
                    _ => assert_eq!(side, None),
                }
            }
        }
    }

    #[test]
    fn only_a_state_agencys_report_readers_read_the_network() {
        let org = OrgId::new();
        for role in Role::ALL {
            let p = Principal::staff(AccountId::new(), org, role);
            let reader = matches!(role, Role::Admin | Role::Supervisor | Role::Analyst);
            assert_eq!(may_read_network_reports(&p, OrgKind::StateAgency), reader, "{role}");
            for kind in OrgKind::ALL.into_iter().filter(|k| *k != OrgKind::StateAgency) {
                assert!(!may_read_network_reports(&p, kind), "{role} at {kind:?}");
            }
            assert_eq!(may_manage_network(&p), role == Role::Admin);
        }
        let person = Principal {
            account: AccountId::new(),
            org,
            kind: PrincipalKind::Person,
            role: None,
            person: Some(crate::PersonId::new()),
        };
        assert!(!may_read_network_reports(&person, OrgKind::StateAgency));
        assert!(!may_manage_network(&person));
    }
}
