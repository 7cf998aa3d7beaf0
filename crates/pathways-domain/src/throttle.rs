//! Sign-in throttling without lock-out and without an oracle.
//!
//! Failures are counted from the audit trail (shared by every server process) over a sliding window, per **login
//! string** — whether or not an account by that name exists, so a slowed answer never says "this person has an
//! account here" — and per client address. Below a threshold nothing is slowed; past it, the next attempt is
//! accepted only once a delay has passed since the last failure, a delay that doubles with each further failure up
//! to a cap. Attempts refused for coming too early are not failures (they are never counted), so nobody can keep
//! another person out by trying every few minutes, and the right password after the delay always works.

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignInPolicy {
    /// Sign-in failures older than this are forgotten.
    pub forget_after: Duration,
    /// The window of the invitation guess limit (`max_failures_per_address` per window; `services::invites`).
    pub window: Duration,
    /// Failures for one login string before any delay.
    pub free_failures_per_login: u64,
    /// Failures from one client address (all logins together) before any delay; also the invitation guess limit.
    pub max_failures_per_address: u64,
    /// The delay after the first failure past the threshold; each further failure doubles it.
    pub first_delay: Duration,
    /// The longest delay.
    pub max_delay: Duration,
}

impl Default for SignInPolicy {
    /// Five free tries, then 30 s, 1, 2, 4, 8 min, then 15 min at most: about a dozen guesses an hour at one login,
    /// against passwords of at least 12 characters and zxcvbn strength 3.
    fn default() -> Self {
        Self {
            forget_after: Duration::hours(1),
            window: Duration::minutes(15),
            free_failures_per_login: 5,
            max_failures_per_address: 20,
            first_delay: Duration::seconds(30),
            max_delay: Duration::minutes(15),
        }
    }
}

/// Recent failures of one kind (for a login, or from an address): how many, and when the last one was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Failures {
    pub count: u64,
    pub last: Option<DateTime<Utc>>,
}

/// Too early after recent failures: the caller must wait this long before trying again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Throttled {
    pub retry_after: Duration,
}

impl Throttled {
    /// Whole seconds to wait, rounded up and at least one (the `Retry-After` header).
    pub fn retry_after_secs(&self) -> u64 {
        let ms = self.retry_after.num_milliseconds().max(1);
        (ms as u64).div_ceil(1000)
    }
}

impl SignInPolicy {
    /// The wait after `failures` failures when `free` are allowed without one: zero up to the threshold, then
    /// `first_delay` doubling with each failure, never more than `max_delay`.
    pub fn delay_after(&self, failures: u64, free: u64) -> Duration {
        if failures < free.max(1) {
            return Duration::zero();
        }
        let doublings = (failures - free.max(1)).min(40) as u32;
        let first = self.first_delay.max(Duration::zero());
        let delay = first.checked_mul(2i32.saturating_pow(doublings.min(30))).unwrap_or(self.max_delay);
        delay.min(self.max_delay)
    }

    /// Whether an attempt at `now` may be checked at all, given the failures for its login and from its address.
    pub fn check(&self, now: DateTime<Utc>, by_login: Failures, by_address: Failures) -> Result<(), Throttled> {
        let wait = |f: Failures, free: u64| {
            let until = f.last? + self.delay_after(f.count, free);
            (until > now).then(|| until - now)
        };
        let longest = [wait(by_login, self.free_failures_per_login), wait(by_address, self.max_failures_per_address)]
            .into_iter()
            .flatten()
            .max();
        match longest {
            Some(retry_after) => Err(Throttled { retry_after }),
            None => Ok(()),
        }
    }
}

/// What the audit trail keeps of a login string to count its failures: the SHA-256 of the login as accounts are
/// looked up (trimmed, lowercased), never the login itself — the trail must not collect the names and emails of
/// people who are not (or not yet) clients.
pub fn login_key(login: &str) -> String {
    let normalized = login.trim().to_lowercase();
    format!("login_sha256:{}", hex::encode(Sha256::digest(normalized.as_bytes())))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + secs, 0).expect("time")
    }

    fn failures(count: u64, last: i64) -> Failures {
        Failures { count, last: Some(at(last)) }
    }

    #[test]
    fn nothing_is_slowed_below_the_threshold() {
        let p = SignInPolicy::default();
        for n in 0..5 {
            assert_eq!(p.delay_after(n, 5), Duration::zero());
        }
        assert!(p.check(at(0), failures(4, 0), failures(19, 0)).is_ok());
    }

    #[test]
    fn delays_double_from_the_threshold_up_to_the_cap() {
        let p = SignInPolicy::default();
        let secs: Vec<i64> = (5..12).map(|n| p.delay_after(n, 5).num_seconds()).collect();
        assert_eq!(secs, [30, 60, 120, 240, 480, 900, 900]);
        assert_eq!(p.delay_after(u64::MAX, 5), Duration::minutes(15));
    }

    #[test]
    fn an_attempt_after_the_delay_is_let_through() {
        let p = SignInPolicy::default();
        let five = failures(5, 0);
        let early = p.check(at(10), five, Failures::default()).expect_err("too early");
        assert_eq!(early.retry_after, Duration::seconds(20));
        assert_eq!(early.retry_after_secs(), 20);
        assert!(p.check(at(30), five, Failures::default()).is_ok());
    }

    #[test]
    fn the_address_has_its_own_higher_threshold_and_the_longer_wait_wins() {
        let p = SignInPolicy::default();
        assert!(p.check(at(1), Failures::default(), failures(19, 0)).is_ok());
        let by_addr = p.check(at(1), Failures::default(), failures(20, 0)).expect_err("address");
        assert_eq!(by_addr.retry_after, Duration::seconds(29));
        let both = p.check(at(1), failures(7, 0), failures(20, 0)).expect_err("both");
        assert_eq!(both.retry_after, Duration::seconds(119));
    }

    #[test]
    fn retry_after_rounds_up_to_a_whole_second() {
        assert_eq!(Throttled { retry_after: Duration::milliseconds(1) }.retry_after_secs(), 1);
        assert_eq!(Throttled { retry_after: Duration::milliseconds(1001) }.retry_after_secs(), 2);
    }

    #[test]
    fn the_login_key_ignores_case_and_spaces_and_hides_the_login() {
        let k = login_key("  Alex.Rivera@Example.org ");
        assert_eq!(k, login_key("alex.rivera@example.org"));
        assert!(k.starts_with("login_sha256:") && k.len() == 13 + 64);
        assert!(!k.contains("alex"));
        assert_ne!(k, login_key("alex.rivera@example.com"));
    }

    proptest! {
        #[test]
        fn delays_are_monotonic_capped_and_zero_below_the_threshold(
            n in 0u64..10_000, free in 1u64..50, first in 0i64..10_000, cap in 0i64..100_000,
        ) {
            let p = SignInPolicy {
                first_delay: Duration::milliseconds(first),
                max_delay: Duration::milliseconds(cap),
                ..SignInPolicy::default()
            };
            let d = p.delay_after(n, free);
            prop_assert!(d <= p.max_delay);
            prop_assert!(d >= Duration::zero());
            prop_assert!(p.delay_after(n + 1, free) >= d);
            if n < free {
                prop_assert_eq!(d, Duration::zero());
            }
        }

        #[test]
        fn waiting_out_the_delay_always_lets_the_next_attempt_through(n in 0u64..200, last in 0i64..3_600) {
            let p = SignInPolicy::default();
            let f = failures(n, last);
            let ready = at(last) + p.delay_after(n, p.free_failures_per_login);
            prop_assert!(p.check(ready, f, Failures::default()).is_ok());
        }
    }
}
