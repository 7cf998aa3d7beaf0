//! The outreach queue's rules (issue 5): what in one person's record needs their coach today. The store reads
//! the facts for many persons in one query and hands each person's [`Facts`] to [`evaluate`].
//!
//! The rules are level-triggered: an item is open while its rule holds and closes by itself when it stops
//! holding (the unsafe check-in was handled, the check-up was done). So evaluating twice changes nothing
//! (idempotent), evaluating a person whose data did not change changes nothing (incremental passes are safe),
//! and a pass missed by a stopped server is made up by the next one.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::checkup::{Standing, standing};

mod locator;
mod settings;
pub use locator::{LOCATOR_KINDS, Locator, LocatorForm, parse_locator};
pub use settings::{SettingsForm, parse_settings};

/// Why a person is on the queue. The order of the variants is the order within an urgency class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// "Are you safe right now?" answered no, and not yet handled.
    UnsafeCheckin,
    /// A check-up found a need for treatment; the linkage task is open.
    LinkageNeeded,
    /// A linkage task with no progress for [`Rules::linkage_stall_days`].
    LinkageStalled,
    /// The check-up's window has closed without it.
    CheckupOverdue,
    /// A BARC-10 total fell by 5 points or more.
    Barc10Drop,
    /// The check-up's window is open.
    CheckupDue,
    /// No contact for [`Rules::no_contact_days`]: re-engagement.
    NotEngaged,
    /// No self check-in for [`Rules::quiet_days`].
    NoCheckin,
    /// The plan's review date has passed.
    PlanReviewOverdue,
    /// An outcome interview's window is open and the interview is not yet done or recorded as administrative
    /// (issue 17: `outcomes::interview::open_on`).
    InterviewDue,
}

pub const ALL_KINDS: [Kind; 10] = [
    Kind::UnsafeCheckin,
    Kind::LinkageNeeded,
    Kind::LinkageStalled,
    Kind::CheckupOverdue,
    Kind::Barc10Drop,
    Kind::CheckupDue,
    Kind::NotEngaged,
    Kind::NoCheckin,
    Kind::PlanReviewOverdue,
    Kind::InterviewDue,
];

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::UnsafeCheckin => "unsafe_checkin",
            Kind::LinkageNeeded => "linkage_needed",
            Kind::LinkageStalled => "linkage_stalled",
            Kind::CheckupOverdue => "checkup_overdue",
            Kind::Barc10Drop => "barc10_drop",
            Kind::CheckupDue => "checkup_due",
            Kind::NotEngaged => "not_engaged",
            Kind::NoCheckin => "no_checkin",
            Kind::PlanReviewOverdue => "plan_review_overdue",
            Kind::InterviewDue => "interview_due",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        ALL_KINDS.into_iter().find(|k| k.as_str() == s)
    }

    /// 0 urgent (today, now), 1 high (this week's work), 2 soon, 3 routine. The queue is ordered by class, then
    /// by how long the item has waited.
    pub fn urgency_class(self) -> u8 {
        match self {
            Kind::UnsafeCheckin => 0,
            Kind::LinkageNeeded | Kind::LinkageStalled | Kind::CheckupOverdue => 1,
            Kind::Barc10Drop | Kind::CheckupDue | Kind::NotEngaged | Kind::InterviewDue => 2,
            Kind::NoCheckin | Kind::PlanReviewOverdue => 3,
        }
    }
}

/// A program's outreach settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// No self check-in for this many days puts the person on the queue.
    pub quiet_days: u32,
    /// No contact for this many days: the person is "not engaged".
    pub no_contact_days: u32,
    /// A linkage task with no progress for this many days is stalled.
    pub linkage_stall_days: u32,
    /// A check-up's completion window on each side of its due date, in days.
    pub window_days: u32,
    /// The program's time zone: check-up windows are whole days there.
    pub tz: Tz,
    /// Failed attempts after which an item escalates to the supervisor.
    pub escalate_after: u32,
}

impl Default for Rules {
    fn default() -> Self {
        Self {
            quiet_days: 14,
            no_contact_days: 30,
            linkage_stall_days: 7,
            window_days: crate::checkup::DEFAULT_WINDOW_DAYS,
            tz: crate::deployment::DEFAULT_TIME_ZONE,
            escalate_after: 3,
        }
    }
}

