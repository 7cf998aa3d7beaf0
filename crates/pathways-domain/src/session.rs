//! When a sign-in session ends.

use chrono::{DateTime, Duration, Utc};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionPolicy {
    /// A session unused for this long ends.
    pub idle: Duration,
    /// A session ends this long after sign-in, however busy.
    pub absolute: Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self { idle: Duration::minutes(15), absolute: Duration::hours(12) }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionState {
    Active,
    IdleExpired,
    AbsoluteExpired,
}

impl SessionPolicy {
    pub fn state(&self, created_at: DateTime<Utc>, last_seen_at: DateTime<Utc>, now: DateTime<Utc>) -> SessionState {
        if now - created_at >= self.absolute {
            SessionState::AbsoluteExpired
        } else if now - last_seen_at >= self.idle {
            SessionState::IdleExpired
        } else {
            SessionState::Active
        }
    }

    /// Whether to record activity now. Writing on every request would turn each read into a write; a
    /// granularity far below the idle timeout keeps the timeout honest.
    pub fn should_touch(&self, last_seen_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        now - last_seen_at >= (self.idle / 15).max(Duration::seconds(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_and_absolute_timeouts() {
        let p = SessionPolicy::default();
        let t0 = DateTime::from_timestamp(1_800_000_000, 0).expect("time");
        assert_eq!(p.state(t0, t0, t0 + Duration::minutes(14)), SessionState::Active);
        assert_eq!(p.state(t0, t0, t0 + Duration::minutes(15)), SessionState::IdleExpired);
        let busy = t0 + Duration::hours(12) - Duration::seconds(1);
        assert_eq!(p.state(t0, busy, busy), SessionState::Active);
        assert_eq!(p.state(t0, busy, t0 + Duration::hours(12)), SessionState::AbsoluteExpired);
    }

    #[test]
    fn activity_is_recorded_at_most_once_a_minute_by_default() {
        let p = SessionPolicy::default();
        let t0 = DateTime::from_timestamp(1_800_000_000, 0).expect("time");
        assert!(!p.should_touch(t0, t0 + Duration::seconds(59)));
        assert!(p.should_touch(t0, t0 + Duration::seconds(60)));
    }
}
