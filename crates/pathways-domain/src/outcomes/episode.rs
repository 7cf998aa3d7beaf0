//! Episodes of care (issue 17): a person's episode with a program (in Pathways, an organization) runs from its
//! first service to its last; a closeout ends it with a reason, and a service after a closeout starts a new
//! episode for the same person. Pure: what recording a service on a day does to the person's latest episode.

use chrono::NaiveDate;
use serde::Serialize;

/// Why an episode was closed. The administrative ones (could not be reached, died, declined) are recorded and
/// counted as such in the follow-up figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CloseoutReason {
    /// Goals met or services completed.
    Completed,
    /// Moved to another program or organization.
    Transferred,
    /// Could not be reached.
    LostContact,
    Died,
    /// The person chose to stop.
    Declined,
    Other,
}

impl CloseoutReason {
    pub const ALL: [CloseoutReason; 6] = [
        CloseoutReason::Completed,
        CloseoutReason::Transferred,
        CloseoutReason::LostContact,
        CloseoutReason::Died,
        CloseoutReason::Declined,
        CloseoutReason::Other,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            CloseoutReason::Completed => "completed",
            CloseoutReason::Transferred => "transferred",
            CloseoutReason::LostContact => "lost_contact",
            CloseoutReason::Died => "died",
            CloseoutReason::Declined => "declined",
            CloseoutReason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether the reason is administrative (the person was not interviewed because they could not be).
    pub const fn is_administrative(self) -> bool {
        matches!(self, CloseoutReason::LostContact | CloseoutReason::Died | CloseoutReason::Declined)
    }
}

/// The person's latest episode with the program, as far as the rule needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Latest {
    pub started_on: NaiveDate,
    pub last_service_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
}

/// What recording a service does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnService {
    /// Start a new episode on the day (no episode yet, or the latest was closed out).
    Start(NaiveDate),
    /// The open episode now runs from `started_on` to `last_service_on`.
    Extend { started_on: NaiveDate, last_service_on: NaiveDate },
    /// Nothing changes (a service inside the open episode's span).
    Nothing,
}

/// What a service on `day` does to the person's latest episode. A service recorded late, for a day before the
/// open episode started, moves its start back; a service on or after a closed episode's end starts a new one
/// (a late entry for a day inside a closed episode changes nothing).
pub fn on_service(latest: Option<Latest>, day: NaiveDate) -> OnService {
    match latest {
        None => OnService::Start(day),
        Some(Latest { ended_on: Some(end), .. }) if day >= end => OnService::Start(day),
        Some(Latest { ended_on: Some(_), .. }) => OnService::Nothing,
        Some(l) if day < l.started_on || day > l.last_service_on => {
            OnService::Extend { started_on: l.started_on.min(day), last_service_on: l.last_service_on.max(day) }
        }
        Some(_) => OnService::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("a date")
    }

    #[test]
    fn services_start_and_extend_an_episode_and_a_closeout_ends_it() {
        assert_eq!(on_service(None, d(3, 1)), OnService::Start(d(3, 1)));
        let open = Latest { started_on: d(3, 1), last_service_on: d(3, 10), ended_on: None };
        assert_eq!(
            on_service(Some(open), d(4, 2)),
            OnService::Extend { started_on: d(3, 1), last_service_on: d(4, 2) }
        );
        assert_eq!(on_service(Some(open), d(3, 5)), OnService::Nothing);
        assert_eq!(
            on_service(Some(open), d(2, 20)),
            OnService::Extend { started_on: d(2, 20), last_service_on: d(3, 10) }
        );
        let closed = Latest { ended_on: Some(d(3, 12)), ..open };
        assert_eq!(on_service(Some(closed), d(5, 1)), OnService::Start(d(5, 1)), "coming back starts anew");
        assert_eq!(on_service(Some(closed), d(3, 12)), OnService::Start(d(3, 12)));
        assert_eq!(on_service(Some(closed), d(3, 2)), OnService::Nothing);
    }

    #[test]
    fn reasons_round_trip_and_administrative_ones_are_named() {
        for r in CloseoutReason::ALL {
            assert_eq!(CloseoutReason::parse(r.as_str()), Some(r));
            assert_eq!(serde_json::to_value(r).ok(), Some(serde_json::Value::from(r.as_str())));
        }
        assert!(CloseoutReason::Died.is_administrative());
        assert!(!CloseoutReason::Completed.is_administrative());
        assert_eq!(CloseoutReason::parse("x"), None);
    }
}
