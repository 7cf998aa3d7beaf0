//! Closed-loop referrals between organizations (issue 7). Statuses follow FHIR R4 Task: requested → received →
//! accepted or rejected (with a reason) → in progress → completed, or cancelled by the sender / failed. Which side
//! may make which move is [`transition`]; how long a referral has waited is [`waiting_too_long`].

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// A referral's status (FHIR Task.status codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Requested,
    Received,
    Accepted,
    Rejected,
    InProgress,
    Completed,
    Cancelled,
    Failed,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Requested,
        Status::Received,
        Status::Accepted,
        Status::Rejected,
        Status::InProgress,
        Status::Completed,
        Status::Cancelled,
        Status::Failed,
    ];

    /// The FHIR code.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Requested => "requested",
            Status::Received => "received",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
            Status::InProgress => "in-progress",
            Status::Completed => "completed",
            Status::Cancelled => "cancelled",
            Status::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// No move leaves it.
    pub const fn is_final(self) -> bool {
        matches!(self, Status::Rejected | Status::Completed | Status::Cancelled | Status::Failed)
    }
}

/// Which end of the referral is acting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Sender,
    Receiver,
}

/// Why a move is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoveError {
    #[error("a referral can't go from this status to that one")]
    NotAllowed,
    #[error("this side of the referral can't make that move")]
    WrongSide,
    #[error("a reason is required")]
    ReasonRequired,
}

/// Whether `side` may move a referral from `from` to `to`. The receiver acknowledges, accepts or rejects (with
/// a reason), starts, completes or reports failure (with a reason); the sender may cancel (with a reason) until
/// the receiver has started.
pub fn transition(from: Status, to: Status, side: Side, reason: Option<&str>) -> Result<(), MoveError> {
    use Status::*;
    let receiver_move = matches!(
        (from, to),
        (Requested, Received)
            | (Requested | Received, Accepted)
            | (Requested | Received, Rejected)
            | (Accepted, InProgress)
            | (Accepted | InProgress, Completed)
            | (Accepted | InProgress, Failed)
    );
    let sender_move = matches!((from, to), (Requested | Received | Accepted, Cancelled));
    match side {
        Side::Receiver if receiver_move => {}
        Side::Sender if sender_move => {}
        _ if receiver_move || sender_move => return Err(MoveError::WrongSide),
        _ => return Err(MoveError::NotAllowed),
    }
    let needs_reason = matches!(to, Rejected | Failed | Cancelled);
    if needs_reason && reason.is_none_or(|r| r.trim().is_empty()) {
        return Err(MoveError::ReasonRequired);
    }
    Ok(())
}

/// After this long without an answer a referral is flagged on both sides.
pub const REMINDER_AFTER_HOURS: i64 = 48;

/// Whether a referral still waiting for the receiver (requested or received, not yet accepted or rejected) has
/// waited more than [`REMINDER_AFTER_HOURS`] since it was sent.
pub fn waiting_too_long(status: Status, sent_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    matches!(status, Status::Requested | Status::Received) && now - sent_at > Duration::hours(REMINDER_AFTER_HOURS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    /// (from, to, by, reason, answer)
    type Case = (Status, Status, Side, Option<&'static str>, Result<(), MoveError>);

    #[test]
    fn the_moves_as_a_table() {
        let table: &[Case] = &[
            (Requested, Received, Side::Receiver, None, Ok(())),
            (Received, Accepted, Side::Receiver, None, Ok(())),
            (Requested, Accepted, Side::Receiver, None, Ok(())),
            (Received, Rejected, Side::Receiver, Some("no openings this month"), Ok(())),
            (Received, Rejected, Side::Receiver, Some("  "), Err(MoveError::ReasonRequired)),
            (Accepted, InProgress, Side::Receiver, None, Ok(())),
            (InProgress, Completed, Side::Receiver, None, Ok(())),
            (Accepted, Completed, Side::Receiver, None, Ok(())),
            (InProgress, Failed, Side::Receiver, Some("did not arrive"), Ok(())),
            (Requested, Cancelled, Side::Sender, Some("found a closer program"), Ok(())),
            (Accepted, Cancelled, Side::Sender, None, Err(MoveError::ReasonRequired)),
            (InProgress, Cancelled, Side::Sender, Some("x"), Err(MoveError::NotAllowed)),
            (Requested, Received, Side::Sender, None, Err(MoveError::WrongSide)),
            (Requested, Cancelled, Side::Receiver, Some("x"), Err(MoveError::WrongSide)),
            (Completed, InProgress, Side::Receiver, None, Err(MoveError::NotAllowed)),
            (Rejected, Accepted, Side::Receiver, None, Err(MoveError::NotAllowed)),
            (Requested, Completed, Side::Receiver, None, Err(MoveError::NotAllowed)),
        ];
        for (from, to, side, reason, want) in table {
            assert_eq!(transition(*from, *to, *side, *reason), *want, "{from:?} → {to:?} by {side:?}");
        }
    }

    #[test]
    fn nothing_leaves_a_final_status_and_codes_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
            if s.is_final() {
                for to in Status::ALL {
                    for side in [Side::Sender, Side::Receiver] {
                        assert!(transition(s, to, side, Some("r")).is_err(), "{s:?} → {to:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn reminders_after_two_days_of_waiting() {
        let sent =
            DateTime::parse_from_rfc3339("2026-11-28T10:00:00Z").map(|d| d.with_timezone(&Utc)).unwrap_or_default();
        assert!(!waiting_too_long(Requested, sent, sent + Duration::hours(48)));
        assert!(waiting_too_long(Requested, sent, sent + Duration::hours(49)));
        assert!(waiting_too_long(Received, sent, sent + Duration::hours(49)));
        assert!(!waiting_too_long(Accepted, sent, sent + Duration::hours(100)), "answered");
    }
}