/// What the rules read about one person.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// When the person's care here began (the first contact a quiet spell is counted from).
    pub enrolled_at: DateTime<Utc>,
    /// Open urgent attention items (unsafe check-ins not yet handled).
    pub urgent_items: i64,
    /// Open recovery-capital drop items.
    pub drop_items: i64,
    pub barc_latest: Option<i16>,
    pub barc_previous: Option<i16>,
    pub review_date: Option<NaiveDate>,
    pub last_checkin: Option<DateTime<Utc>>,
    /// The latest contact: an encounter, a completed check-up, an outreach attempt that reached the person.
    pub last_contact: Option<DateTime<Utc>>,
    /// The next check-up's due date, when the person is on a schedule.
    pub next_checkup: Option<NaiveDate>,
    /// An open linkage task: when it last moved (opened, or its latest step).
    pub linkage_progress: Option<DateTime<Utc>>,
    /// An outcome interview's window is open today and the interview is not settled (issue 17).
    pub interview_due: bool,
}

/// The rules that hold for a person at `now`, most urgent first.
pub fn evaluate(f: &Facts, rules: &Rules, now: DateTime<Utc>) -> Vec<Kind> {
    let days = |n: u32| Duration::days(i64::from(n));
    let mut kinds = Vec::new();
    if f.urgent_items > 0 {
        kinds.push(Kind::UnsafeCheckin);
    }
    if let Some(moved) = f.linkage_progress {
        kinds.push(if now - moved >= days(rules.linkage_stall_days) {
            Kind::LinkageStalled
        } else {
            Kind::LinkageNeeded
        });
    }
    match f.next_checkup.map(|due| standing(due, rules.window_days, rules.tz, now)) {
        Some(Standing::Overdue) => kinds.push(Kind::CheckupOverdue),
        Some(Standing::Due) => kinds.push(Kind::CheckupDue),
        _ => {}
    }
    let fell = matches!((f.barc_previous, f.barc_latest), (Some(a), Some(b)) if b - a <= -5);
    if f.drop_items > 0 || fell {
        kinds.push(Kind::Barc10Drop);
    }
    let contact = f.last_contact.unwrap_or(f.enrolled_at).max(f.enrolled_at);
    let not_engaged = now - contact >= days(rules.no_contact_days);
    if not_engaged {
        kinds.push(Kind::NotEngaged);
    }
    // A person not engaged is reached by re-engagement; a quiet check-in log is part of that, not a second item.
    let quiet_since = f.last_checkin.unwrap_or(f.enrolled_at).max(f.enrolled_at);
    if !not_engaged && now - quiet_since >= days(rules.quiet_days) {
        kinds.push(Kind::NoCheckin);
    }
    let today = now.with_timezone(&rules.tz).date_naive();
    if f.review_date.is_some_and(|d| d < today) {
        kinds.push(Kind::PlanReviewOverdue);
    }
    if f.interview_due {
        kinds.push(Kind::InterviewDue);
    }
    kinds.sort_by_key(|k| (k.urgency_class(), *k));
    kinds
}

/// Whether an item with this many failed attempts goes to the supervisor.
pub fn escalates(failed_attempts: u32, rules: &Rules) -> bool {
    rules.escalate_after > 0 && failed_attempts >= rules.escalate_after
}

/// How an outreach attempt was made.
pub const CHANNELS: [&str; 5] = ["phone", "text", "email", "visit", "ally"];

/// What came of it. Only `reached` is a contact; the others count toward escalation.
pub const OUTCOMES: [&str; 5] = ["reached", "left_message", "no_answer", "wrong_number", "declined"];

/// Whether an attempt's outcome reached the person.
pub fn reached(outcome: &str) -> bool {
    outcome == "reached"
}

/// An attempt to reach a person, as logged from the queue: a known channel and outcome, and an optional note of at
/// most 2,000 characters (blank means none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttemptInput {
    pub channel: String,
    pub outcome: String,
    pub note: Option<String>,
}

