//! Two-factor sign-in: time-based one-time codes (TOTP, RFC 6238, as every authenticator app makes them) and
//! one-time recovery codes, and which accounts must use them.
//!
//! The arithmetic is `totp-rs`'s; the rules here are ours: six digits, 30-second steps, a code accepted one step
//! early or late (clocks drift), never the same step twice (a code seen over a shoulder or in a proxy log is spent),
//! and recovery codes of 80 random bits written for people to copy.

use totp_rs::{Algorithm, TOTP};

use crate::access::Principal;
use crate::{PrincipalKind, Role};

/// Seconds per step (RFC 6238's default, which every authenticator app assumes).
pub const STEP_SECS: u64 = 30;
/// Digits in a code.
pub const DIGITS: usize = 6;
/// Bytes of a new secret: 160 bits, the size RFC 4226 recommends for HMAC-SHA-1.
pub const SECRET_BYTES: usize = 20;
/// How many recovery codes an enrollment gives.
pub const RECOVERY_CODES: usize = 10;
/// Random bytes behind one recovery code (80 bits: 16 base32 characters).
pub const RECOVERY_CODE_BYTES: usize = 10;

/// The HMAC-SHA-1 code of `secret` at Unix time `unix`, with `digits` digits (RFC 6238 §4).
pub fn code_at(secret: &[u8], digits: usize, unix: u64) -> String {
    totp(secret, digits).generate(unix)
}

fn totp(secret: &[u8], digits: usize) -> TOTP {
    TOTP::new_unchecked(Algorithm::SHA1, digits, 0, STEP_SECS, secret.to_vec(), None, String::new())
}

/// The step a Unix time falls in.
pub fn step_of(unix: u64) -> i64 {
    i64::try_from(unix / STEP_SECS).unwrap_or(i64::MAX)
}

/// Why a code was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeRefused {
    /// Not six digits, or not the code of this step or the one before or after.
    Wrong,
    /// The code of a step already used to sign in.
    Reused,
}

/// Checks a code typed at Unix time `now` against `secret`: it must be the code of the current step or of the one
/// before or after, and of a later step than `last_used`. Returns the step it belongs to (to be stored as the new
/// last used step).
pub fn verify(secret: &[u8], typed: &str, now: u64, last_used: Option<i64>) -> Result<i64, CodeRefused> {
    let Some(code) = normalize_code(typed) else { return Err(CodeRefused::Wrong) };
    let totp = totp(secret, DIGITS);
    let current = step_of(now);
    let mut matched = None;
    for step in [current - 1, current, current + 1] {
        let Ok(at) = u64::try_from(step) else { continue };
        let expected = totp.generate(at * STEP_SECS);
        // Compare every candidate in full, whatever matched before (no early exit on a match).
        if constant_eq(expected.as_bytes(), code.as_bytes()) && matched.is_none() {
            matched = Some(step);
        }
    }
    match matched {
        None => Err(CodeRefused::Wrong),
        Some(step) if last_used.is_some_and(|last| step <= last) => Err(CodeRefused::Reused),
        Some(step) => Ok(step),
    }
}

fn constant_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A typed code with spaces and dashes removed, if it is then exactly six digits.
pub fn normalize_code(typed: &str) -> Option<String> {
    let code: String = typed.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    (code.len() == DIGITS && code.chars().all(|c| c.is_ascii_digit())).then_some(code)
}

/// A secret as base32 (RFC 4648, no padding): what authenticator apps take by hand.
pub fn secret_base32(secret: &[u8]) -> String {
    totp_rs::Secret::Raw(secret.to_vec()).to_encoded().to_string().trim_end_matches('=').to_owned()
}

/// A base32 secret back to its bytes (spaces ignored, any case).
pub fn secret_from_base32(text: &str) -> Option<Vec<u8>> {
    let cleaned: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    totp_rs::Secret::Encoded(cleaned).to_bytes().ok()
}

/// Text in groups of four characters, for reading aloud and typing by hand.
pub fn grouped(text: &str) -> String {
    text.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// The `otpauth://` URI an authenticator app reads from the QR code (Key Uri Format).
pub fn otpauth_uri(secret: &[u8], issuer: &str, account: &str) -> String {
    TOTP::new_unchecked(
        Algorithm::SHA1,
        DIGITS,
        1,
        STEP_SECS,
        secret.to_vec(),
        Some(issuer.replace(':', " ")),
        account.replace(':', " "),
    )
    .get_url()
}

const RECOVERY_ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";

/// A recovery code from random bytes: 16 characters of an alphabet without look-alikes (no 0/o, 1/l), in four
/// groups (`abcd-efgh-jkmn-pqrs`).
pub fn recovery_code(random: &[u8; RECOVERY_CODE_BYTES]) -> String {
    let mut bits: u128 = 0;
    for b in random {
        bits = (bits << 8) | u128::from(*b);
    }
    let chars: Vec<u8> = (0..16).map(|i| RECOVERY_ALPHABET[((bits >> (75 - 5 * i)) & 31) as usize]).collect();
    chars.chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
}

/// A typed recovery code as it is hashed: lowercase, without spaces or dashes; `None` when it cannot be one.
pub fn normalize_recovery_code(typed: &str) -> Option<String> {
    let code: String =
        typed.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_lowercase()).collect();
    (code.len() == 16 && code.bytes().all(|b| RECOVERY_ALPHABET.contains(&b))).then_some(code)
}

/// Whether an account must use two-factor sign-in: staff whose role is in `required` (configurable; admins,
/// supervisors and clinicians by default, who reach identified records). Everyone else may choose it.
pub fn required(required: &[Role], kind: PrincipalKind, role: Option<Role>) -> bool {
    kind == PrincipalKind::Staff && role.is_some_and(|r| required.contains(&r))
}

