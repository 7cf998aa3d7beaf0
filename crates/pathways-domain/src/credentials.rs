//! The rules of an account's credentials after it exists (issue 22): how long a password reset link lasts, how
//! many a staff member may hand out, how many wrong current passwords a password change allows, and how many
//! refused tries an invitation survives. Pure: the web layer asks these with the time it read.

use chrono::{DateTime, Duration, Utc};

/// A reset link (and its code) works this long after it is issued, once.
pub const RESET_VALID_HOURS: i64 = 24;

/// At most this many reset links one staff member (or the command line) may issue in [`ISSUE_WINDOW_MINUTES`]:
/// enough for a busy morning, too few to be a way to take over accounts in bulk.
pub const MAX_RESETS_ISSUED: u64 = 20;
pub const ISSUE_WINDOW_MINUTES: i64 = 60;

/// Wrong current passwords a password change allows in [`CHANGE_WINDOW_MINUTES`] before it answers "wait".
pub const MAX_CHANGE_FAILURES: u64 = 5;
pub const CHANGE_WINDOW_MINUTES: i64 = 15;

/// Refused tries (any reason: the username, the password rules) one invitation survives; the next refusal uses
/// it up, and whoever made it issues a new one. Bounds how many usernames one invitation can test.
pub const MAX_INVITE_ATTEMPTS: i32 = 5;

/// When a reset issued at `issued_at` stops working.
pub fn reset_expires_at(issued_at: DateTime<Utc>) -> DateTime<Utc> {
    issued_at + Duration::hours(RESET_VALID_HOURS)
}

/// Whether a reset can still be used at `now`: never used, and not yet expired (the expiry itself is too late).
pub fn reset_usable(expires_at: DateTime<Utc>, used_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    used_at.is_none() && now < expires_at
}

/// Whether an invitation refused `attempts` times already may be tried once more.
pub fn invite_may_try(attempts: i32) -> bool {
    attempts < MAX_INVITE_ATTEMPTS
}

/// Whether one more reset may be issued by someone who issued `issued_recently` in the window.
pub fn may_issue_reset(issued_recently: u64) -> bool {
    issued_recently < MAX_RESETS_ISSUED
}

/// Whether a password change may look at the current password after `failures` wrong ones in the window.
pub fn may_try_password_change(failures: u64) -> bool {
    failures < MAX_CHANGE_FAILURES
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(h: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + h * 3600, 0).expect("time")
    }

    #[test]
    fn a_reset_lasts_24_hours_and_works_once() {
        let expires = reset_expires_at(at(0));
        assert_eq!(expires, at(24));
        assert!(reset_usable(expires, None, at(23)));
        assert!(!reset_usable(expires, None, at(24)), "the expiry itself is too late");
        assert!(!reset_usable(expires, Some(at(1)), at(2)), "used once is used up");
    }

    #[test]
    fn limits() {
        assert!(invite_may_try(0) && invite_may_try(MAX_INVITE_ATTEMPTS - 1));
        assert!(!invite_may_try(MAX_INVITE_ATTEMPTS));
        assert!(may_issue_reset(MAX_RESETS_ISSUED - 1) && !may_issue_reset(MAX_RESETS_ISSUED));
        assert!(may_try_password_change(4) && !may_try_password_change(5));
    }

    proptest! {
        #[test]
        fn usable_exactly_before_expiry(issued in 0i64..1_000_000, later in 0i64..100_000) {
            let issued = at(0) + Duration::seconds(issued);
            let now = issued + Duration::seconds(later);
            prop_assert_eq!(reset_usable(reset_expires_at(issued), None, now), later < RESET_VALID_HOURS * 3600);
        }
    }
}
