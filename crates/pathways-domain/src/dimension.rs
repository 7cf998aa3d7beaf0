//! SAMHSA's four dimensions of recovery: health, home, purpose, community.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    Health,
    Home,
    Purpose,
    Community,
}

impl Dimension {
    pub const ALL: [Dimension; 4] = [Dimension::Health, Dimension::Home, Dimension::Purpose, Dimension::Community];

    pub const fn as_str(self) -> &'static str {
        match self {
            Dimension::Health => "health",
            Dimension::Home => "home",
            Dimension::Purpose => "purpose",
            Dimension::Community => "community",
        }
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Dimension {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Dimension::ALL.into_iter().find(|d| d.as_str() == s).ok_or(())
    }
}
