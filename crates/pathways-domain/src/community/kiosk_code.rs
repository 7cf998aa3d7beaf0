//! A person's own kiosk check-in code (issue 20): like a member's keytag at a recovery community center, a code
//! staff issue from the person's record so that, at the shared tablet, the person types it instead of a first
//! name — the visit is counted *and* feeds their record and the people-served counts.
//!
//! The rules here are pure: the code's alphabet and length, how a typed code is read (case, spaces and hyphens
//! do not matter), how it is shown, and what a known sign-in needs (a code and what brought them). Making the
//! random letters, hashing and the per-kiosk limit on wrong codes are the web crate's.
//!
//! **How long.** Ten symbols of a 31-letter alphabet are 31¹⁰ ≈ 8.2 × 10¹⁴ codes (49 bits). A kiosk refuses codes
//! after [`WRONG_CODES_PER_WINDOW`] wrong ones in [`WRONG_CODE_WINDOW_SECS`] (names still sign in), so one kiosk
//! can try at most 1,440 codes a day: with 10,000 codes issued, ten kiosks tried without pause for a year find one
//! with a chance of about 6 in a million.

use crate::text::FieldError;

use super::kiosk::Reason;

/// Upper-case letters and digits without the look-alikes (no `0`/`O`, `1`/`I`/`L`): what a code is made of.
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Symbols in a code, shown as two groups of five: `ABCDE-FGH23`.
pub const CODE_LEN: usize = 10;
/// Wrong codes a kiosk takes in [`WRONG_CODE_WINDOW_SECS`] before it refuses codes for a while.
pub const WRONG_CODES_PER_WINDOW: usize = 10;
/// The window of [`WRONG_CODES_PER_WINDOW`], in seconds (ten minutes).
pub const WRONG_CODE_WINDOW_SECS: u64 = 600;

/// A check-in code, canonical (upper case, no separators, [`CODE_LEN`] symbols of [`CODE_ALPHABET`]).
#[derive(Clone, PartialEq, Eq)]
pub struct KioskCode(String);

impl std::fmt::Debug for KioskCode {
    // A code is a secret: it never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KioskCode(…)")
    }
}

impl KioskCode {
    /// A code as typed: case, spaces and hyphens do not matter. `None` when it can't be a code.
    pub fn parse(raw: &str) -> Option<Self> {
        let c: String =
            raw.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
        (c.len() == CODE_LEN && c.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(Self(c))
    }

    /// A code made from `CODE_LEN` indices into [`CODE_ALPHABET`] (the caller draws them at random); an index
    /// past the alphabet wraps.
    pub fn from_indices(indices: impl IntoIterator<Item = usize>) -> Self {
        Self(indices.into_iter().take(CODE_LEN).map(|i| char::from(CODE_ALPHABET[i % CODE_ALPHABET.len()])).collect())
    }

    /// The canonical text (what is hashed).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// How the code is shown once to staff and the person: `ABCDE-FGH23`.
    pub fn display(&self) -> String {
        format!("{}-{}", &self.0[..CODE_LEN / 2], &self.0[CODE_LEN / 2..])
    }
}

/// A sign-in at the kiosk by a person's code: the code and what brought them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownSignIn {
    pub code: KioskCode,
    pub reason: Reason,
}

impl KnownSignIn {
    /// A code (required; `kiosk-code-shape` when it can't be one: ten letters and digits) and a reason, each
    /// problem named by its field (`code`, `reason`: the kiosk's one form, where a code replaces the first name).
    pub fn parse(code: &str, reason: &str) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let code = if code.trim().is_empty() {
            errors.push(FieldError::new("code", "required"));
            None
        } else {
            KioskCode::parse(code).or_else(|| {
                errors.push(FieldError::new("code", "kiosk-code-shape"));
                None
            })
        };
        let reason = Reason::field(reason, &mut errors);
        match (code, reason) {
            (Some(code), Some(reason)) if errors.is_empty() => Ok(Self { code, reason }),
            _ => Err(errors),
        }
    }
}

/// Where a person stands with a kiosk code, as their record shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeStanding {
    /// No code, and no choice recorded.
    None,
    /// A code is in force (issued on that day; its text is never shown again).
    Issued,
    /// The person said they do not want one.
    Declined,
}

