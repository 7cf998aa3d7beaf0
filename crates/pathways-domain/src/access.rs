//! Who may reach a person's record. These rules are the single source of truth for access decisions: the
//! store turns a [`PersonScope`] into a `WHERE` clause, so a list never returns what a lookup would refuse.
//!
//! A record outside the caller's scope is reported as *not found*, never as forbidden, so that the existence
//! of a person in another organization (or on another coach's caseload) is not disclosed.

use crate::{AccountId, OrgId, PersonId, PrincipalKind, Role};

/// The signed-in caller, as far as access decisions need to know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    pub account: AccountId,
    pub org: OrgId,
    pub kind: PrincipalKind,
    /// Staff only.
    pub role: Option<Role>,
    /// For a person in recovery: their own record.
    pub person: Option<PersonId>,
}

impl Principal {
    pub fn staff(account: AccountId, org: OrgId, role: Role) -> Self {
        Self { account, org, kind: PrincipalKind::Staff, role: Some(role), person: None }
    }
}

/// How far a principal's reach over person records extends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonReach {
    /// Every person of the caller's organization (admins, supervisors, clinicians).
    Organization,
    /// Only persons assigned to the caller (peer recovery coaches).
    Assigned,
    /// Only the caller's own record (a person in recovery).
    OwnRecord(PersonId),
    /// No identified records at all (analysts, and roles whose records come with later capabilities).
    Nothing,
}

pub fn person_reach(p: &Principal) -> PersonReach {
    match p.kind {
        PrincipalKind::Staff => match p.role {
            Some(Role::Admin | Role::Supervisor | Role::Clinician) => PersonReach::Organization,
            Some(Role::Coach) => PersonReach::Assigned,
            Some(Role::AccessLine | Role::ProviderStaff | Role::Analyst | Role::DirectoryEditor) | None => {
                PersonReach::Nothing
            }
        },
        PrincipalKind::Person => p.person.map_or(PersonReach::Nothing, PersonReach::OwnRecord),
        // Allies see only what a person consented to; that arrives with the consent capability.
        PrincipalKind::Ally => PersonReach::Nothing,
    }
}

/// The filter every query over person records carries. Built only from a [`Principal`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonScope {
    pub org: OrgId,
    pub assigned_to: Option<AccountId>,
    pub only_person: Option<PersonId>,
}

impl PersonScope {
    /// The scope of a principal, or `None` when it may see no identified person at all.
    pub fn of(p: &Principal) -> Option<Self> {
        let base = Self { org: p.org, assigned_to: None, only_person: None };
        match person_reach(p) {
            PersonReach::Organization => Some(base),
            PersonReach::Assigned => Some(Self { assigned_to: Some(p.account), ..base }),
            PersonReach::OwnRecord(id) => Some(Self { only_person: Some(id), ..base }),
            PersonReach::Nothing => None,
        }
    }

    /// The same scope, narrowed to one coach's caseload. Narrowing never widens: a coach's own scope stays
    /// their own.
    pub fn narrowed_to_coach(self, coach: AccountId) -> Self {
        Self { assigned_to: Some(self.assigned_to.unwrap_or(coach)), ..self }
    }

    /// The one person a consent gate has just said may be disclosed (to an ally, another organization), for
    /// reading exactly what the consent names. Built only after `consent::permits` answered yes, in the same
    /// transaction as the disclosure.
    pub fn disclosed(org: OrgId, person: PersonId) -> Self {
        Self { org, assigned_to: None, only_person: Some(person) }
    }

    /// Whether a record with these facts falls inside the scope (the same rule the store applies in SQL).
    pub fn contains(&self, facts: &PersonFacts) -> bool {
        facts.org == self.org
            && self.assigned_to.is_none_or(|a| facts.assigned_coach == Some(a))
            && self.only_person.is_none_or(|id| facts.id == id)
    }
}

/// What access decisions need to know about one person record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonFacts {
    pub id: PersonId,
    pub org: OrgId,
    pub assigned_coach: Option<AccountId>,
}

/// Whether the caller may add persons to their organization's records. Coaches may: the new person is
/// assigned to them.
pub fn may_create_person(p: &Principal) -> bool {
    matches!(person_reach(p), PersonReach::Organization | PersonReach::Assigned)
}

