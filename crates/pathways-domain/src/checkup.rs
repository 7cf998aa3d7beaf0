//! Recovery management check-ups (issue 5, the Recovery Management Checkup protocol of Dennis and Scott): when
//! check-ups fall due, their completion windows in the program's time zone, and the need-for-treatment rule.
//! Pure; the store keeps the check-ups and the web layer shows them.
//!
//! Schedules:
//! - **Fixed quarterly**: every 3 months from enrollment, for 24 months by default (extendable).
//! - **Adaptive**: monthly while treatment is needed; each check-up without need adds one month to the next
//!   interval, up to a cap (3 months by default); a need returns it to monthly.
//!
//! Dates are calendar dates in the program's zone (default: the deployment's): a check-up is due on a day, and its
//! window (±14 days by default) runs from the start of its first day to the end of its last day in that zone, so a
//! daylight-saving change inside the window makes it an hour shorter or longer, never a day off.

mod answers;

pub use answers::{
    CheckupAnswers, HOUSING, PROBLEMS, RawCheckupAnswers, SOCIAL_SUPPORT, TREATMENT_STATUS, WORK_OR_SCHOOL,
};
use chrono::{DateTime, Duration, Months, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// Default completion window on each side of the due date, in days.
pub const DEFAULT_WINDOW_DAYS: u32 = 14;
/// Default length of a fixed schedule, in months.
pub const DEFAULT_FIXED_MONTHS: u32 = 24;
/// Default cap of an adaptive schedule's interval, in months.
pub const DEFAULT_ADAPTIVE_CAP: u32 = 3;

/// A program's check-up schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Schedule {
    /// Every `every_months` from enrollment, for `for_months`.
    Fixed { every_months: u32, for_months: u32 },
    /// Monthly while treatment is needed, one month longer after each check-up without need, up to `cap_months`.
    Adaptive { cap_months: u32 },
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule::Fixed { every_months: 3, for_months: DEFAULT_FIXED_MONTHS }
    }
}

/// `date` plus whole months, the day clamped to the month's last (31 Jan + 1 month = 28 or 29 Feb).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months)).unwrap_or(date)
}

impl Schedule {
    /// The due dates of a fixed schedule from enrollment (the first one `every_months` after it). Empty for an
    /// adaptive schedule, whose dates depend on each check-up's answers (see [`Schedule::next_interval`]).
    pub fn fixed_dates(&self, enrolled: NaiveDate) -> Vec<NaiveDate> {
        match *self {
            Schedule::Fixed { every_months, for_months } if every_months > 0 => (1..)
                .map(|k: u32| k.saturating_mul(every_months))
                .take_while(|m| *m <= for_months)
                .map(|m| add_months(enrolled, m))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The interval to the next check-up, in months, given the last interval and whether the check-up just done
    /// found a need for treatment. Fixed schedules keep their interval.
    pub fn next_interval(&self, last_months: u32, needed: bool) -> u32 {
        match *self {
            Schedule::Fixed { every_months, .. } => every_months.max(1),
            Schedule::Adaptive { cap_months } => {
                if needed {
                    1
                } else {
                    last_months.max(1).saturating_add(1).min(cap_months.max(1))
                }
            }
        }
    }

    /// The next due date after a check-up done on `done` (adaptive: `last_months` is the interval that led to it).
    pub fn next_due(&self, done: NaiveDate, last_months: u32, needed: bool) -> NaiveDate {
        add_months(done, self.next_interval(last_months, needed))
    }
}

/// The first instant of a calendar day in a zone (midnight, or the first time that exists if midnight was skipped).
pub fn start_of_day(date: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let mut t = date.and_time(chrono::NaiveTime::MIN);
    for _ in 0..4 {
        if let Some(local) = tz.from_local_datetime(&t).earliest() {
            return local.with_timezone(&Utc);
        }
        t += Duration::minutes(30);
    }
    t.and_utc()
}

/// A check-up's completion window: from the start of `due - days` to the start of the day after `due + days`,
/// in the program's zone.
pub fn window(due: NaiveDate, days: u32, tz: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
    let days = i64::from(days);
    (start_of_day(due - Duration::days(days), tz), start_of_day(due + Duration::days(days + 1), tz))
}

/// Where a check-up stands at `now`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Its window has not opened.
    Upcoming,
    /// Within its window.
    Due,
    /// Its window has closed.
    Overdue,
}

impl Standing {
    /// The name the API and the stored data use (as serialized).
    pub const fn as_str(self) -> &'static str {
        match self {
            Standing::Upcoming => "upcoming",
            Standing::Due => "due",
            Standing::Overdue => "overdue",
        }
    }
}

