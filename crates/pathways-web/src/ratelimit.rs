//! A small in-memory rate limit by key (the client address) for public forms: at most `max` in a sliding
//! window. Per process: it keeps a flood off one server; sign-in throttling, which must hold across processes,
//! uses the audit trail instead.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct RateLimit {
    max: usize,
    window: Duration,
    seen: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl RateLimit {
    pub fn new(max: usize, window: Duration) -> Self {
        Self { max, window, seen: Mutex::new(HashMap::new()) }
    }

    pub fn window_secs(&self) -> u64 {
        self.window.as_secs()
    }

    /// Whether `key` is at the limit now; nothing is counted (for a limit on failures only: check first, count
    /// each failure with [`RateLimit::allow`]).
    pub fn exhausted(&self, key: &str) -> bool {
        let now = Instant::now();
        let seen = self.seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        seen.get(key).is_some_and(|q| q.iter().filter(|t| now.duration_since(**t) < self.window).count() >= self.max)
    }

    /// Counts one attempt for `key`; `false` when it is over the limit (the attempt is not counted then).
    pub fn allow(&self, key: &str) -> bool {
        let now = Instant::now();
        let mut seen = self.seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if seen.len() > 10_000 {
            seen.retain(|_, q| q.back().is_some_and(|t| now.duration_since(*t) < self.window));
        }
        let q = seen.entry(key.to_owned()).or_default();
        while q.front().is_some_and(|t| now.duration_since(*t) >= self.window) {
            q.pop_front();
        }
        if q.len() >= self.max {
            return false;
        }
        q.push_back(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_the_limit_is_refused_per_key() {
        let r = RateLimit::new(2, Duration::from_secs(60));
        assert!(r.allow("a") && r.allow("a"));
        assert!(!r.allow("a"));
        assert!(r.allow("b"));
        assert!(r.exhausted("a") && !r.exhausted("b") && !r.exhausted("c"), "looking counts nothing");
        assert!(!r.exhausted("b"));
        let short = RateLimit::new(1, Duration::from_millis(1));
        assert!(short.allow("a"));
        std::thread::sleep(Duration::from_millis(5));
        assert!(short.allow("a"), "the window slides");
    }
}