/// Whether the caller may choose or change a person's assigned coach (a coach can't hand a person to
/// someone else, or take one from a colleague).
pub fn may_assign_coach(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && matches!(p.role, Some(Role::Admin | Role::Supervisor))
}

/// The persons whose aggregate figures (counts only, no one named) the caller may see: the persons they may
/// reach, or for an analyst the whole organization. `None` for everyone else.
pub fn figures_scope(p: &Principal) -> Option<PersonScope> {
    PersonScope::of(p).or_else(|| {
        (p.kind == PrincipalKind::Staff && p.role == Some(Role::Analyst)).then_some(PersonScope {
            org: p.org,
            assigned_to: None,
            only_person: None,
        })
    })
}

/// Whether the caller may change the program's check-up schedule and outreach rules (administrators and
/// supervisors).
pub fn may_configure_program(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && matches!(p.role, Some(Role::Admin | Role::Supervisor))
}

/// Whether the caller may see and answer the referrals their organization received (and see those it sent):
/// staff who work with persons or programs; not analysts or directory editors. A received referral shows its
/// packet only — never the rest of the record.
pub fn may_handle_referrals(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff
        && matches!(
            p.role,
            Some(
                Role::Admin | Role::Supervisor | Role::Coach | Role::Clinician | Role::AccessLine | Role::ProviderStaff
            )
        )
}

/// Whether the caller administers their organization's sign-in accounts (staff, persons' and allies'): lists
/// them, disables and enables them, issues password reset links. Administrators only.
pub fn may_administer_accounts(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && p.role == Some(Role::Admin)
}

/// Whether the caller may give a person a password reset link for their own portal account: administrators,
/// and coaches (for a person assigned to them: which person is the gate's `PersonScope`).
pub fn may_issue_person_reset(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && matches!(p.role, Some(Role::Admin | Role::Coach))
}

/// Whether the caller keeps the community directory (directory editors and administrators).
pub fn may_edit_directory(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && matches!(p.role, Some(Role::Admin | Role::DirectoryEditor))
}

/// Whether the caller works the access line (its operators, and administrators): the console, calls, holds made
/// for callers, the transport queue.
pub fn works_access_line(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && matches!(p.role, Some(Role::AccessLine | Role::Admin))
}

/// Whether the caller keeps their organization's treatment programs' counts (provider staff, administrators):
/// the provider's page. Which program a change may touch is [`may_update_capacity`].
pub fn keeps_program_counts(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && matches!(p.role, Some(Role::ProviderStaff | Role::Admin))
}

/// Whether the caller may see the access line's figures (counts and times, no one named): the line's own staff,
/// supervisors and analysts.
pub fn may_see_line_figures(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff
        && matches!(p.role, Some(Role::AccessLine | Role::Admin | Role::Supervisor | Role::Analyst))
}

/// Whether the caller may read the outcome reports (issue 17): aggregates of their organization, every count
/// of persons suppressed below 11 — supervisors, administrators and analysts.
pub fn may_read_reports(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && matches!(p.role, Some(Role::Supervisor | Role::Admin | Role::Analyst))
}

/// Whether the caller runs their recovery community center's week (issue 20): its groups and events, its
/// drop-in kiosks and the day's attendance — administrators, supervisors and the peer recovery coaches who run
/// the groups. Analysts, clinicians, the access line, provider staff and directory editors do not.
pub fn runs_community_center(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && matches!(p.role, Some(Role::Admin | Role::Supervisor | Role::Coach))
}

/// Whether the caller may read and export the organization's financing figures (issue 21): units and dollars by
/// funding source and staff member, the ready-to-bill list, claims — supervisors and administrators (the claims
/// file names persons, so not analysts).
pub fn may_read_financing(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && matches!(p.role, Some(Role::Supervisor | Role::Admin))
}

/// Whether the caller may co-sign a service event (issue 21): a supervisor of the organization.
pub fn may_cosign(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && p.role == Some(Role::Supervisor)
}

/// Whether the caller may correct a signed service event (issue 21): the staff member who gave the service, or a
/// supervisor or administrator of the organization. A correction is a new version with a reason; the person the
/// service was given to never changes it.
pub fn may_correct_service(p: &Principal, given_by: AccountId) -> bool {
    p.kind == PrincipalKind::Staff && (p.account == given_by || matches!(p.role, Some(Role::Supervisor | Role::Admin)))
}