impl AttemptInput {
    /// Checks an attempt, naming every bad field.
    pub fn parse(channel: &str, outcome: &str, note: Option<&str>) -> Result<Self, Vec<crate::text::FieldError>> {
        use crate::text::FieldError;
        let mut errors = Vec::new();
        if !CHANNELS.contains(&channel) {
            errors.push(FieldError::new("channel", "unknown-choice"));
        }
        if !OUTCOMES.contains(&outcome) {
            errors.push(FieldError::new("outcome", "unknown-choice"));
        }
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if note.is_some_and(|n| n.chars().count() > 2000) {
            errors.push(FieldError::new("notes", "too-long"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self { channel: channel.to_owned(), outcome: outcome.to_owned(), note: note.map(str::to_owned) })
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn an_attempt_names_every_bad_field() {
        let ok = AttemptInput::parse("phone", "no_answer", Some("  ")).expect("valid");
        assert_eq!(ok, AttemptInput { channel: "phone".into(), outcome: "no_answer".into(), note: None });
        let fields = |r: Result<AttemptInput, Vec<crate::text::FieldError>>| {
            r.err().unwrap_or_default().into_iter().map(|e| e.field).collect::<Vec<_>>()
        };
        assert_eq!(fields(AttemptInput::parse("pigeon", "maybe", None)), ["channel", "outcome"]);
        assert_eq!(fields(AttemptInput::parse("text", "reached", Some(&"x".repeat(2001)))), ["notes"]);
        assert!(AttemptInput::parse("text", "reached", Some(&"é".repeat(2000))).is_ok());
    }

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 15, 0, 0).single().unwrap_or_default()
    }

    fn engaged(now: DateTime<Utc>) -> Facts {
        Facts {
            enrolled_at: at(2025, 1, 1),
            last_checkin: Some(now - Duration::days(1)),
            last_contact: Some(now - Duration::days(2)),
            ..Facts::default()
        }
    }

    #[test]
    fn an_outcome_interview_due_is_its_own_rule() {
        let now = at(2026, 11, 30);
        let due = Facts { interview_due: true, ..engaged(now) };
        assert_eq!(evaluate(&due, &Rules::default(), now), vec![Kind::InterviewDue]);
        assert_eq!(Kind::parse("interview_due"), Some(Kind::InterviewDue));
        assert!(evaluate(&engaged(now), &Rules::default(), now).is_empty());
    }

    #[test]
    fn a_person_who_is_doing_fine_is_not_on_the_queue() {
        let now = at(2026, 11, 30);
        assert_eq!(evaluate(&engaged(now), &Rules::default(), now), vec![]);
    }

    #[test]
    fn each_rule_as_a_table() {
        let now = at(2026, 11, 30);
        let r = Rules::default();
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        let cases: Vec<(&str, Facts, Vec<Kind>)> = vec![
            ("unsafe check-in", Facts { urgent_items: 1, ..engaged(now) }, vec![Kind::UnsafeCheckin]),
            (
                "linkage moved 6 days ago",
                Facts { linkage_progress: Some(now - Duration::days(6)), ..engaged(now) },
                vec![Kind::LinkageNeeded],
            ),
            (
                "linkage still 7 days later",
                Facts { linkage_progress: Some(now - Duration::days(7)), ..engaged(now) },
                vec![Kind::LinkageStalled],
            ),
            (
                "check-up due in 14 days: window open",
                Facts { next_checkup: Some(d(2026, 12, 14)), ..engaged(now) },
                vec![Kind::CheckupDue],
            ),
            ("check-up due in 15 days: not yet", Facts { next_checkup: Some(d(2026, 12, 15)), ..engaged(now) }, vec![]),
            (
                "check-up due 14 days ago: last day",
                Facts { next_checkup: Some(d(2026, 11, 16)), ..engaged(now) },
                vec![Kind::CheckupDue],
            ),
            (
                "check-up due 15 days ago",
                Facts { next_checkup: Some(d(2026, 11, 15)), ..engaged(now) },
                vec![Kind::CheckupOverdue],
            ),
            (
                "BARC-10 fell 5",
                Facts { barc_previous: Some(45), barc_latest: Some(40), ..engaged(now) },
                vec![Kind::Barc10Drop],
            ),
            ("BARC-10 fell 4", Facts { barc_previous: Some(45), barc_latest: Some(41), ..engaged(now) }, vec![]),
            ("an open drop item", Facts { drop_items: 1, ..engaged(now) }, vec![Kind::Barc10Drop]),
            (
                "no check-in for 14 days",
                Facts { last_checkin: Some(now - Duration::days(14)), ..engaged(now) },
                vec![Kind::NoCheckin],
            ),
            ("no check-in for 13 days", Facts { last_checkin: Some(now - Duration::days(13)), ..engaged(now) }, vec![]),
            (
                "no contact for 30 days (and quiet): not engaged only",
                Facts {
                    last_contact: Some(now - Duration::days(30)),
                    last_checkin: Some(now - Duration::days(40)),
                    ..engaged(now)
                },
                vec![Kind::NotEngaged],
            ),
            (
                "enrolled yesterday: nothing is overdue yet",
                Facts {
                    enrolled_at: now - Duration::days(1),
                    last_checkin: None,
                    last_contact: None,
                    ..Facts::default()
                },
                vec![],
            ),
            (
                "plan review yesterday",
                Facts { review_date: Some(d(2026, 11, 29)), ..engaged(now) },
                vec![Kind::PlanReviewOverdue],
            ),
            ("plan review today", Facts { review_date: Some(d(2026, 11, 30)), ..engaged(now) }, vec![]),
        ];
        for (name, facts, want) in cases {
            assert_eq!(evaluate(&facts, &r, now), want, "{name}");
        }
    }

    #[test]
    fn urgency_orders_the_list() {
        let now = at(2026, 11, 30);
        let f = Facts {
            urgent_items: 1,
            review_date: NaiveDate::from_ymd_opt(2026, 1, 1),
            next_checkup: NaiveDate::from_ymd_opt(2026, 10, 1),
            drop_items: 1,
            ..engaged(now)
        };
        assert_eq!(
            evaluate(&f, &Rules::default(), now),
            vec![Kind::UnsafeCheckin, Kind::CheckupOverdue, Kind::Barc10Drop, Kind::PlanReviewOverdue]
        );
    }

    #[test]
    fn escalation_after_the_programs_number_of_failed_attempts() {
        let r = Rules::default();
        assert!(!escalates(2, &r));
        assert!(escalates(3, &r));
        assert!(!escalates(10, &Rules { escalate_after: 0, ..r }), "0 turns escalation off");
    }

    #[test]
    fn kinds_round_trip() {
        for k in ALL_KINDS {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Kind::parse("nope"), None);
    }

    proptest! {
        /// Whatever the facts: the result is sorted by urgency class, has no repeats, and is the same when asked
        /// twice (the store relies on this to make passes idempotent).
        #[test]
        fn sorted_unique_and_stable(
            urgent in 0i64..3, drops in 0i64..2, prev in proptest::option::of(10i16..=60),
            latest in proptest::option::of(10i16..=60), checkin_days in proptest::option::of(0i64..100),
            contact_days in proptest::option::of(0i64..100), due_days in proptest::option::of(-60i64..60),
            linkage_days in proptest::option::of(0i64..20), review_days in proptest::option::of(-30i64..30),
            interview_due in any::<bool>(),
        ) {
            let now = at(2026, 11, 30);
            let today = now.date_naive();
            let f = Facts {
                enrolled_at: at(2025, 6, 1),
                urgent_items: urgent,
                drop_items: drops,
                barc_previous: prev,
                barc_latest: latest,
                review_date: review_days.map(|d| today + Duration::days(d)),
                last_checkin: checkin_days.map(|d| now - Duration::days(d)),
                last_contact: contact_days.map(|d| now - Duration::days(d)),
                next_checkup: due_days.map(|d| today + Duration::days(d)),
                linkage_progress: linkage_days.map(|d| now - Duration::days(d)),
                interview_due,
            };
            let r = Rules::default();
            let got = evaluate(&f, &r, now);
            prop_assert_eq!(&got, &evaluate(&f, &r, now));
            prop_assert!(got.windows(2).all(|w| (w[0].urgency_class(), w[0]) < (w[1].urgency_class(), w[1])));
            prop_assert_eq!(got.contains(&Kind::UnsafeCheckin), urgent > 0);
            prop_assert!(!(got.contains(&Kind::NotEngaged) && got.contains(&Kind::NoCheckin)));
        }
    }
}
