//! Bed counts, their freshness, and bed holds.
//!
//! The rules the board, the console and the API share:
//! - A program with a waitlist shows no open beds, whatever its count says.
//! - Beds held for callers are not open: what a caller can be offered is the count less the live holds.
//! - A count older than the stale limit (8 hours by default) is flagged and sorted after fresh ones.
//! - A hold lasts until its expiry (4 hours by default) unless the person is admitted or the hold released; an
//!   expired hold frees its bed without anyone acting.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use crate::text::FieldError;

/// The most beds one program may report (a bound that catches typing errors, not a real limit).
pub const MAX_BEDS: u32 = 2_000;
/// How old a count may be before it is flagged, by default.
pub const DEFAULT_STALE_AFTER: Duration = Duration::hours(8);
/// How long a hold lasts without an admission, by default.
pub const DEFAULT_HOLD_FOR: Duration = Duration::hours(4);
/// A live hold is about to expire when it ends within this time: the access line's home lists it, so the operator
/// can confirm the admission with the program or tell the caller before the bed goes back on the board.
pub const EXPIRING_SOON: Duration = Duration::hours(1);

/// A program's reported capacity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct BedCount {
    pub licensed: u32,
    pub open: u32,
    pub waitlist: u32,
}

impl BedCount {
    /// Checks a provider's update: whole numbers, open beds no more than licensed ones.
    pub fn new(licensed: i64, open: i64, waitlist: i64) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut count = |field: &'static str, n: i64| {
            if n < 0 {
                errors.push(FieldError::new(field, "negative"));
                return 0;
            }
            match u32::try_from(n) {
                Ok(n) if n <= MAX_BEDS => n,
                _ => {
                    errors.push(FieldError::new(field, "too-large"));
                    0
                }
            }
        };
        let (licensed, open, waitlist) =
            (count("licensed_beds", licensed), count("open_beds", open), count("waitlist", waitlist));
        if errors.is_empty() && open > licensed {
            errors.push(FieldError::new("open_beds", "more-than-licensed"));
        }
        if errors.is_empty() { Ok(Self { licensed, open, waitlist }) } else { Err(errors) }
    }

    /// The beds a caller can be offered now, given the live holds: none while there is a waitlist.
    pub fn available(&self, held: u32) -> u32 {
        if self.waitlist > 0 { 0 } else { self.open.saturating_sub(held) }
    }
}

/// One tap on the provider's page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    OpenUp,
    OpenDown,
    WaitlistUp,
    WaitlistDown,
    /// The counts are still right: only the time of the count moves.
    Confirm,
    /// Both counts as typed.
    Set {
        open: i64,
        waitlist: i64,
    },
}

impl Change {
    /// Reads a button's value (`open-up`, `open-down`, `waitlist-up`, `waitlist-down`, `confirm`); `set` takes
    /// the typed numbers.
    pub fn parse(value: &str, open: Option<i64>, waitlist: Option<i64>) -> Option<Self> {
        Some(match value {
            "open-up" => Change::OpenUp,
            "open-down" => Change::OpenDown,
            "waitlist-up" => Change::WaitlistUp,
            "waitlist-down" => Change::WaitlistDown,
            "confirm" => Change::Confirm,
            "set" => Change::Set { open: open?, waitlist: waitlist? },
            _ => return None,
        })
    }
}

impl BedCount {
    /// The counts after a change, checked as any update is (a bed below zero or above the licensed number is
    /// refused naming the field).
    pub fn apply(&self, change: Change) -> Result<Self, Vec<FieldError>> {
        let (open, waitlist) = (i64::from(self.open), i64::from(self.waitlist));
        let (open, waitlist) = match change {
            Change::OpenUp => (open + 1, waitlist),
            Change::OpenDown => (open - 1, waitlist),
            Change::WaitlistUp => (open, waitlist + 1),
            Change::WaitlistDown => (open, waitlist - 1),
            Change::Confirm => (open, waitlist),
            Change::Set { open, waitlist } => (open, waitlist),
        };
        BedCount::new(i64::from(self.licensed), open, waitlist)
    }
}

/// How current a count is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Freshness {
    /// Whole minutes since the update (never negative: a clock ahead of ours counts as just now).
    pub age_minutes: i64,
    pub stale: bool,
}

impl Freshness {
    pub fn of(updated_at: DateTime<Utc>, now: DateTime<Utc>, stale_after: Duration) -> Self {
        let age = (now - updated_at).max(Duration::zero());
        Self { age_minutes: age.num_minutes(), stale: age > stale_after }
    }

