//! The check a funder would make: one function takes a service event and everything around it (the person's
//! day, the staff member's day, their credentials and supervision, the funding source and its voucher or
//! budget) and names *every* problem at once, so the form can show them all before the coach signs.

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use super::units::{EventUnits, event_units};
use super::{Budget, Credential, Funding, Modifier, PayerProfile, ServiceCode, Voucher};

/// The event as recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventFacts {
    pub date: NaiveDate,
    pub starts_at: NaiveTime,
    pub minutes: u32,
    pub code: ServiceCode,
    pub modifiers: Vec<Modifier>,
    /// A prior authorization number or a voucher number, as written on the event.
    pub authorization: Option<String>,
    pub cosigned: bool,
}

/// One person of the event (several for a group service).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonDay {
    /// Age on the date of service; `None` when the birth date is not recorded.
    pub age: Option<u8>,
    pub has_diagnosis: bool,
    /// Minutes and billed units already recorded that day for the same code and funding source.
    pub minutes_before: u32,
    pub units_before: u32,
    /// Other codes already billed for the person that day.
    pub other_codes_that_day: Vec<ServiceCode>,
    /// The person's voucher under this funding source, when it is a voucher program.
    pub voucher: Option<Voucher>,
}

/// A session of the same staff member that day (another event), for the overlap rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Session {
    pub starts_at: NaiveTime,
    pub minutes: u32,
}

/// What the check needs besides the event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context<'a> {
    pub profile: &'a PayerProfile,
    pub funding: &'a Funding,
    /// Units and cents already used of a grant's budget.
    pub budget_used: Budget,
    pub staff_sessions: &'a [Session],
    pub credentials: &'a [Credential],
    pub last_supervision: Option<NaiveDate>,
}

/// One reason a funder would refuse the event. `code()` is stable: a message key on pages, a value in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "problem")]
pub enum Problem {
    NoBillableUnits,
    OverDailyCap {
        person: usize,
        cap: u32,
        requested: u32,
        billable: u32,
    },
    ServiceNotCovered,
    ModifierNotAccepted {
        modifier: String,
    },
    NoCredential,
    CredentialExpired {
        expired_on: NaiveDate,
    },
    SupervisionOverdue {
        last: Option<NaiveDate>,
        within_days: u16,
    },
    CosignatureMissing,
    NoAuthorization,
    OverlappingSession,
    AgeOutsideLimits {
        person: usize,
    },
    AgeUnknown {
        person: usize,
    },
    DiagnosisMissing {
        person: usize,
    },
    SameDayConflict {
        person: usize,
        code: String,
    },
    NoVoucher {
        person: usize,
    },
    VoucherExpired {
        person: usize,
        expired_on: NaiveDate,
    },
    VoucherExhausted {
        person: usize,
        balance: u32,
        units: u32,
    },
    VoucherNumberMismatch {
        person: usize,
    },
    OutsideGrantPeriod,
    /// The person's voucher was withdrawn by an administrator (fifth pass): no new service against it.
    VoucherWithdrawn {
        person: usize,
    },
    ServiceNotInGrant,
    OverGrantBudget,
}

impl Problem {
    pub const fn code(&self) -> &'static str {
        match self {
            Problem::NoBillableUnits => "no-billable-units",
            Problem::OverDailyCap { .. } => "over-daily-cap",
            Problem::ServiceNotCovered => "service-not-covered",
            Problem::ModifierNotAccepted { .. } => "modifier-not-accepted",
            Problem::NoCredential => "no-credential",
            Problem::CredentialExpired { .. } => "credential-expired",
            Problem::SupervisionOverdue { .. } => "supervision-overdue",
            Problem::CosignatureMissing => "cosignature-missing",
            Problem::NoAuthorization => "no-authorization",
            Problem::OverlappingSession => "overlapping-session",
            Problem::AgeOutsideLimits { .. } => "age-outside-limits",
            Problem::AgeUnknown { .. } => "age-unknown",
            Problem::DiagnosisMissing { .. } => "diagnosis-missing",
            Problem::SameDayConflict { .. } => "same-day-conflict",
            Problem::NoVoucher { .. } => "no-voucher",
            Problem::VoucherExpired { .. } => "voucher-expired",
            Problem::VoucherExhausted { .. } => "voucher-exhausted",
            Problem::VoucherNumberMismatch { .. } => "voucher-number-mismatch",
            Problem::OutsideGrantPeriod => "outside-grant-period",
            Problem::VoucherWithdrawn { .. } => "voucher-withdrawn",
            Problem::ServiceNotInGrant => "service-not-in-grant",
            Problem::OverGrantBudget => "over-grant-budget",
        }
    }

    /// A problem only a supervisor's co-signature removes: the event can be signed by its author, but is not
    /// ready to bill until co-signed.
    pub const fn waits_for_cosignature(&self) -> bool {
        matches!(self, Problem::CosignatureMissing)
    }
}