impl CodeStanding {
    /// From what is kept: whether a code's hash is kept, and whether the person declined.
    pub const fn of(has_code: bool, declined: bool) -> Self {
        match (has_code, declined) {
            (true, _) => CodeStanding::Issued,
            (false, true) => CodeStanding::Declined,
            (false, false) => CodeStanding::None,
        }
    }

    pub const fn code(self) -> &'static str {
        match self {
            CodeStanding::None => "none",
            CodeStanding::Issued => "issued",
            CodeStanding::Declined => "declined",
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_code_reads_whatever_the_case_spaces_and_hyphens() {
        let c = KioskCode::parse("abcde-fgh23").expect("a code");
        assert_eq!(c.as_str(), "ABCDEFGH23");
        assert_eq!(c.display(), "ABCDE-FGH23");
        assert_eq!(KioskCode::parse(" ABCDE FGH23 "), Some(c.clone()));
        assert_eq!(KioskCode::parse("A-B-C-D-E-F-G-H-2-3"), Some(c));
    }

    #[test]
    fn a_code_of_the_wrong_length_or_letters_is_none() {
        for bad in ["", "ABCDE-FGH2", "ABCDE-FGH234", "ABCDE-FGH2O", "ABCDE-FGH21", "ABCDE-FGHI3", "ÁBCDE-FGH23"] {
            assert_eq!(KioskCode::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_code_never_shows_in_debug_output() {
        let c = KioskCode::parse("ABCDE-FGH23").expect("a code");
        assert!(!format!("{c:?}").contains("ABCDE"));
        let s = KnownSignIn { code: c, reason: Reason::Coach };
        assert!(!format!("{s:?}").contains("FGH23"));
    }

    #[test]
    fn a_known_sign_in_needs_a_code_and_a_reason() {
        let ok = KnownSignIn::parse("abcde fgh23", "coach").expect("valid");
        assert_eq!((ok.code.as_str(), ok.reason), ("ABCDEFGH23", Reason::Coach));
        let named = |r: Result<KnownSignIn, Vec<FieldError>>| {
            r.expect_err("refused").into_iter().map(|e| (e.field, e.code)).collect::<Vec<_>>()
        };
        assert_eq!(named(KnownSignIn::parse("", "")), vec![("code", "required"), ("reason", "required")]);
        assert_eq!(
            named(KnownSignIn::parse("Maria", "dance")),
            vec![("code", "kiosk-code-shape"), ("reason", "unknown-choice")]
        );
    }

    #[test]
    fn standing_from_what_is_kept() {
        assert_eq!(CodeStanding::of(false, false), CodeStanding::None);
        assert_eq!(CodeStanding::of(true, false), CodeStanding::Issued);
        assert_eq!(CodeStanding::of(false, true), CodeStanding::Declined);
        // A code issued after a decline is in force (issuing clears the decline, but the code wins either way).
        assert_eq!(CodeStanding::of(true, true), CodeStanding::Issued);
    }

    #[test]
    fn codes_are_long_enough() {
        // At least 2^48 codes: the limit on wrong codes makes guessing hopeless (module doc).
        let space = (CODE_ALPHABET.len() as f64).powi(CODE_LEN as i32);
        assert!(space > 2f64.powi(48), "{space}");
        assert_eq!(CODE_ALPHABET.len(), 31);
    }

    proptest! {
        /// Every code made from random indices is read back as itself, shown or canonical, in any case.
        #[test]
        fn every_made_code_reads_back(indices in proptest::collection::vec(0usize..1000, CODE_LEN)) {
            let c = KioskCode::from_indices(indices);
            prop_assert_eq!(c.as_str().len(), CODE_LEN);
            prop_assert_eq!(KioskCode::parse(&c.display()), Some(c.clone()));
            prop_assert_eq!(KioskCode::parse(&c.display().to_lowercase()), Some(c.clone()));
            prop_assert_eq!(KioskCode::parse(c.as_str()), Some(c));
        }

        /// Any text typed at the kiosk is read (as a code or not) without panicking.
        #[test]
        fn any_text_is_read_without_panicking(s in "\\PC{0,30}") {
            let _ = KioskCode::parse(&s);
            let _ = KnownSignIn::parse(&s, "group");
        }
    }
}
