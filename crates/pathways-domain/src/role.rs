//! Who is acting: the kind of principal and, for staff, their role in their organization.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Staff roles. A staff account holds exactly one role in one organization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Supervisor,
    /// A peer recovery coach.
    Coach,
    Clinician,
    AccessLine,
    ProviderStaff,
    /// Sees de-identified data only.
    Analyst,
    /// Keeps the community directory right: listings, their verification, the public's corrections.
    DirectoryEditor,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Admin,
        Role::Supervisor,
        Role::Coach,
        Role::Clinician,
        Role::AccessLine,
        Role::ProviderStaff,
        Role::Analyst,
        Role::DirectoryEditor,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Supervisor => "supervisor",
            Role::Coach => "coach",
            Role::Clinician => "clinician",
            Role::AccessLine => "access_line",
            Role::ProviderStaff => "provider_staff",
            Role::Analyst => "analyst",
            Role::DirectoryEditor => "directory_editor",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text is not one of the roles.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown role {0:?}; expected one of admin, supervisor, coach, clinician, access_line, provider_staff, analyst, directory_editor"
)]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

/// The kinds of account that can sign in. Only staff exist today; a person in recovery (over their own record)
/// and an ally (family or friend, by consent) are added by later capabilities and already have a place here so
/// that every access decision must consider them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrincipalKind {
    Staff,
    Person,
    Ally,
}

impl PrincipalKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            PrincipalKind::Staff => "staff",
            PrincipalKind::Person => "person",
            PrincipalKind::Ally => "ally",
        }
    }
}

impl FromStr for PrincipalKind {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "staff" => Ok(PrincipalKind::Staff),
            "person" => Ok(PrincipalKind::Person),
            "ally" => Ok(PrincipalKind::Ally),
            other => Err(UnknownRole(other.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!("addict".parse::<Role>().is_err());
    }
}
