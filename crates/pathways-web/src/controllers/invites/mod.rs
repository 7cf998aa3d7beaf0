//! Inviting a person to their own portal: a coach makes a one-time link and code (no mail server needed),
//! the person opens it, chooses a username and password, and is signed in.

pub mod accept_invite;
pub mod create_invite;
pub mod show_invite;

pub use accept_invite::accept_invite;
pub use create_invite::create_invite;
pub use show_invite::{show_invite, show_invite_code};

/// Codes avoid letters and digits that are easy to confuse when read aloud (0/O, 1/I/L).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A short code like `K7QH-3MWP` (about 40 bits: safe for a few days, with throttled attempts).
pub fn new_code() -> String {
    use rand::Rng;
    let mut rng = rand::rngs::OsRng;
    let chars: String = (0..8).map(|_| CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())] as char).collect();
    format!("{}-{}", &chars[..4], &chars[4..])
}

/// The form a code is compared in: upper case, no spaces or dashes.
pub fn normalize_code(code: &str) -> String {
    code.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

/// How long an invitation can be used.
pub const VALID_HOURS: i64 = 72;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_readable_and_normalize() {
        let c = new_code();
        assert_eq!(c.len(), 9);
        assert!(c.chars().all(|ch| ch == '-' || CODE_ALPHABET.contains(&(ch as u8))));
        assert_eq!(normalize_code(" k7qh-3mwp "), "K7QH3MWP");
    }
}