pub fn standing(due: NaiveDate, days: u32, tz: Tz, now: DateTime<Utc>) -> Standing {
    let (open, close) = window(due, days, tz);
    if now < open {
        Standing::Upcoming
    } else if now < close {
        Standing::Due
    } else {
        Standing::Overdue
    }
}

/// The check-up's answers the rule reads.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NeedAnswers {
    /// Days of alcohol use in the past 90 days (0–90).
    pub days_alcohol_90: u8,
    /// Days of other drug use in the past 90 days (0–90).
    pub days_drugs_90: u8,
    /// Says they used weekly or more often since the last check-up.
    pub weekly_use_since_last: bool,
    /// Past-month substance-related problems (codes); empty when none.
    pub past_month_problems: Vec<String>,
    /// Says they need or want treatment.
    pub wants_treatment: bool,
    /// Currently in treatment.
    pub in_treatment: bool,
}

/// Why treatment is needed (or why not).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NeedReason {
    WeeklyUse,
    PastMonthProblems,
    WantsTreatment,
    /// A need was present but the person is in treatment already.
    AlreadyInTreatment,
}

impl NeedReason {
    /// The code the API and the stored check-ups use (as serialized).
    pub const fn as_str(self) -> &'static str {
        match self {
            NeedReason::WeeklyUse => "weekly_use",
            NeedReason::PastMonthProblems => "past_month_problems",
            NeedReason::WantsTreatment => "wants_treatment",
            NeedReason::AlreadyInTreatment => "already_in_treatment",
        }
    }
}

/// The rule's answer: whether to link the person to treatment, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Need {
    pub needs_treatment: bool,
    pub reasons: Vec<NeedReason>,
}

/// Days of use in the past 90 days from which use counts as weekly: the Recovery Management Checkup protocol
/// operationalizes "weekly use" from the interview's day counts as 13 or more days of alcohol or other drug use in
/// the past 90 days (Dennis, Scott & Funk 2003, "An experimental evaluation of recovery management checkups (RMC)
/// for people with chronic substance use disorders", Evaluation and Program Planning 26(3); Scott & Dennis 2009,
/// "Results from two randomized clinical trials evaluating the impact of quarterly recovery management checkups
/// with adult chronic substance users", Addiction 104(6)). 13 days in 90 is one day a week over 13 weeks.
pub const WEEKLY_USE_DAYS_90: u8 = 13;

/// Weekly or more frequent use: either day count reaches [`WEEKLY_USE_DAYS_90`], or the person says so.
pub fn weekly_use(a: &NeedAnswers) -> bool {
    a.weekly_use_since_last || a.days_alcohol_90 >= WEEKLY_USE_DAYS_90 || a.days_drugs_90 >= WEEKLY_USE_DAYS_90
}

/// The need-for-treatment rule of the Recovery Management Checkup protocol (sources at [`WEEKLY_USE_DAYS_90`]):
/// weekly or more frequent use (from the day counts or the person's answer), or any past-month substance-related
/// problem, or saying they need or want treatment — unless currently in treatment.
pub fn need_for_treatment(a: &NeedAnswers) -> Need {
    let mut reasons = Vec::new();
    if weekly_use(a) {
        reasons.push(NeedReason::WeeklyUse);
    }
    if !a.past_month_problems.is_empty() {
        reasons.push(NeedReason::PastMonthProblems);
    }
    if a.wants_treatment {
        reasons.push(NeedReason::WantsTreatment);
    }
    if a.in_treatment && !reasons.is_empty() {
        reasons.push(NeedReason::AlreadyInTreatment);
        return Need { needs_treatment: false, reasons };
    }
    Need { needs_treatment: !reasons.is_empty(), reasons }
}

#[cfg(test)]
mod tests {
    use chrono_tz::America::New_York;
    use proptest::prelude::*;

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn names_are_the_serialized_ones() {
        use NeedReason as R;
        for r in [R::WeeklyUse, R::PastMonthProblems, R::WantsTreatment, R::AlreadyInTreatment] {
            assert_eq!(serde_json::to_value(r).ok(), Some(serde_json::Value::from(r.as_str())));
        }
        for st in [Standing::Upcoming, Standing::Due, Standing::Overdue] {
            assert_eq!(serde_json::to_value(st).ok(), Some(serde_json::Value::from(st.as_str())));
        }
    }

