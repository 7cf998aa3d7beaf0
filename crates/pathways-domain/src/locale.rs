//! The languages Pathways speaks, and how one is chosen from an `Accept-Language` header.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A user-interface language. Every page ships in each of these.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Es,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Es];

    pub const fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }

    /// The language's own name for itself, for the language switch.
    pub const fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Es => "Español",
        }
    }

    /// The best supported language for an `Accept-Language` header, if any is acceptable.
    pub fn negotiate(header: &str) -> Option<Locale> {
        let mut best: Option<(f32, usize, Locale)> = None;
        for (pos, part) in header.split(',').enumerate() {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let Ok(locale) = tag.parse::<Locale>() else { continue };
            if q <= 0.0 {
                continue;
            }
            // Highest q wins; among equals, the one listed first.
            let better = match best {
                None => true,
                Some((bq, bpos, _)) => q > bq || (q == bq && pos < bpos),
            };
            if better {
                best = Some((q, pos, locale));
            }
        }
        best.map(|(_, _, l)| l)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Accepts a primary language subtag with any region (`es`, `es-MX`, `en_US`), case-insensitively.
impl FromStr for Locale {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let primary = s.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Ok(Locale::En),
            "es" => Ok(Locale::Es),
            _ => Err(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_quality_then_order() {
        assert_eq!(Locale::negotiate("es-MX,es;q=0.9,en;q=0.8"), Some(Locale::Es));
        assert_eq!(Locale::negotiate("fr-FR, en;q=0.5, es;q=0.7"), Some(Locale::Es));
        assert_eq!(Locale::negotiate("en-US,es"), Some(Locale::En));
        assert_eq!(Locale::negotiate("es;q=0, en;q=0.1"), Some(Locale::En));
        assert_eq!(Locale::negotiate("fr, de"), None);
        assert_eq!(Locale::negotiate(""), None);
        assert_eq!(Locale::negotiate(";;;,q=,es;q=abc"), Some(Locale::Es));
    }
}
