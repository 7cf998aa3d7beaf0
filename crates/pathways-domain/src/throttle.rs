//! Sign-in throttling. Failures are counted from the audit trail (shared by every server process), per
//! account and per client address, over a sliding window.

use chrono::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignInPolicy {
    pub window: Duration,
    pub max_failures_per_account: u64,
    pub max_failures_per_address: u64,
}

impl Default for SignInPolicy {
    fn default() -> Self {
        Self { window: Duration::minutes(15), max_failures_per_account: 5, max_failures_per_address: 20 }
    }
}

/// Too many recent failures: the caller must wait before trying again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Throttled {
    pub retry_after: Duration,
}

impl SignInPolicy {
    pub fn check(&self, failures_for_account: u64, failures_from_address: u64) -> Result<(), Throttled> {
        if failures_for_account >= self.max_failures_per_account
            || failures_from_address >= self.max_failures_per_address
        {
            Err(Throttled { retry_after: self.window })
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttles_at_the_limits() {
        let p = SignInPolicy::default();
        assert!(p.check(4, 19).is_ok());
        assert!(p.check(5, 0).is_err());
        assert!(p.check(0, 20).is_err());
    }
}