    #[test]
    fn the_need_rule_as_a_table() {
        let problems = vec!["missed-work".to_owned()];
        // (weekly use, problems, wants treatment, in treatment) → needs treatment, first reason
        let cases: [(bool, bool, bool, bool, bool, Option<NeedReason>); 9] = [
            (false, false, false, false, false, None),
            (true, false, false, false, true, Some(NeedReason::WeeklyUse)),
            (false, true, false, false, true, Some(NeedReason::PastMonthProblems)),
            (false, false, true, false, true, Some(NeedReason::WantsTreatment)),
            (true, true, true, false, true, Some(NeedReason::WeeklyUse)),
            (true, false, false, true, false, Some(NeedReason::WeeklyUse)),
            (false, true, false, true, false, Some(NeedReason::PastMonthProblems)),
            (false, false, true, true, false, Some(NeedReason::WantsTreatment)),
            (false, false, false, true, false, None),
        ];
        for (weekly, probs, wants, in_tx, needed, first) in cases {
            let a = NeedAnswers {
                weekly_use_since_last: weekly,
                past_month_problems: if probs { problems.clone() } else { Vec::new() },
                wants_treatment: wants,
                in_treatment: in_tx,
                ..NeedAnswers::default()
            };
            let n = need_for_treatment(&a);
            assert_eq!((n.needs_treatment, n.reasons.first().copied()), (needed, first), "{a:?}");
            assert_eq!(n.reasons.contains(&NeedReason::AlreadyInTreatment), in_tx && first.is_some(), "{a:?}");
        }
    }

    #[test]
    fn fixed_quarterly_for_two_years_from_enrollment_with_month_ends_clamped() {
        let dates = Schedule::default().fixed_dates(d(2026, 11, 30));
        assert_eq!(dates.len(), 8);
        assert_eq!(dates[0], d(2027, 2, 28), "30 November + 3 months is the end of February");
        assert_eq!(dates[1], d(2027, 5, 30), "each counted from enrollment, not from the clamped date");
        assert_eq!(dates[7], d(2028, 11, 30));
        let extended = Schedule::Fixed { every_months: 3, for_months: 36 }.fixed_dates(d(2026, 1, 15));
        assert_eq!(extended.len(), 12);
    }

    #[test]
    fn adaptive_goes_monthly_on_need_and_lengthens_to_the_cap() {
        let s = Schedule::Adaptive { cap_months: DEFAULT_ADAPTIVE_CAP };
        assert_eq!(s.next_interval(1, false), 2);
        assert_eq!(s.next_interval(2, false), 3);
        assert_eq!(s.next_interval(3, false), 3, "capped");
        assert_eq!(s.next_interval(3, true), 1, "a need returns it to monthly");
        assert_eq!(s.next_due(d(2026, 1, 31), 1, false), d(2026, 3, 31));
    }

    #[test]
    fn windows_are_whole_local_days_across_daylight_saving() {
        // Due 15 March 2026; the window crosses the change to daylight time on 8 March.
        let (open, close) = window(d(2026, 3, 15), 14, New_York);
        assert_eq!(open, Utc.with_ymd_and_hms(2026, 3, 1, 5, 0, 0).single().unwrap_or_default(), "midnight EST");
        assert_eq!(close, Utc.with_ymd_and_hms(2026, 3, 30, 4, 0, 0).single().unwrap_or_default(), "midnight EDT");
        assert_eq!((close - open).num_hours(), 29 * 24 - 1, "an hour shorter, not a day");
        let just_before = Utc.with_ymd_and_hms(2026, 3, 1, 4, 59, 0).single().unwrap_or_default();
        assert_eq!(standing(d(2026, 3, 15), 14, New_York, just_before), Standing::Upcoming);
        assert_eq!(standing(d(2026, 3, 15), 14, New_York, open), Standing::Due);
        assert_eq!(standing(d(2026, 3, 15), 14, New_York, close), Standing::Overdue);
        // Across the change back in November: an hour longer.
        let (o, c) = window(d(2026, 11, 1), 14, New_York);
        assert_eq!((c - o).num_hours(), 29 * 24 + 1);
    }