/// The check's answer: the units per person (billable within caps) and every problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub units: Vec<EventUnits>,
    /// Sum of billable units across the event's persons.
    pub total_units: u32,
    pub cents: u64,
    pub problems: Vec<Problem>,
}

impl Checked {
    pub fn ready_to_bill(&self) -> bool {
        self.problems.is_empty()
    }
}

fn minute_of_day(t: NaiveTime) -> u32 {
    t.num_seconds_from_midnight() / 60
}

/// Whether two sessions of one day overlap (touching ends do not: 9:00–9:30 and 9:30–10:00 are fine).
pub fn overlaps(a: Session, b: Session) -> bool {
    let (a0, b0) = (minute_of_day(a.starts_at), minute_of_day(b.starts_at));
    a0 < b0 + b.minutes && b0 < a0 + a.minutes && a.minutes > 0 && b.minutes > 0
}

/// Checks an event for its persons against its profile and funding source. Names every problem.
pub fn check(event: &EventFacts, persons: &[PersonDay], ctx: &Context<'_>) -> Checked {
    let p = ctx.profile;
    let mut problems = Vec::new();
    let units: Vec<EventUnits> = persons
        .iter()
        .map(|d| {
            event_units(p.rounding, p.unit_minutes, p.daily_cap_units, d.minutes_before, d.units_before, event.minutes)
        })
        .collect();
    let total_units: u32 = units.iter().map(|u| u.billable).sum();
    let cents = u64::from(total_units) * u64::from(p.rate_cents);
    if units.iter().all(|u| u.uncapped == 0) {
        problems.push(Problem::NoBillableUnits);
    }
    if let Some(cap) = p.daily_cap_units {
        for (i, u) in units.iter().enumerate() {
            if u.billable < u.uncapped {
                problems.push(Problem::OverDailyCap {
                    person: i,
                    cap,
                    requested: persons[i].units_before + u.uncapped,
                    billable: u.billable,
                });
            }
        }
    }
    if !p.codes.contains(&event.code) {
        problems.push(Problem::ServiceNotCovered);
    }
    for m in &event.modifiers {
        if !p.modifiers.contains(m) {
            problems.push(Problem::ModifierNotAccepted { modifier: m.as_str().to_owned() });
        }
    }
    if p.credential_required && !ctx.credentials.iter().any(|c| c.valid_on(event.date)) {
        // Name the most recent expiry, if the staff member had a credential that lapsed before the date.
        match ctx.credentials.iter().filter_map(|c| c.expires_on.filter(|e| *e < event.date)).max() {
            Some(expired_on) => problems.push(Problem::CredentialExpired { expired_on }),
            None => problems.push(Problem::NoCredential),
        }
    }
    if let Some(days) = p.supervision_within_days {
        let since = event.date - chrono::Duration::days(i64::from(days));
        if !ctx.last_supervision.is_some_and(|s| s >= since && s <= event.date) {
            problems.push(Problem::SupervisionOverdue { last: ctx.last_supervision, within_days: days });
        }
    }
    if p.cosign_required && !event.cosigned {
        problems.push(Problem::CosignatureMissing);
    }
    let mine = Session { starts_at: event.starts_at, minutes: event.minutes };
    if ctx.staff_sessions.iter().any(|s| overlaps(mine, *s)) {
        problems.push(Problem::OverlappingSession);
    }
    let authorization = event.authorization.as_deref().map(str::trim).filter(|a| !a.is_empty());
    let voucher_program = matches!(ctx.funding, Funding::VoucherProgram);
    if (p.authorization_required || voucher_program) && authorization.is_none() {
        problems.push(Problem::NoAuthorization);
    }
    for (i, d) in persons.iter().enumerate() {
        if p.min_age.is_some() || p.max_age.is_some() {
            match d.age {
                None => problems.push(Problem::AgeUnknown { person: i }),
                Some(a) if p.min_age.is_some_and(|lo| a < lo) || p.max_age.is_some_and(|hi| a > hi) => {
                    problems.push(Problem::AgeOutsideLimits { person: i });
                }
                Some(_) => {}
            }
        }
        if p.diagnosis_required && !d.has_diagnosis {
            problems.push(Problem::DiagnosisMissing { person: i });
        }
        if let Some(c) = d.other_codes_that_day.iter().find(|c| p.no_same_day.contains(c)) {
            problems.push(Problem::SameDayConflict { person: i, code: c.as_str().to_owned() });
        }
        if voucher_program {
            match &d.voucher {
                None => problems.push(Problem::NoVoucher { person: i }),
                Some(v) => {
                    if authorization.is_some_and(|a| a != v.number) {
                        problems.push(Problem::VoucherNumberMismatch { person: i });
                    }
                    if v.withdrawn {
                        problems.push(Problem::VoucherWithdrawn { person: i });
                    }
                    if event.date > v.expires_on {
                        problems.push(Problem::VoucherExpired { person: i, expired_on: v.expires_on });
                    }
                    if v.balance_units < units[i].billable || v.balance_units == 0 {
                        problems.push(Problem::VoucherExhausted {
                            person: i,
                            balance: v.balance_units,
                            units: units[i].billable,
                        });
                    }
                }
            }
        }
    }
    if let Funding::Grant { starts_on, ends_on, budget, allowed } = ctx.funding {
        if event.date < *starts_on || event.date > *ends_on {
            problems.push(Problem::OutsideGrantPeriod);
        }
        if !allowed.is_empty() && !allowed.contains(&event.code) {
            problems.push(Problem::ServiceNotInGrant);
        }
        let over = match (budget, ctx.budget_used) {
            (Budget::Units(total), Budget::Units(used)) => used + u64::from(total_units) > *total,
            (Budget::Cents(total), Budget::Cents(used)) => used + cents > *total,
            // A budget and its use in different measures: the store always reads them alike; treat as over.
            _ => true,
        };
        if over {
            problems.push(Problem::OverGrantBudget);
        }
    }
    Checked { units, total_units, cents, problems }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::financing::Rounding;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).expect("date")
    }
    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("time")
    }
    fn event(minutes: u32) -> EventFacts {
        EventFacts {
            date: d(16),
            starts_at: t(10, 0),
            minutes,
            code: ServiceCode::peer_services(),
            modifiers: vec![],
            authorization: Some("PA-1".into()),
            cosigned: true,
        }
    }
    /// A voucher program's context with nothing else to check (no staff sessions, credentials or supervision).
    fn voucher_context(profile: &PayerProfile) -> Context<'_> {
        Context {
            profile,
            funding: &Funding::VoucherProgram,
            budget_used: Budget::Units(0),
            staff_sessions: &[],
            credentials: &[],
            last_supervision: None,
        }
    }

    fn person() -> PersonDay {
        PersonDay {
            age: Some(34),
            has_diagnosis: true,
            minutes_before: 0,
            units_before: 0,
            other_codes_that_day: vec![],
            voucher: None,
        }
    }
    fn strict() -> PayerProfile {
        PayerProfile {
            daily_cap_units: Some(16),
            min_age: Some(18),
            max_age: None,
            diagnosis_required: true,
            no_same_day: vec![ServiceCode::parse("H0039").expect("a code of the form")],
            credential_required: true,
            supervision_within_days: Some(30),
            cosign_required: true,
            authorization_required: true,
            modifiers: vec![Modifier::parse("HF").expect("modifier")],
            ..PayerProfile::peer_services("Medicaid-like", 2_000)
        }
    }
    fn credential() -> Credential {
        Credential {
            kind: "Recovery support specialist".into(),
            number: Some("RSS-1".into()),
            issued_on: d(1),
            expires_on: Some(d(30)),
        }
    }

    #[test]
    fn a_clean_event_is_ready_to_bill() {
        let profile = strict();
        let creds = [credential()];
        let ctx = Context {
            profile: &profile,
            funding: &Funding::Payer,
            budget_used: Budget::Units(0),
            staff_sessions: &[Session { starts_at: t(9, 0), minutes: 60 }],
            credentials: &creds,
            last_supervision: Some(d(2)),
        };
        let c = check(&event(45), &[person()], &ctx);
        assert_eq!(c.problems, vec![], "a session ending at 10:00 does not overlap one starting then");
        assert_eq!((c.total_units, c.cents), (3, 6_000));
        assert!(c.ready_to_bill());
    }

    #[test]
    fn every_problem_is_named_at_once() {
        let profile = strict();
        let creds = [Credential { expires_on: Some(d(10)), ..credential() }];
        let ctx = Context {
            profile: &profile,
            funding: &Funding::Payer,
            budget_used: Budget::Units(0),
            staff_sessions: &[Session { starts_at: t(10, 30), minutes: 30 }],
            credentials: &creds,
            last_supervision: Some(d(16) - chrono::Duration::days(31)),
        };
        let mut e = event(60);
        e.authorization = Some("  ".into());
        e.cosigned = false;
        e.modifiers = vec![Modifier::parse("U1").expect("modifier")];
        e.code = ServiceCode::parse("H0039").expect("code");
        let p = PersonDay {
            age: Some(17),
            has_diagnosis: false,
            minutes_before: 210,
            units_before: 14,
            other_codes_that_day: vec![ServiceCode::parse("H0039").expect("code")],
            voucher: None,
        };
        let c = check(&e, &[p], &ctx);
        let codes: Vec<_> = c.problems.iter().map(Problem::code).collect();
        assert_eq!(
            codes,
            [
                "over-daily-cap",
                "service-not-covered",
                "modifier-not-accepted",
                "credential-expired",
                "supervision-overdue",
                "cosignature-missing",
                "overlapping-session",
                "no-authorization",
                "age-outside-limits",
                "diagnosis-missing",
                "same-day-conflict",
            ]
        );
        assert_eq!(c.problems[0], Problem::OverDailyCap { person: 0, cap: 16, requested: 18, billable: 2 });
        assert_eq!(c.problems[3], Problem::CredentialExpired { expired_on: d(10) });
    }

    #[test]
    fn no_credential_at_all_and_a_credential_issued_after_the_day() {
        let profile = strict();
        for creds in [vec![], vec![Credential { issued_on: d(17), ..credential() }]] {
            let ctx = Context {
                profile: &profile,
                funding: &Funding::Payer,
                budget_used: Budget::Units(0),
                staff_sessions: &[],
                credentials: &creds,
                last_supervision: Some(d(15)),
            };
            let c = check(&event(30), &[person()], &ctx);
            assert_eq!(c.problems, vec![Problem::NoCredential]);
        }
    }

    #[test]
    fn vouchers_need_their_number_units_and_time() {
        let profile = PayerProfile::peer_services("Voucher program", 1_500);
        let voucher = Voucher {
            number: "V-7".into(),
            authorized_units: 20,
            balance_units: 2,
            expires_on: d(15),
            withdrawn: false,
        };
        let ctx = voucher_context(&profile);
        let mut e = event(60);
        e.authorization = Some("V-8".into());
        let persons = [PersonDay { voucher: Some(voucher), ..person() }, person()];
        let c = check(&e, &persons, &ctx);
        assert_eq!(
            c.problems,
            vec![
                Problem::VoucherNumberMismatch { person: 0 },
                Problem::VoucherExpired { person: 0, expired_on: d(15) },
                Problem::VoucherExhausted { person: 0, balance: 2, units: 4 },
                Problem::NoVoucher { person: 1 },
            ]
        );
        e.authorization = None;
        let c = check(&e, &persons[1..], &ctx);
        assert_eq!(c.problems, vec![Problem::NoAuthorization, Problem::NoVoucher { person: 0 }]);
    }

    #[test]
    fn a_withdrawn_voucher_is_named_even_with_units_and_time_left() {
        let profile = PayerProfile::peer_services("Voucher program", 1_500);
        let ctx = voucher_context(&profile);
        let mut e = event(30);
        e.authorization = Some("V-9".into());
        let full = Voucher {
            number: "V-9".into(),
            authorized_units: 20,
            balance_units: 20,
            expires_on: d(28),
            withdrawn: false,
        };
        let person_with = |v: &Voucher| PersonDay { voucher: Some(v.clone()), ..person() };
        assert_eq!(check(&e, &[person_with(&full)], &ctx).problems, Vec::<Problem>::new());
        let withdrawn = Voucher { withdrawn: true, ..full };
        let c = check(&e, &[person(), person_with(&withdrawn)], &ctx);
        assert_eq!(c.problems, vec![Problem::NoVoucher { person: 0 }, Problem::VoucherWithdrawn { person: 1 }]);
        assert_eq!(c.problems[1].code(), "voucher-withdrawn");
    }

    #[test]
    fn grants_have_a_period_services_and_a_budget() {
        let profile = PayerProfile::peer_services("State grant", 2_500);
        let grant = Funding::Grant {
            starts_on: d(1),
            ends_on: d(15),
            budget: Budget::Cents(100_000),
            allowed: vec![ServiceCode::parse("T1012").expect("a code of the form")],
        };
        let ctx = Context {
            profile: &profile,
            funding: &grant,
            budget_used: Budget::Cents(96_000),
            staff_sessions: &[],
            credentials: &[],
            last_supervision: None,
        };
        let c = check(&event(30), &[person()], &ctx);
        let codes: Vec<_> = c.problems.iter().map(Problem::code).collect();
        assert_eq!(codes, ["outside-grant-period", "service-not-in-grant", "over-grant-budget"]);
        let in_units = Funding::Grant { starts_on: d(1), ends_on: d(30), budget: Budget::Units(10), allowed: vec![] };
        let ctx = Context { funding: &in_units, budget_used: Budget::Units(8), ..ctx };
        assert_eq!(check(&event(30), &[person()], &ctx).problems, vec![]);
        let ctx = Context { budget_used: Budget::Units(9), ..ctx };
        assert_eq!(check(&event(30), &[person()], &ctx).problems, vec![Problem::OverGrantBudget]);
    }

    #[test]
    fn too_short_a_session_bills_nothing_and_says_so() {
        let profile = PayerProfile { rounding: Rounding::WholeUnits, ..PayerProfile::peer_services("Payer", 100) };
        let ctx = Context {
            profile: &profile,
            funding: &Funding::Payer,
            budget_used: Budget::Units(0),
            staff_sessions: &[],
            credentials: &[],
            last_supervision: None,
        };
        assert_eq!(check(&event(14), &[person()], &ctx).problems, vec![Problem::NoBillableUnits]);
    }

    #[test]
    fn group_services_count_units_per_person() {
        let profile = PayerProfile { daily_cap_units: Some(4), ..PayerProfile::peer_services("Payer", 1_000) };
        let ctx = Context {
            profile: &profile,
            funding: &Funding::Payer,
            budget_used: Budget::Units(0),
            staff_sessions: &[],
            credentials: &[],
            last_supervision: None,
        };
        let busy = PersonDay { minutes_before: 45, units_before: 3, ..person() };
        let c = check(&event(60), &[person(), busy], &ctx);
        assert_eq!(c.units.iter().map(|u| u.billable).collect::<Vec<_>>(), [4, 1]);
        assert_eq!((c.total_units, c.cents), (5, 5_000));
        assert_eq!(c.problems, vec![Problem::OverDailyCap { person: 1, cap: 4, requested: 7, billable: 1 }]);
    }

    #[test]
    fn overlap_edges() {
        let s = |h, m, minutes| Session { starts_at: t(h, m), minutes };
        assert!(overlaps(s(9, 0, 60), s(9, 59, 10)));
        assert!(!overlaps(s(9, 0, 60), s(10, 0, 10)));
        assert!(!overlaps(s(10, 0, 10), s(9, 0, 60)));
        assert!(overlaps(s(9, 0, 60), s(9, 15, 15)), "inside");
        assert!(overlaps(s(9, 15, 15), s(9, 0, 60)), "around");
    }
}
