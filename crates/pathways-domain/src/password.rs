//! What makes a password acceptable: at least 12 characters, and not guessable (checked with the zxcvbn
//! strength estimator, which knows common passwords, names, keyboard patterns and dates).

/// Why a new password was refused. Each carries a message key for the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("a password needs at least {min} characters")]
    TooShort { min: usize },
    #[error("a password can have at most {max} characters")]
    TooLong { max: usize },
    #[error("this password is too easy to guess; try a few unrelated words")]
    TooGuessable,
}

pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Checks a new password. `hints` are words an attacker would try first (the email, the name).
pub fn check_new_password(password: &str, hints: &[&str]) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort { min: MIN_PASSWORD_CHARS });
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong { max: MAX_PASSWORD_CHARS });
    }
    // A password built around the account's own name or email is the first thing an attacker tries: what
    // is left once a hint is taken out must still be long enough on its own.
    let lower = password.to_lowercase();
    let leans_on_hint = hints
        .iter()
        .flat_map(|h| h.to_lowercase().split(|c: char| !c.is_alphanumeric()).map(str::to_owned).collect::<Vec<_>>())
        .filter(|word| word.chars().count() >= 3)
        .any(|word| lower.contains(&word) && chars - word.chars().count() < MIN_PASSWORD_CHARS);
    let score: u8 = zxcvbn::zxcvbn(password, hints).score().into();
    if score < 3 || leans_on_hint {
        return Err(PasswordProblem::TooGuessable);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passwords_are_refused() {
        assert_eq!(check_new_password("Tr0ub4dor&3", &[]), Err(PasswordProblem::TooShort { min: 12 }));
    }

    #[test]
    fn common_passwords_are_refused_even_when_long() {
        assert_eq!(check_new_password("password1234", &[]), Err(PasswordProblem::TooGuessable));
        assert_eq!(check_new_password("qwertyuiop123", &[]), Err(PasswordProblem::TooGuessable));
        assert_eq!(
            check_new_password("sam.rivera2024", &["sam.rivera@example.org", "sam", "rivera"]),
            Err(PasswordProblem::TooGuessable)
        );
    }

    #[test]
    fn a_passphrase_is_accepted() {
        assert_eq!(check_new_password("maple river lantern orbit", &[]), Ok(()));
    }
}
