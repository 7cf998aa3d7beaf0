//! Rides to treatment: a request's statuses and the order of the transport queue (withdrawal management first,
//! then residential, then everything else; within a class, whoever has waited longest).

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::LevelOfCare;

/// A ride's status. Requested → assigned → en route → picked up → delivered; or cancelled / no-show (with a
/// reason) before delivery.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RideStatus {
    Requested,
    Assigned,
    EnRoute,
    PickedUp,
    Delivered,
    Cancelled,
    NoShow,
}

/// Why a status change is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RideError {
    #[error("a ride can't go from {from} to {to}")]
    NotNext { from: &'static str, to: &'static str },
    #[error("say why the ride was cancelled or missed")]
    ReasonRequired,
}

impl RideStatus {
    pub const ALL: [RideStatus; 7] = [
        RideStatus::Requested,
        RideStatus::Assigned,
        RideStatus::EnRoute,
        RideStatus::PickedUp,
        RideStatus::Delivered,
        RideStatus::Cancelled,
        RideStatus::NoShow,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            RideStatus::Requested => "requested",
            RideStatus::Assigned => "assigned",
            RideStatus::EnRoute => "en_route",
            RideStatus::PickedUp => "picked_up",
            RideStatus::Delivered => "delivered",
            RideStatus::Cancelled => "cancelled",
            RideStatus::NoShow => "no_show",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }

    /// Delivered, cancelled or no-show: the ride is over.
    pub const fn is_final(self) -> bool {
        matches!(self, RideStatus::Delivered | RideStatus::Cancelled | RideStatus::NoShow)
    }

    /// The step after this one on the way to delivery.
    pub const fn next(self) -> Option<Self> {
        match self {
            RideStatus::Requested => Some(RideStatus::Assigned),
            RideStatus::Assigned => Some(RideStatus::EnRoute),
            RideStatus::EnRoute => Some(RideStatus::PickedUp),
            RideStatus::PickedUp => Some(RideStatus::Delivered),
            RideStatus::Delivered | RideStatus::Cancelled | RideStatus::NoShow => None,
        }
    }

    /// Checks a change of status. Each step goes forward by one; a ride not yet over can be cancelled, and
    /// marked a no-show before pickup, both with a reason.
    pub fn change(self, to: RideStatus, reason: Option<&str>) -> Result<RideStatus, RideError> {
        let refused = RideError::NotNext { from: self.as_str(), to: to.as_str() };
        let with_reason = || {
            if reason.is_some_and(|r| !r.trim().is_empty()) { Ok(to) } else { Err(RideError::ReasonRequired) }
        };
        match to {
            _ if self.is_final() => Err(refused),
            RideStatus::Cancelled => with_reason(),
            RideStatus::NoShow if self != RideStatus::PickedUp => with_reason(),
            _ if self.next() == Some(to) => Ok(to),
            _ => Err(refused),
        }
    }
}

/// The transport queue's classes, first served first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PriorityClass {
    WithdrawalManagement,
    Residential,
    Other,
}

impl PriorityClass {
    /// The class of a ride to a program at this level (no level: other).
    pub fn of(level: Option<LevelOfCare>) -> Self {
        match level {
            Some(l) if l.is_withdrawal_management() => PriorityClass::WithdrawalManagement,
            Some(l) if l.is_residential() => PriorityClass::Residential,
            _ => PriorityClass::Other,
        }
    }
}

/// A ride's place in the queue: sort by this key, ascending. Rides that are over are not in the queue.
pub fn queue_key(level: Option<LevelOfCare>, requested_at: DateTime<Utc>) -> (PriorityClass, DateTime<Utc>) {
    (PriorityClass::of(level), requested_at)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_ride_goes_forward_one_step_at_a_time() {
        let mut s = RideStatus::Requested;
        for to in [RideStatus::Assigned, RideStatus::EnRoute, RideStatus::PickedUp, RideStatus::Delivered] {
            s = s.change(to, None).expect("the next step");
        }
        assert!(s.is_final());
        assert_eq!(
            RideStatus::Requested.change(RideStatus::PickedUp, None),
            Err(RideError::NotNext { from: "requested", to: "picked_up" })
        );
        assert!(RideStatus::EnRoute.change(RideStatus::Assigned, None).is_err(), "never backwards");
        assert!(RideStatus::Delivered.change(RideStatus::Cancelled, Some("changed mind")).is_err());
    }

    #[test]
    fn cancelling_and_no_shows_need_a_reason() {
        assert_eq!(RideStatus::Assigned.change(RideStatus::Cancelled, None), Err(RideError::ReasonRequired));
        assert_eq!(RideStatus::Assigned.change(RideStatus::Cancelled, Some("  ")), Err(RideError::ReasonRequired));
        assert_eq!(RideStatus::EnRoute.change(RideStatus::NoShow, Some("not at pickup")), Ok(RideStatus::NoShow));
        assert!(RideStatus::PickedUp.change(RideStatus::NoShow, Some("x")).is_err(), "picked up is not a no-show");
        assert_eq!(
            RideStatus::PickedUp.change(RideStatus::Cancelled, Some("went to hospital")),
            Ok(RideStatus::Cancelled)
        );
        for s in RideStatus::ALL {
            assert_eq!(RideStatus::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn detox_rides_come_first_then_residential_then_the_longest_wait() {
        let t = |m: u32| Utc.with_ymd_and_hms(2026, 11, 23, 9, m, 0).single().unwrap_or_default();
        let mut rides = [
            ("outpatient, earliest", queue_key(Some(LevelOfCare::IntensiveOutpatient), t(0))),
            ("residential, early", queue_key(Some(LevelOfCare::ResidentialHighIntensity), t(5))),
            ("detox, latest", queue_key(Some(LevelOfCare::MedicallyMonitoredWithdrawal), t(40))),
            ("detox, earlier", queue_key(Some(LevelOfCare::ResidentialWithdrawal), t(30))),
            ("no level", queue_key(None, t(1))),
        ];
        rides.sort_by_key(|(_, k)| *k);
        let order: Vec<&str> = rides.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            order,
            ["detox, earlier", "detox, latest", "residential, early", "outpatient, earliest", "no level"]
        );
    }
}