    /// "Updated 2 h ago" in parts: the number and its unit (`minutes`, `hours`, `days`), for the page's words.
    pub fn age(&self) -> (i64, &'static str) {
        match self.age_minutes {
            m if m < 60 => (m, "minutes"),
            m if m < 48 * 60 => (m / 60, "hours"),
            m => (m / (24 * 60), "days"),
        }
    }
}

/// Where a hold is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HoldState {
    Held,
    Admitted,
    Released,
    Expired,
}

impl HoldState {
    pub const fn as_str(self) -> &'static str {
        match self {
            HoldState::Held => "held",
            HoldState::Admitted => "admitted",
            HoldState::Released => "released",
            HoldState::Expired => "expired",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [HoldState::Held, HoldState::Admitted, HoldState::Released, HoldState::Expired]
            .into_iter()
            .find(|h| h.as_str() == s)
    }
}

/// A bed held for a caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hold {
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// As stored: a hold stored as held whose expiry has passed is expired.
    pub stored: HoldState,
}

/// Why a hold can't change as asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HoldError {
    #[error("the hold has expired and its bed was freed")]
    Expired,
    #[error("the hold was already closed")]
    Closed,
}

impl Hold {
    /// A new hold from now.
    pub fn new(now: DateTime<Utc>, hold_for: Duration) -> Self {
        Self { created_at: now, expires_at: now + hold_for, stored: HoldState::Held }
    }

    /// Its state at `now`.
    pub fn state(&self, now: DateTime<Utc>) -> HoldState {
        match self.stored {
            HoldState::Held if now >= self.expires_at => HoldState::Expired,
            s => s,
        }
    }

    /// Whether it still keeps a bed from others.
    pub fn is_live(&self, now: DateTime<Utc>) -> bool {
        self.state(now) == HoldState::Held
    }

    /// The state after confirming the admission or releasing the bed (`to` is `Admitted` or `Released`).
    pub fn close(&self, to: HoldState, now: DateTime<Utc>) -> Result<HoldState, HoldError> {
        match self.state(now) {
            HoldState::Held if matches!(to, HoldState::Admitted | HoldState::Released) => Ok(to),
            HoldState::Held => Err(HoldError::Closed),
            HoldState::Expired => Err(HoldError::Expired),
            HoldState::Admitted | HoldState::Released => Err(HoldError::Closed),
        }
    }
}

