//! Organizations: the tenants of a Pathways deployment.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What kind of organization this is in the system of care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    RecoveryCommunityCenter,
    TreatmentProvider,
    AccessLine,
    StateAgency,
}

impl OrgKind {
    pub const ALL: [OrgKind; 4] =
        [OrgKind::RecoveryCommunityCenter, OrgKind::TreatmentProvider, OrgKind::AccessLine, OrgKind::StateAgency];

    pub const fn as_str(self) -> &'static str {
        match self {
            OrgKind::RecoveryCommunityCenter => "recovery_community_center",
            OrgKind::TreatmentProvider => "treatment_provider",
            OrgKind::AccessLine => "access_line",
            OrgKind::StateAgency => "state_agency",
        }
    }
}

impl FromStr for OrgKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OrgKind::ALL.into_iter().find(|k| k.as_str() == s).ok_or_else(|| {
            format!(
                "unknown organization kind {s:?}; expected one of recovery_community_center, treatment_provider, access_line, state_agency"
            )
        })
    }
}

/// A short, URL-safe organization handle: lowercase letters, digits and single hyphens, 2–40 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a slug is 2 to 40 lowercase letters, digits and single hyphens, starting with a letter")]
pub struct InvalidSlug;

impl Slug {
    pub fn parse(s: &str) -> Result<Self, InvalidSlug> {
        let ok = (2..=40).contains(&s.len())
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && !s.ends_with('-')
            && !s.contains("--")
            && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if ok { Ok(Self(s.to_owned())) } else { Err(InvalidSlug) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = InvalidSlug;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Slug::parse(&s)
    }
}

impl From<Slug> for String {
    fn from(s: Slug) -> String {
        s.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(Slug::parse("hartford-rcc").is_ok());
        assert!(Slug::parse("a1").is_ok());
        for bad in ["", "a", "1abc", "Hartford", "a--b", "ab-", "a b", "ab/c"] {
            assert_eq!(Slug::parse(bad), Err(InvalidSlug), "{bad:?}");
        }
    }

    #[test]
    fn kinds_round_trip() {
        for k in OrgKind::ALL {
            assert_eq!(k.as_str().parse::<OrgKind>(), Ok(k));
        }
    }
}