/// Whether the caller may update a program's bed counts: the program organization's provider staff and
/// administrators.
pub fn may_update_capacity(p: &Principal, program_org: OrgId) -> bool {
    p.kind == PrincipalKind::Staff && p.org == program_org && matches!(p.role, Some(Role::Admin | Role::ProviderStaff))
}

/// Whether the caller may hold a bed for someone: access line operators, at any program (the line serves the
/// whole state), and administrators at their own organization's programs.
pub fn may_reserve_bed(p: &Principal, program_org: OrgId) -> bool {
    p.kind == PrincipalKind::Staff
        && match p.role {
            Some(Role::AccessLine) => true,
            Some(Role::Admin) => p.org == program_org,
            _ => false,
        }
}

/// Whether the caller may confirm an admission or release a hold: whoever may hold a bed there, and the program's
/// own staff.
pub fn may_close_hold(p: &Principal, program_org: OrgId) -> bool {
    may_reserve_bed(p, program_org) || may_update_capacity(p, program_org)
}

/// Whether the caller may record a Recovery Friendly designation on the public list (issue 20): administrators
/// and supervisors of the organization that keeps it (a center, a coalition's lead agency, the state). Coaches,
/// clinicians and the rest do not.
pub fn may_record_designations(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && matches!(p.role, Some(Role::Admin | Role::Supervisor))
}

/// Whether the caller may write the public education pages (issue 20): administrators.
pub fn may_edit_education(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && p.role == Some(Role::Admin)
}