/// The order programs are listed in for a caller: fresh counts before stale ones, then nearest, then the most
/// recently updated. `distance_mi` is `None` when the caller gave no place (then freshness, then recency).
pub fn listing_order(a: (Freshness, Option<f64>), b: (Freshness, Option<f64>)) -> std::cmp::Ordering {
    let (fa, da) = a;
    let (fb, db) = b;
    fa.stale
        .cmp(&fb.stale)
        .then_with(|| da.unwrap_or(f64::INFINITY).total_cmp(&db.unwrap_or(f64::INFINITY)))
        .then_with(|| fa.age_minutes.cmp(&fb.age_minutes))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, h, m, 0).single().unwrap_or_default()
    }

    #[test]
    fn a_waitlist_shows_no_open_beds_and_holds_take_beds() {
        let c = BedCount::new(20, 4, 0).expect("valid");
        assert_eq!((c.available(0), c.available(3), c.available(9)), (4, 1, 0));
        let waiting = BedCount::new(20, 4, 2).expect("valid");
        assert_eq!(waiting.available(0), 0, "a program with a waitlist shows no open beds");
    }

    #[test]
    fn bad_counts_name_the_field() {
        let fields = |r: Result<BedCount, Vec<FieldError>>| {
            r.err().unwrap_or_default().into_iter().map(|e| (e.field, e.code)).collect::<Vec<_>>()
        };
        assert_eq!(fields(BedCount::new(10, -1, 0)), [("open_beds", "negative")]);
        assert_eq!(fields(BedCount::new(10, 11, 0)), [("open_beds", "more-than-licensed")]);
        assert_eq!(fields(BedCount::new(10, 2, -3)), [("waitlist", "negative")]);
        assert_eq!(fields(BedCount::new(i64::MAX, 2, 0)), [("licensed_beds", "too-large")]);
        assert_eq!(BedCount::new(0, 0, 0).map(|c| c.available(0)), Ok(0));
    }

    #[test]
    fn one_tap_changes_stay_within_zero_and_the_licensed_beds() {
        let c = BedCount::new(3, 2, 0).expect("valid");
        assert_eq!(c.apply(Change::OpenUp).map(|c| c.open), Ok(3));
        let full = c.apply(Change::OpenUp).expect("3 of 3");
        let fields = |r: Result<BedCount, Vec<FieldError>>| {
            r.err().unwrap_or_default().into_iter().map(|e| e.code).collect::<Vec<_>>()
        };
        assert_eq!(fields(full.apply(Change::OpenUp)), ["more-than-licensed"]);
        assert_eq!(fields(c.apply(Change::WaitlistDown)), ["negative"]);
        assert_eq!(c.apply(Change::WaitlistUp).map(|c| (c.open, c.waitlist)), Ok((2, 1)));
        assert_eq!(c.apply(Change::Confirm), Ok(c));
        assert_eq!(c.apply(Change::Set { open: 0, waitlist: 5 }).map(|c| (c.open, c.waitlist)), Ok((0, 5)));
        assert_eq!(Change::parse("set", Some(1), None), None, "set needs both numbers");
        assert_eq!(Change::parse("open-down", None, None), Some(Change::OpenDown));
        assert_eq!(Change::parse("explode", None, None), None);
    }

    #[test]
    fn counts_go_stale_after_the_limit() {
        let now = at(18, 0);
        let f = |h, m| Freshness::of(at(h, m), now, DEFAULT_STALE_AFTER);
        assert_eq!(f(10, 0), Freshness { age_minutes: 480, stale: false }, "exactly 8 hours is not yet stale");
        assert!(f(9, 59).stale);
        assert_eq!(f(17, 15).age(), (45, "minutes"));
        assert_eq!(f(16, 0).age(), (2, "hours"));
        assert_eq!(Freshness::of(at(19, 0), now, DEFAULT_STALE_AFTER).age_minutes, 0, "a clock ahead is just now");
        let old = Freshness::of(at(0, 0) - Duration::days(3), now, DEFAULT_STALE_AFTER);
        assert_eq!(old.age(), (3, "days"));
    }

    #[test]
    fn holds_expire_and_close_once() {
        let h = Hold::new(at(12, 0), DEFAULT_HOLD_FOR);
        assert_eq!(h.expires_at, at(16, 0));
        assert!(h.is_live(at(15, 59)));
        assert_eq!(h.state(at(16, 0)), HoldState::Expired, "expired at the very minute");
        assert_eq!(h.close(HoldState::Admitted, at(15, 0)), Ok(HoldState::Admitted));
        assert_eq!(h.close(HoldState::Released, at(15, 0)), Ok(HoldState::Released));
        assert_eq!(h.close(HoldState::Admitted, at(16, 30)), Err(HoldError::Expired));
        assert_eq!(h.close(HoldState::Expired, at(15, 0)), Err(HoldError::Closed));
        let admitted = Hold { stored: HoldState::Admitted, ..h };
        assert_eq!(admitted.state(at(20, 0)), HoldState::Admitted, "an admission never expires");
        assert_eq!(admitted.close(HoldState::Released, at(13, 0)), Err(HoldError::Closed));
        for s in [HoldState::Held, HoldState::Admitted, HoldState::Released, HoldState::Expired] {
            assert_eq!(HoldState::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn fresh_counts_come_first_then_the_nearest() {
        let now = at(18, 0);
        let fresh = Freshness::of(at(17, 0), now, DEFAULT_STALE_AFTER);
        let fresher = Freshness::of(at(17, 50), now, DEFAULT_STALE_AFTER);
        let stale = Freshness::of(at(1, 0), now, DEFAULT_STALE_AFTER);
        let mut rows =
            vec![(stale, Some(1.0)), (fresh, Some(9.0)), (fresher, Some(9.0)), (fresh, None), (fresh, Some(2.0))];
        rows.sort_by(|a, b| listing_order(*a, *b));
        assert_eq!(
            rows,
            vec![(fresh, Some(2.0)), (fresher, Some(9.0)), (fresh, Some(9.0)), (fresh, None), (stale, Some(1.0))]
        );
    }

    proptest! {
        #[test]
        fn available_never_exceeds_open_and_is_zero_with_a_waitlist(
            licensed in 0i64..3000, open in 0i64..3000, waitlist in 0i64..50, held in 0u32..3000
        ) {
            if let Ok(c) = BedCount::new(licensed, open, waitlist) {
                prop_assert!(c.available(held) <= c.open);
                prop_assert!(c.available(held) + held >= c.open || c.waitlist > 0);
                if waitlist > 0 { prop_assert_eq!(c.available(held), 0); }
            }
        }
    }
}