/// Who may remove another account's authenticator (a lost phone): an organization's administrators.
pub fn may_reset(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && p.role == Some(Role::Admin)
}

/// The roles that must use two-factor sign-in unless configured otherwise.
pub const DEFAULT_REQUIRED_ROLES: [Role; 3] = [Role::Admin, Role::Supervisor, Role::Clinician];

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const RFC_SECRET: &[u8] = b"12345678901234567890";

    #[test]
    fn rfc_6238_sha1_test_vectors() {
        let vectors = [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ];
        for (time, code) in vectors {
            assert_eq!(code_at(RFC_SECRET, 8, time), code, "T = {time}");
        }
    }

    #[test]
    fn a_code_is_accepted_one_step_early_or_late_and_not_further() {
        let now = 1_234_567_890;
        let code = |t: u64| code_at(RFC_SECRET, DIGITS, t);
        let step = step_of(now);
        assert_eq!(verify(RFC_SECRET, &code(now), now, None), Ok(step));
        assert_eq!(verify(RFC_SECRET, &code(now - 30), now, None), Ok(step - 1));
        assert_eq!(verify(RFC_SECRET, &code(now + 30), now, None), Ok(step + 1));
        assert_eq!(verify(RFC_SECRET, &code(now - 60), now, None), Err(CodeRefused::Wrong));
        assert_eq!(verify(RFC_SECRET, &code(now + 60), now, None), Err(CodeRefused::Wrong));
        // Six digits typed with a space, as some apps show them.
        let spaced = format!("{} {}", &code(now)[..3], &code(now)[3..]);
        assert_eq!(verify(RFC_SECRET, &spaced, now, None), Ok(step));
    }

    #[test]
    fn a_used_step_and_every_earlier_one_are_refused() {
        let now = 2_000_000_000;
        let code = code_at(RFC_SECRET, DIGITS, now);
        let step = verify(RFC_SECRET, &code, now, None).expect("first use");
        assert_eq!(verify(RFC_SECRET, &code, now + 5, Some(step)), Err(CodeRefused::Reused));
        let previous = code_at(RFC_SECRET, DIGITS, now - 30);
        assert_eq!(verify(RFC_SECRET, &previous, now, Some(step)), Err(CodeRefused::Reused));
        let next = code_at(RFC_SECRET, DIGITS, now + 30);
        assert_eq!(verify(RFC_SECRET, &next, now + 30, Some(step)), Ok(step + 1));
    }

    #[test]
    fn malformed_codes_are_wrong_not_errors() {
        for typed in ["", "12345", "1234567", "abcdef", "12 34 5x", "١٢٣٤٥٦"] {
            assert_eq!(verify(RFC_SECRET, typed, 59, None), Err(CodeRefused::Wrong), "{typed:?}");
        }
    }

    #[test]
    fn secrets_round_trip_through_base32_in_groups() {
        let text = secret_base32(RFC_SECRET);
        assert_eq!(text, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(grouped(&text), "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
        assert_eq!(secret_from_base32(&grouped(&text).to_lowercase()).as_deref(), Some(RFC_SECRET));
    }

    #[test]
    fn the_otpauth_uri_names_the_issuer_account_and_secret() {
        let uri = otpauth_uri(RFC_SECRET, "Pathways", "clinician@example.org");
        assert!(uri.starts_with("otpauth://totp/Pathways:clinician%40example.org?"), "{uri}");
        assert!(uri.contains("secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), "{uri}");
        assert!(uri.contains("issuer=Pathways"), "{uri}");
    }

    #[test]
    fn recovery_codes_are_readable_and_normalize_back() {
        let code = recovery_code(&[0; RECOVERY_CODE_BYTES]);
        assert_eq!(code, "aaaa-aaaa-aaaa-aaaa");
        let code = recovery_code(&[0xff; RECOVERY_CODE_BYTES]);
        assert_eq!(code, "9999-9999-9999-9999");
        assert_eq!(normalize_recovery_code(" 9999 9999-9999-9999 ").as_deref(), Some("9999999999999999"));
        assert_eq!(normalize_recovery_code("9999-9999-9999-999"), None);
        assert_eq!(normalize_recovery_code("0000-0000-0000-0000"), None, "0 is not in the alphabet");
    }

    #[test]
    fn admins_supervisors_and_clinicians_must_by_default() {
        let req = &DEFAULT_REQUIRED_ROLES;
        assert!(required(req, PrincipalKind::Staff, Some(Role::Clinician)));
        assert!(required(req, PrincipalKind::Staff, Some(Role::Admin)));
        assert!(!required(req, PrincipalKind::Staff, Some(Role::Coach)));
        assert!(!required(req, PrincipalKind::Person, None));
        assert!(!required(req, PrincipalKind::Ally, None));
        assert!(!required(&[], PrincipalKind::Staff, Some(Role::Admin)));
    }

    proptest! {
        #[test]
        fn every_recovery_code_normalizes_to_itself(bytes in proptest::array::uniform10(any::<u8>())) {
            let code = recovery_code(&bytes);
            prop_assert_eq!(code.len(), 19);
            let n = normalize_recovery_code(&code.to_uppercase()).expect("valid");
            prop_assert_eq!(n, code.replace('-', ""));
        }

        #[test]
        fn the_current_code_is_always_accepted_once(secret in proptest::collection::vec(any::<u8>(), 20), now in 60u64..4_000_000_000) {
            let code = code_at(&secret, DIGITS, now);
            let step = verify(&secret, &code, now, None);
            prop_assert!(step.is_ok());
            prop_assert_eq!(verify(&secret, &code, now, step.ok()), Err(CodeRefused::Reused));
        }
    }
}
