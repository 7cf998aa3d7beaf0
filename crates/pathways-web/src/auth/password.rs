//! Password hashing with Argon2id (the `argon2` crate's defaults follow OWASP's recommendation: 19 MiB,
//! 2 passes). Hashing runs on the blocking pool so it never stalls the async workers.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::error::WebError;

pub async fn hash_password(password: String) -> Result<String, WebError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string())
    })
    .await
    .map_err(WebError::internal)?
    .map_err(WebError::internal)
}

pub fn hash_password_blocking(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| e.to_string())
}

/// Whether `password` matches `stored`. With no stored hash (unknown account), a dummy hash is verified so
/// that the answer takes as long either way and does not reveal which emails have accounts.
pub async fn verify_password(password: String, stored: Option<String>) -> Result<bool, WebError> {
    tokio::task::spawn_blocking(move || {
        let (hash, real) = match stored {
            Some(h) => (h, true),
            None => (dummy_hash().to_owned(), false),
        };
        let Ok(parsed) = PasswordHash::new(&hash) else { return false };
        let ok = Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok();
        ok && real
    })
    .await
    .map_err(WebError::internal)
}

fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password_blocking("dummy password for timing equality").unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_are_argon2id() {
        let h = hash_password("maple river lantern orbit".into()).await.expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("maple river lantern orbit".into(), Some(h.clone())).await.expect("verify"));
        assert!(!verify_password("maple river lantern orbiT".into(), Some(h)).await.expect("verify"));
        assert!(!verify_password("dummy password for timing equality".into(), None).await.expect("verify"));
    }
}