/// Whether the caller sets up the organization's financing (issue 21): payer profiles, funding sources, and
/// vouchers issued to persons. Administrators only (a supervisor reads the figures, `may_read_financing`).
pub fn may_manage_funding(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && p.role == Some(Role::Admin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_predicates_follow_the_roles() {
        let org = OrgId::new();
        let who = |role| Principal::staff(AccountId::new(), org, role);
        let line: Vec<Role> = Role::ALL.into_iter().filter(|r| works_access_line(&who(*r))).collect();
        assert_eq!(line, [Role::Admin, Role::AccessLine]);
        let counts: Vec<Role> = Role::ALL.into_iter().filter(|r| keeps_program_counts(&who(*r))).collect();
        assert_eq!(counts, [Role::Admin, Role::ProviderStaff]);
        let figures: Vec<Role> = Role::ALL.into_iter().filter(|r| may_see_line_figures(&who(*r))).collect();
        assert_eq!(figures, [Role::Admin, Role::Supervisor, Role::AccessLine, Role::Analyst]);
        // A person or an ally is never staff, whatever the role field says.
        let person = Principal { kind: PrincipalKind::Person, role: Some(Role::Admin), ..who(Role::Admin) };
        assert!(!works_access_line(&person) && !keeps_program_counts(&person) && !may_see_line_figures(&person));
    }

    #[test]
    fn a_service_is_corrected_by_who_gave_it_or_a_supervisor_or_an_administrator() {
        let org = OrgId::new();
        let coach = Principal::staff(AccountId::new(), org, Role::Coach);
        assert!(may_correct_service(&coach, coach.account), "the coach's own service");
        let other_coach = Principal::staff(AccountId::new(), org, Role::Coach);
        assert!(!may_correct_service(&other_coach, coach.account), "a colleague's service");
        let by_role: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| may_correct_service(&Principal::staff(AccountId::new(), org, *r), coach.account))
            .collect();
        assert_eq!(by_role, [Role::Admin, Role::Supervisor]);
        let person = Principal { kind: PrincipalKind::Person, role: Some(Role::Admin), ..coach };
        assert!(!may_correct_service(&person, coach.account), "never a person, whatever the role field says");
    }

    #[test]
    fn analysts_count_the_organization_but_reach_no_one() {
        let org = OrgId::new();
        let p = |role| Principal::staff(AccountId::new(), org, role);
        let analyst = p(Role::Analyst);
        assert_eq!(PersonScope::of(&analyst), None, "no identified record");
        assert_eq!(figures_scope(&analyst), Some(PersonScope { org, assigned_to: None, only_person: None }));
        let coach = p(Role::Coach);
        assert_eq!(figures_scope(&coach), PersonScope::of(&coach), "a coach counts their own caseload");
        assert_eq!(figures_scope(&p(Role::AccessLine)), None);
        assert_eq!(figures_scope(&p(Role::DirectoryEditor)), None);
        let configures: Vec<Role> = Role::ALL.into_iter().filter(|r| may_configure_program(&p(*r))).collect();
        assert_eq!(configures, vec![Role::Admin, Role::Supervisor]);
    }

    #[test]
    fn capacity_is_updated_by_the_program_and_beds_held_by_the_line() {
        let (program_org, other) = (OrgId::new(), OrgId::new());
        let table = [
            (Role::ProviderStaff, program_org, true, false, true),
            (Role::ProviderStaff, other, false, false, false),
            (Role::Admin, program_org, true, true, true),
            (Role::Admin, other, false, false, false),
            (Role::AccessLine, other, false, true, true),
            (Role::Coach, program_org, false, false, false),
            (Role::Supervisor, program_org, false, false, false),
            (Role::Analyst, program_org, false, false, false),
            (Role::DirectoryEditor, program_org, false, false, false),
        ];
        for (role, org, update, reserve, close) in table {
            let p = staff(role, org);
            assert_eq!(
                (
                    may_update_capacity(&p, program_org),
                    may_reserve_bed(&p, program_org),
                    may_close_hold(&p, program_org)
                ),
                (update, reserve, close),
                "{role:?}"
            );
        }
        let person = Principal { kind: PrincipalKind::Person, role: None, ..staff(Role::Admin, program_org) };
        assert!(!may_update_capacity(&person, program_org) && !may_close_hold(&person, program_org));
    }

    fn staff(role: Role, org: OrgId) -> Principal {
        Principal::staff(AccountId::new(), org, role)
    }

    #[test]
    fn coach_reaches_only_assigned_persons_of_their_org() {
        let org = OrgId::new();
        let coach = staff(Role::Coach, org);
        let scope = PersonScope::of(&coach).expect("coach has a scope");
        let mine = PersonFacts { id: PersonId::new(), org, assigned_coach: Some(coach.account) };
        let colleague = PersonFacts { assigned_coach: Some(AccountId::new()), ..mine };
        let unassigned = PersonFacts { assigned_coach: None, ..mine };
        let other_org = PersonFacts { org: OrgId::new(), ..mine };
        assert!(scope.contains(&mine));
        assert!(!scope.contains(&colleague));
        assert!(!scope.contains(&unassigned));
        assert!(!scope.contains(&other_org));
    }

    #[test]
    fn supervisors_reach_their_whole_org_and_nothing_else() {
        let org = OrgId::new();
        for role in [Role::Admin, Role::Supervisor, Role::Clinician] {
            let scope = PersonScope::of(&staff(role, org)).expect("scope");
            let p = PersonFacts { id: PersonId::new(), org, assigned_coach: None };
            assert!(scope.contains(&p));
            assert!(!scope.contains(&PersonFacts { org: OrgId::new(), ..p }));
        }
    }

    #[test]
    fn analysts_and_non_care_roles_see_no_identified_person() {
        for role in [Role::Analyst, Role::AccessLine, Role::ProviderStaff, Role::DirectoryEditor] {
            let p = staff(role, OrgId::new());
            assert_eq!(PersonScope::of(&p), None);
            assert!(!may_create_person(&p));
        }
    }

    #[test]
    fn a_person_reaches_only_their_own_record() {
        let org = OrgId::new();
        let me = PersonId::new();
        let p = Principal { account: AccountId::new(), org, kind: PrincipalKind::Person, role: None, person: Some(me) };
        let scope = PersonScope::of(&p).expect("scope");
        assert!(scope.contains(&PersonFacts { id: me, org, assigned_coach: None }));
        assert!(!scope.contains(&PersonFacts { id: PersonId::new(), org, assigned_coach: None }));
        assert!(!may_create_person(&p));
        assert!(!may_assign_coach(&p));
        assert!(!may_edit_directory(&p));
    }

    #[test]
    fn only_directory_editors_and_admins_edit_the_directory() {
        let org = OrgId::new();
        for role in Role::ALL {
            let expected = matches!(role, Role::Admin | Role::DirectoryEditor);
            assert_eq!(may_edit_directory(&staff(role, org)), expected, "{role}");
        }
    }

    #[test]
    fn only_admins_and_supervisors_assign_coaches() {
        let org = OrgId::new();
        for role in Role::ALL {
            let expected = matches!(role, Role::Admin | Role::Supervisor);
            assert_eq!(may_assign_coach(&staff(role, org)), expected, "{role}");
        }
    }
}
