//! API tokens: what a token may do (its scope) and how long it lives.
//!
//! A token is `read` (it may only look: `GET`/`HEAD`) or `write` (it may also change records). Every token
//! expires (90 days by default, OWASP ASVS 3.5 asks for expiring, revocable tokens), can be revoked one by one,
//! and records when it was last used so that a forgotten token can be seen and ended.

use chrono::{DateTime, Duration, Utc};

/// What a token may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenScope {
    /// Reads only: any other method is refused (403).
    Read,
    /// Reads and writes.
    Write,
}

impl TokenScope {
    pub const ALL: [TokenScope; 2] = [TokenScope::Read, TokenScope::Write];

    pub fn as_str(self) -> &'static str {
        match self {
            TokenScope::Read => "read",
            TokenScope::Write => "write",
        }
    }

    /// Whether a request with this HTTP method is within the scope. Only the safe methods (RFC 9110 §9.2.1:
    /// `GET`, `HEAD`, `OPTIONS`) are reads; everything else — including methods Pathways does not serve — is a write.
    pub fn allows(self, method: &str) -> bool {
        match self {
            TokenScope::Write => true,
            TokenScope::Read => matches!(method, "GET" | "HEAD" | "OPTIONS"),
        }
    }
}

impl std::str::FromStr for TokenScope {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "read" => Ok(TokenScope::Read),
            "write" => Ok(TokenScope::Write),
            other => Err(format!("{other:?} is not a token scope (read or write)")),
        }
    }
}

impl std::fmt::Display for TokenScope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The longest lifetime a token may be given, in days.
pub const MAX_DAYS: i64 = 366;

/// When a token made at `created` with a lifetime of `days` (1 to [`MAX_DAYS`]) stops working.
pub fn expires_at(created: DateTime<Utc>, days: i64) -> Result<DateTime<Utc>, String> {
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(format!("a token lasts 1 to {MAX_DAYS} days, not {days}"));
    }
    Ok(created + Duration::days(days))
}

/// Whether a token works at `now`: not revoked and not yet expired (a token without an expiry, from before
/// expiries existed, is given one by the migration, so `None` only appears in tests of old rows and is refused).
pub fn is_live(revoked_at: Option<DateTime<Utc>>, expires_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    revoked_at.is_none() && expires_at.is_some_and(|e| now < e)
}

/// Whether to record a use now: at most once a minute per token, so that a busy integration does not write on
/// every request.
pub fn should_record_use(last_used: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    last_used.is_none_or(|t| now - t >= Duration::minutes(1))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().expect("time")
    }

    #[test]
    fn a_read_token_only_reads() {
        for m in ["GET", "HEAD", "OPTIONS"] {
            assert!(TokenScope::Read.allows(m), "{m}");
        }
        for m in ["POST", "PUT", "PATCH", "DELETE", "PROPFIND", "get"] {
            assert!(!TokenScope::Read.allows(m), "{m}");
            assert!(TokenScope::Write.allows(m), "{m}");
        }
        assert_eq!("Read".parse::<TokenScope>(), Ok(TokenScope::Read));
        assert!("admin".parse::<TokenScope>().is_err());
        for s in TokenScope::ALL {
            assert_eq!(s.as_str().parse::<TokenScope>(), Ok(s));
        }
    }

    #[test]
    fn tokens_expire_at_the_end_of_their_days() {
        let made = at("2026-12-06T10:00:00Z");
        let ends = expires_at(made, 90).expect("90 days");
        assert_eq!(ends, at("2027-03-06T10:00:00Z"));
        assert!(is_live(None, Some(ends), ends - Duration::seconds(1)));
        assert!(!is_live(None, Some(ends), ends), "the expiry instant is already too late");
        assert!(!is_live(Some(made), Some(ends), made + Duration::seconds(1)), "revoked");
        assert!(!is_live(None, None, made), "no expiry: refused");
        assert!(expires_at(made, 0).is_err());
        assert!(expires_at(made, MAX_DAYS + 1).is_err());
        assert!(expires_at(made, MAX_DAYS).is_ok());
    }

    #[test]
    fn a_use_is_recorded_at_most_once_a_minute() {
        let t = at("2026-12-06T10:00:00Z");
        assert!(should_record_use(None, t));
        assert!(!should_record_use(Some(t), t + Duration::seconds(59)));
        assert!(should_record_use(Some(t), t + Duration::seconds(60)));
    }

    proptest! {
        #[test]
        fn a_live_token_was_made_before_it_expires(days in 1i64..=MAX_DAYS, after in 0i64..40_000_000) {
            let made = at("2026-01-01T00:00:00Z");
            let ends = expires_at(made, days).expect("in range");
            let now = made + Duration::seconds(after);
            prop_assert_eq!(is_live(None, Some(ends), now), after < days * 86_400);
        }
    }
}
