//! A program's check-up schedule and outreach rules as a supervisor sets them: the form's text checked into a
//! [`Schedule`] and [`Rules`], every bad field named.

use chrono_tz::Tz;

use super::Rules;
use crate::checkup::Schedule;
use crate::text::FieldError;

/// The settings form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SettingsForm {
    /// `fixed` or `adaptive`.
    pub schedule_kind: String,
    pub every_months: String,
    pub for_months: String,
    pub cap_months: String,
    pub window_days: String,
    pub time_zone: String,
    pub quiet_days: String,
    pub no_contact_days: String,
    pub linkage_stall_days: String,
    pub escalate_after: String,
}

impl SettingsForm {
    /// The form as it shows a program's current settings.
    pub fn of(schedule: Schedule, rules: &Rules) -> Self {
        let (kind, every, for_months, cap) = match schedule {
            Schedule::Fixed { every_months, for_months } => ("fixed", every_months, for_months, 3),
            Schedule::Adaptive { cap_months } => ("adaptive", 3, 24, cap_months),
        };
        Self {
            schedule_kind: kind.into(),
            every_months: every.to_string(),
            for_months: for_months.to_string(),
            cap_months: cap.to_string(),
            window_days: rules.window_days.to_string(),
            time_zone: rules.tz.name().into(),
            quiet_days: rules.quiet_days.to_string(),
            no_contact_days: rules.no_contact_days.to_string(),
            linkage_stall_days: rules.linkage_stall_days.to_string(),
            escalate_after: rules.escalate_after.to_string(),
        }
    }
}

/// The shortest month, in days: a window on each side of a due date reaches at most halfway to the next.
const SHORTEST_MONTH_DAYS: u32 = 28;

/// Checks the form. Bounds: every 1–12 months for up to 120 months (at least one check-up); an adaptive cap of
/// 1–12 months; a window of 1 day up to half the shortest interval (a window never reaches past the next due date's);
/// a time zone of the IANA database; quiet 1–365 days, no contact 7–365, a stall 1–90, escalation after 1–20
/// failed attempts.
pub fn parse_settings(f: &SettingsForm) -> Result<(Schedule, Rules), Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut num = |field: &'static str, raw: &str, lo: u32, hi: u32| -> u32 {
        match raw.trim().parse::<u32>() {
            Ok(v) if (lo..=hi).contains(&v) => v,
            Ok(_) => {
                errors.push(FieldError::new(field, "out-of-range"));
                lo
            }
            Err(_) if raw.trim().is_empty() => {
                errors.push(FieldError::new(field, "required"));
                lo
            }
            Err(_) => {
                errors.push(FieldError::new(field, "invalid"));
                lo
            }
        }
    };
    let schedule = match f.schedule_kind.as_str() {
        "fixed" => {
            let every_months = num("every_months", &f.every_months, 1, 12);
            let for_months = num("for_months", &f.for_months, every_months.max(1), 120);
            Some(Schedule::Fixed { every_months, for_months })
        }
        "adaptive" => Some(Schedule::Adaptive { cap_months: num("cap_months", &f.cap_months, 1, 12) }),
        _ => None,
    };
    let shortest = match schedule {
        Some(Schedule::Fixed { every_months, .. }) => every_months,
        _ => 1,
    };
    let window_days = num("window_days", &f.window_days, 1, shortest * SHORTEST_MONTH_DAYS / 2);
    let quiet_days = num("quiet_days", &f.quiet_days, 1, 365);
    let no_contact_days = num("no_contact_days", &f.no_contact_days, 7, 365);
    let linkage_stall_days = num("linkage_stall_days", &f.linkage_stall_days, 1, 90);
    let escalate_after = num("escalate_after", &f.escalate_after, 1, 20);
    if schedule.is_none() {
        errors.push(FieldError::new("schedule_kind", "unknown-choice"));
    }
    let tz = f.time_zone.trim().parse::<Tz>().ok();
    if tz.is_none() {
        errors.push(FieldError::new("time_zone", "unknown-choice"));
    }
    match (schedule, tz) {
        (Some(schedule), Some(tz)) if errors.is_empty() => {
            Ok((schedule, Rules { quiet_days, no_contact_days, linkage_stall_days, window_days, tz, escalate_after }))
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn form() -> SettingsForm {
        SettingsForm::of(Schedule::default(), &Rules::default())
    }

    #[test]
    fn the_defaults_read_back_as_themselves() {
        assert_eq!(parse_settings(&form()), Ok((Schedule::default(), Rules::default())));
        let adaptive = SettingsForm::of(Schedule::Adaptive { cap_months: 4 }, &Rules::default());
        assert_eq!(parse_settings(&adaptive).map(|s| s.0), Ok(Schedule::Adaptive { cap_months: 4 }));
    }

    #[test]
    fn every_bad_field_is_named() {
        let f = SettingsForm {
            schedule_kind: "weekly".into(),
            window_days: "0".into(),
            time_zone: "Mars/Olympus".into(),
            quiet_days: "".into(),
            no_contact_days: "ten".into(),
            ..form()
        };
        let errors = parse_settings(&f).expect_err("bad");
        let named: Vec<(&str, &str)> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            named,
            vec![
                ("window_days", "out-of-range"),
                ("quiet_days", "required"),
                ("no_contact_days", "invalid"),
                ("schedule_kind", "unknown-choice"),
                ("time_zone", "unknown-choice"),
            ]
        );
    }

    #[test]
    fn windows_never_overlap_and_a_fixed_schedule_has_a_check_up() {
        let monthly = SettingsForm { every_months: "1".into(), window_days: "15".into(), ..form() };
        assert_eq!(parse_settings(&monthly).expect_err("overlap")[0], FieldError::new("window_days", "out-of-range"));
        let monthly = SettingsForm { window_days: "14".into(), ..monthly };
        assert!(parse_settings(&monthly).is_ok());
        let adaptive = SettingsForm { schedule_kind: "adaptive".into(), window_days: "20".into(), ..form() };
        assert!(parse_settings(&adaptive).is_err(), "adaptive goes monthly: 20 days each side would overlap");
        let quarterly = SettingsForm { window_days: "42".into(), ..form() };
        assert!(parse_settings(&quarterly).is_ok());
        let short = SettingsForm { every_months: "6".into(), for_months: "3".into(), ..form() };
        assert_eq!(parse_settings(&short).expect_err("none"), vec![FieldError::new("for_months", "out-of-range")]);
    }

    proptest! {
        /// Whatever is accepted keeps each window inside its interval and the schedule long enough for one.
        #[test]
        fn accepted_settings_are_sound(every in 0u32..15, for_m in 0u32..130, window in 0u32..60, adaptive: bool) {
            let f = SettingsForm {
                schedule_kind: if adaptive { "adaptive" } else { "fixed" }.into(),
                every_months: every.to_string(),
                for_months: for_m.to_string(),
                window_days: window.to_string(),
                ..form()
            };
            if let Ok((schedule, rules)) = parse_settings(&f) {
                let shortest = match schedule {
                    Schedule::Fixed { every_months, for_months } => {
                        prop_assert!(every_months >= 1 && for_months >= every_months);
                        every_months
                    }
                    Schedule::Adaptive { cap_months } => {
                        prop_assert!((1..=12).contains(&cap_months));
                        1
                    }
                };
                prop_assert!(rules.window_days >= 1 && 2 * rules.window_days <= shortest * SHORTEST_MONTH_DAYS);
            }
        }
    }
}