    proptest! {
        #[test]
        fn adaptive_intervals_stay_between_a_month_and_the_cap(
            cap in 1u32..7, needs in prop::collection::vec(any::<bool>(), 1..40)
        ) {
            let s = Schedule::Adaptive { cap_months: cap };
            let mut interval = 1;
            let mut due = d(2026, 1, 31);
            let mut seen = std::collections::HashSet::new();
            for needed in needs {
                let next = s.next_due(due, interval, needed);
                interval = s.next_interval(interval, needed);
                prop_assert!((1..=cap).contains(&interval));
                prop_assert_eq!(next, add_months(due, interval));
                prop_assert!(next > due, "never the same day or earlier");
                prop_assert!(seen.insert(next), "no two check-ups due the same day");
                due = next;
            }
        }

        #[test]
        fn fixed_dates_are_increasing_and_at_least_a_month_apart(
            y in 2020i32..2035, m in 1u32..13, day in 1u32..29, every in 1u32..7, months in 1u32..60
        ) {
            let dates = Schedule::Fixed { every_months: every, for_months: months }.fixed_dates(d(y, m, day));
            prop_assert_eq!(u32::try_from(dates.len()).ok(), Some(months / every));
            for pair in dates.windows(2) {
                prop_assert!(pair[1] >= add_months(pair[0], 1) - Duration::days(3));
                prop_assert!(pair[1] > pair[0]);
            }
        }

        #[test]
        fn in_treatment_never_needs_linkage(
            weekly: bool, wants: bool, probs in prop::collection::vec("[a-z]{1,8}", 0..3), alcohol in 0u8..=90, drugs in 0u8..=90,
        ) {
            let a = NeedAnswers {
                days_alcohol_90: alcohol, days_drugs_90: drugs, weekly_use_since_last: weekly,
                past_month_problems: probs, wants_treatment: wants, in_treatment: true,
            };
            prop_assert!(!need_for_treatment(&a).needs_treatment);
        }
    }

    #[test]
    fn weekly_use_is_derived_from_the_day_counts() {
        let counts = |alcohol: u8, drugs: u8| NeedAnswers {
            days_alcohol_90: alcohol,
            days_drugs_90: drugs,
            ..NeedAnswers::default()
        };
        // 45 days of drug use with the weekly-use box unticked: weekly use, so a need.
        let n = need_for_treatment(&counts(0, 45));
        assert!(n.needs_treatment);
        assert_eq!(n.reasons, vec![NeedReason::WeeklyUse]);
        // The edge: 13 days is weekly, 12 is not (for either count).
        assert!(need_for_treatment(&counts(13, 0)).needs_treatment);
        assert!(need_for_treatment(&counts(0, 13)).needs_treatment);
        assert!(!need_for_treatment(&counts(12, 12)).needs_treatment);
        // The person's own answer still counts with low day counts.
        let said = NeedAnswers { weekly_use_since_last: true, ..counts(2, 0) };
        assert_eq!(need_for_treatment(&said).reasons, vec![NeedReason::WeeklyUse]);
        // In treatment already: no new linkage, and the reasons say why.
        let treated = NeedAnswers { in_treatment: true, ..counts(90, 0) };
        let n = need_for_treatment(&treated);
        assert!(!n.needs_treatment);
        assert_eq!(n.reasons, vec![NeedReason::WeeklyUse, NeedReason::AlreadyInTreatment]);
    }

    proptest! {
        #[test]
        fn a_count_of_13_or_more_without_treatment_is_a_need(
            alcohol in 0u8..=90, drugs in 0u8..=90, said in any::<bool>(), wants in any::<bool>(),
        ) {
            let a = NeedAnswers {
                days_alcohol_90: alcohol, days_drugs_90: drugs, weekly_use_since_last: said,
                wants_treatment: wants, in_treatment: false, past_month_problems: Vec::new(),
            };
            let n = need_for_treatment(&a);
            if alcohol >= 13 || drugs >= 13 {
                prop_assert!(n.needs_treatment);
                prop_assert!(n.reasons.contains(&NeedReason::WeeklyUse));
            }
            prop_assert_eq!(n.reasons.contains(&NeedReason::WeeklyUse), alcohol >= 13 || drugs >= 13 || said);
        }
    }
}
